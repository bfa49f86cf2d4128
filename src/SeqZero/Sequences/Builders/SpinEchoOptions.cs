namespace SeqZero.Sequences.Builders;

/// <summary>Multi-shot 2D spin echo: one line per TR, 90° → TE/2 → 180° → readout centred on TE → recovery.</summary>
public sealed record SpinEchoOptions
{
    public int Matrix { get; init; } = 64;
    public double FovMeters { get; init; } = 0.2;
    public double EchoTimeSeconds { get; init; } = 20e-3;
    public double RepetitionTimeSeconds { get; init; } = 500e-3;
    public double DwellSeconds { get; init; } = 50e-6;
    /// <summary>Crusher moment on each side of the 180° [cycles/m], in multiples of N·Δk.</summary>
    public double CrusherInReadouts { get; init; } = 1;
}
