namespace SeqZero.Sequences.Builders;

/// <summary>Single-shot RARE / TSE with CPMG phases (excitation at 90° phase, refocusing about x). Defaults reproduce
/// the MRzero-Core reference case (dwell 100 µs, echo spacing (N + 30)·dwell, crushers 3·N/2·Δk).</summary>
public sealed record RareOptions
{
    public int Matrix { get; init; } = 64;
    public double FovMeters { get; init; } = 0.2;
    public double ExcitationFlipDegrees { get; init; } = 90;
    /// <summary>Refocusing flip of every echo [deg]; see <see cref="RefocusingFlipsDegrees"/> for a train.</summary>
    public double RefocusingFlipDegrees { get; init; } = 180;
    /// <summary>Optional flip train, one per echo; overrides <see cref="RefocusingFlipDegrees"/>.</summary>
    public IReadOnlyList<double>? RefocusingFlipsDegrees { get; init; }
    public double DwellSeconds { get; init; } = 100e-6;
    /// <summary>Time from the refocusing pulse to the first sample's start [s] (the echo sits at ES/2).</summary>
    public double? EchoSpacingSeconds { get; init; }
    /// <summary>Crusher moment around each refocusing pulse, as a multiple of N/2·Δk (MRzero: 2, i.e. total 3·N/2·Δk).</summary>
    public double CrusherInHalfReadouts { get; init; } = 2;
    /// <summary>Centric phase-encoding order instead of linear.</summary>
    public bool Centric { get; init; }
}
