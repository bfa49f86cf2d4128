namespace SeqZero.Sequences.Builders;

/// <summary>Balanced SSFP: alternating pulse phase (0, π), every gradient moment balanced within the TR, readout
/// centred so that TE = TR/2.</summary>
public sealed record BssfpOptions
{
    public int Matrix { get; init; } = 64;
    public double FovMeters { get; init; } = 0.2;
    public double FlipAngleDegrees { get; init; } = 60;
    public double DwellSeconds { get; init; } = 20e-6;
    /// <summary>Minimum prewinder and rewinder duration [s].</summary>
    public double PrewinderSeconds { get; init; } = 0.5e-3;
    /// <summary>Repetition time [s]; null = shortest possible.</summary>
    public double? RepetitionTimeSeconds { get; init; }
    /// <summary>Dummy repetitions (no ADC) before the imaging lines, to approach the steady state.</summary>
    public int DummyRepetitions { get; init; } = 0;
    /// <summary>Start with an α/2 pulse TR/2 before the first α (Deimling's catalyst), damping the transient.</summary>
    public bool HalfAlphaPreparation { get; init; } = true;
}
