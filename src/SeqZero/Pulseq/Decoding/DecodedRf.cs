using System.Numerics;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Decoding;

/// <summary>An RF event laid out in time. Times are relative to the block start [s] and include the delay; the complex
/// B1 amplitude is in Hz (γ̄·B1): SignalHz[k] = amplitude · mag[k] · e^{i·2π·phase[k]}, without the frequency/phase offsets,
/// which are given separately. Samples are the waveform's values at <see cref="TimesSeconds"/>: raster shapes are
/// piece-wise constant around them, time-shaped pulses piece-wise linear between them.</summary>
public sealed class DecodedRf
{
    internal DecodedRf(int id, double[] timesSeconds, Complex[] signalHz, double delaySeconds, double endSeconds, double centerSeconds,
        PulseqRfEvent source, PulseqRfUse use, bool isTimeShaped)
    {
        Id = id;
        TimesSeconds = timesSeconds;
        SignalHz = signalHz;
        DelaySeconds = delaySeconds;
        EndSeconds = endSeconds;
        CenterSeconds = centerSeconds;
        FrequencyHz = source.FrequencyHz;
        PhaseRadians = source.PhaseRadians;
        FrequencyPpm = source.FrequencyPpm;
        PhasePpm = source.PhasePpm;
        Use = use;
        IsTimeShaped = isTimeShaped;
    }

    /// <summary>The [RF] id.</summary>
    public int Id { get; }

    public double[] TimesSeconds { get; }
    public Complex[] SignalHz { get; }
    public double DelaySeconds { get; }

    /// <summary>End of the pulse shape relative to the block start [s] (delay + shape duration).</summary>
    public double EndSeconds { get; }

    /// <summary>Effective centre (stored from 1.5, else the middle of the magnitude peak) relative to the block start [s].</summary>
    public double CenterSeconds { get; }

    public double FrequencyHz { get; }
    public double PhaseRadians { get; }
    public double FrequencyPpm { get; }
    public double PhasePpm { get; }

    /// <summary>Stored use (1.5) or, when undefined, excitation for flip ≤ 90° and refocusing above.</summary>
    public PulseqRfUse Use { get; }

    /// <summary>True when a time shape gives the sample times (piece-wise linear interpretation).</summary>
    public bool IsTimeShaped { get; }

    /// <summary>Flip angle [rad] = 2π·|Σₖ SignalHz[k]·(t[k+1] − t[k])| over k = 0…n−2, the rule of MATLAB testReport.</summary>
    public double FlipAngleRadians
    {
        get
        {
            Complex sum = Complex.Zero;
            for (int k = 0; k + 1 < SignalHz.Length; k++) sum += SignalHz[k] * (TimesSeconds[k + 1] - TimesSeconds[k]);
            return 2 * Math.PI * sum.Magnitude;
        }
    }
}
