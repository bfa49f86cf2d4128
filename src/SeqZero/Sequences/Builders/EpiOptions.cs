namespace SeqZero.Sequences.Builders;

/// <summary>Single-shot gradient-echo EPI, blipped Cartesian, alternating read direction.</summary>
public sealed record EpiOptions
{
    public int Matrix { get; init; } = 64;
    public double FovMeters { get; init; } = 0.2;
    public double FlipAngleDegrees { get; init; } = 90;
    public double DwellSeconds { get; init; } = 10e-6;
    /// <summary>Duration of each phase blip between lines [s].</summary>
    public double BlipSeconds { get; init; } = 100e-6;
    /// <summary>Echo time: pulse to the k = 0 sample [s]; null = shortest.</summary>
    public double? EchoTimeSeconds { get; init; }
    /// <summary>Minimum prewinder duration [s].</summary>
    public double PrewinderSeconds { get; init; } = 0.5e-3;
}
