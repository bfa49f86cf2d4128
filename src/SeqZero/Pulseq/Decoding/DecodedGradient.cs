namespace SeqZero.Pulseq.Decoding;

/// <summary>A gradient event as a piece-wise linear waveform: corner times relative to the block start [s] (delay
/// included) and amplitudes [Hz/m]. Trapezoids give 4 corners; arbitrary gradients give first, the samples, last
/// (raster shapes: samples at (k+½)·raster, first at the start and last at the end of the raster) or the time-shape points.</summary>
public sealed class DecodedGradient
{
    internal DecodedGradient(int id, bool isTrapezoid, double[] timesSeconds, double[] amplitudesHzPerMeter, double delaySeconds)
    {
        Id = id;
        IsTrapezoid = isTrapezoid;
        TimesSeconds = timesSeconds;
        AmplitudesHzPerMeter = amplitudesHzPerMeter;
        DelaySeconds = delaySeconds;
    }

    /// <summary>The [GRADIENTS] or [TRAP] id.</summary>
    public int Id { get; }

    public bool IsTrapezoid { get; }
    public double[] TimesSeconds { get; }
    public double[] AmplitudesHzPerMeter { get; }
    public double DelaySeconds { get; }

    /// <summary>True when the last value was not stored (raster shapes before 1.5) but found by the edge recursion, which
    /// carries the rounding of every sample (up to ~1 % after thousands of samples).</summary>
    public bool IsLastInferred { get; init; }

    /// <summary>Time of the last corner relative to the block start [s].</summary>
    public double EndSeconds => TimesSeconds[^1];

    /// <summary>Value at the first corner [Hz/m].</summary>
    public double FirstHzPerMeter => AmplitudesHzPerMeter[0];

    /// <summary>Value at the last corner [Hz/m].</summary>
    public double LastHzPerMeter => AmplitudesHzPerMeter[^1];

    /// <summary>Gradient moment ∫g dt over the event [1/m], exact for the piece-wise linear waveform (trapezoid rule).</summary>
    public double MomentPerMeter => MomentUntil(double.PositiveInfinity);

    /// <summary>∫g dt from the block start to <paramref name="timeSeconds"/> (relative to the block start) [1/m].</summary>
    public double MomentUntil(double timeSeconds)
    {
        double sum = 0;
        for (int k = 0; k + 1 < TimesSeconds.Length; k++)
        {
            double t0 = TimesSeconds[k], t1 = TimesSeconds[k + 1];
            if (timeSeconds <= t0) break;
            double g0 = AmplitudesHzPerMeter[k], g1 = AmplitudesHzPerMeter[k + 1];
            if (timeSeconds >= t1)
            {
                sum += 0.5 * (g0 + g1) * (t1 - t0);
                continue;
            }
            double gt = g0 + (g1 - g0) * (timeSeconds - t0) / (t1 - t0);
            sum += 0.5 * (g0 + gt) * (timeSeconds - t0);
            break;
        }
        return sum;
    }
}
