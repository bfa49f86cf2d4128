namespace SeqZero.Pulseq.Decoding;

/// <summary>An ADC event: sample k at DelaySeconds + (k+½)·DwellSeconds after the block start.</summary>
public sealed class DecodedAdc
{
    internal DecodedAdc(int id, Model.PulseqAdcEvent source, double[]? phaseModulationRadians)
    {
        Id = id;
        NumSamples = (int)source.NumSamples;
        DwellSeconds = source.DwellSeconds;
        DelaySeconds = source.DelaySeconds;
        FrequencyHz = source.FrequencyHz;
        PhaseRadians = source.PhaseRadians;
        FrequencyPpm = source.FrequencyPpm;
        PhasePpm = source.PhasePpm;
        PhaseModulationRadians = phaseModulationRadians;
    }

    /// <summary>The [ADC] id.</summary>
    public int Id { get; }

    public int NumSamples { get; }
    public double DwellSeconds { get; }
    public double DelaySeconds { get; }
    public double FrequencyHz { get; }
    public double PhaseRadians { get; }
    public double FrequencyPpm { get; }
    public double PhasePpm { get; }

    /// <summary>Per-sample phase modulation (1.5 phase shape) [rad], or null.</summary>
    public double[]? PhaseModulationRadians { get; }

    /// <summary>End of the last dwell interval relative to the block start [s].</summary>
    public double EndSeconds => DelaySeconds + NumSamples * DwellSeconds;

    /// <summary>Time of sample <paramref name="k"/> relative to the block start [s].</summary>
    public double SampleTimeSeconds(int k) => DelaySeconds + (k + 0.5) * DwellSeconds;
}
