namespace SeqZero.Sequences.Builders;

/// <summary>Inversion-prepared FLASH for T1 mapping (MRzero Fig. 9 style): several blocks, each an inversion, a wait TI,
/// a centric FLASH readout of all lines, and a recovery wait; the blocks differ only in their TI.</summary>
public sealed record InversionFlashOptions
{
    public int Matrix { get; init; } = 32;
    public double FovMeters { get; init; } = 0.2;
    public double FlipAngleDegrees { get; init; } = 5;
    /// <summary>Inversion times, one per block [s] (the paper uses 6 blocks).</summary>
    public IReadOnlyList<double> InversionTimesSeconds { get; init; } = [0.1, 0.3, 0.6, 1.0, 1.6, 2.5];
    /// <summary>Wait after each readout before the next inversion [s].</summary>
    public double RecoverySeconds { get; init; } = 3.0;
    public double DwellSeconds { get; init; } = 80e-6;
    /// <summary>Spoiler moment after the inversion, in multiples of N·Δk.</summary>
    public double InversionSpoilerInReadouts { get; init; } = 2;
}
