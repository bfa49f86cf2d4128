namespace SeqZero.Sequences.Builders;

/// <summary>Spoiled gradient echo (FLASH), one phase-encoding line per repetition. Defaults reproduce the MRzero-Core
/// reference case (10°, dwell 80 µs, 1 ms + 1 ms before the readout, 2 ms spoiler, RF spoiling 117°).</summary>
public sealed record FlashOptions
{
    public int Matrix { get; init; } = 64;
    public double FovMeters { get; init; } = 0.2;
    public double FlipAngleDegrees { get; init; } = 10;
    public double DwellSeconds { get; init; } = 80e-6;
    /// <summary>Gap after the pulse with no gradient (slice rephasing in a real scan) [s].</summary>
    public double ExcitationGapSeconds { get; init; } = 1e-3;
    /// <summary>Minimum prewinder (phase encoding + read dephasing) duration [s].</summary>
    public double PrewinderSeconds { get; init; } = 1e-3;
    /// <summary>Minimum spoiler duration after the readout [s].</summary>
    public double SpoilerSeconds { get; init; } = 2e-3;
    /// <summary>Echo time: pulse to the k = 0 sample [s]; null = shortest possible.</summary>
    public double? EchoTimeSeconds { get; init; }
    /// <summary>Repetition time [s]; null = shortest possible.</summary>
    public double? RepetitionTimeSeconds { get; init; }
    /// <summary>Quadratic RF-spoiling increment [deg]: φ_n = ½·inc·(n² + n + 2). 0 = no RF spoiling.</summary>
    public double RfSpoilingIncrementDegrees { get; init; } = 117;
    /// <summary>Read-direction moment left after the spoiler, in multiples of the readout's N·Δk (1.5 in MRzero).</summary>
    public double SpoilerMomentInReadouts { get; init; } = 1.5;
    /// <summary>Centric (0, −1, 1, …) instead of linear phase-encoding order.</summary>
    public bool Centric { get; init; }
}
