namespace SeqZero.Search;

/// <summary>The structural categories of Tables II and III and Section II.E.2 of the paper, applied to successful
/// designs (everything else is <see cref="Others"/>). Tolerances ±20° on flips and on the refocusing phase.
/// Table II (Exp 1, 2): the last two RFs are 90°–180°, earlier RFs &lt; 20°; Hahn-echo-like when the refocusing phase
/// (last minus second-to-last RF phase) is near 0° or ±180°, other spin-echo-like otherwise. Exp 1 splits Hahn-echo-like
/// by RF count (Table V), Exp 2 by refocusing phase (Table VI). Exp 2 with distinct T1 adds inversion-prepared
/// spin-echo-like: 180°–90°–180° (other RFs &lt; 20°) with TI &gt; 100 ms. Table III (Exp 3): 180°–90° and 180°–90°–180°
/// with TI &gt; 2.7 s. TI is the time from the inversion to the 90° pulse. A custom objective (not in the paper) gets all of
/// these shapes with TI &gt; 100 ms, double-inversion-prepared gradient-echo-like (180°–180°–90°, both inversions more than
/// 100 ms before the 90°) and gradient-echo-like for one RF ≥ 20° (earlier RFs &lt; 20°).</summary>
public static class DesignCategories
{
    public const string Others = "Others";
    public const double FlipToleranceDegrees = 20, PhaseToleranceDegrees = 20;
    /// <summary>Earlier RFs below this flip do not define the structure (Section II.E.1).</summary>
    public const double PreparatoryFlipDegrees = 20;
    public const double SpinEchoTiSeconds = 0.100, CsfNullingTiSeconds = 2.7;

    /// <summary>The category of a successful design of <paramref name="experiment"/> (exp1, exp2, exp2-distinct-t1, exp3, custom).</summary>
    public static string Categorise(string experiment, ProcessedDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return experiment switch
        {
            "exp3" => CsfNulling(design),
            "exp1" => SpinEcho(design, byRfCount: true) ?? Others,
            "exp2" => SpinEcho(design, byRfCount: false) ?? Others,
            "exp2-distinct-t1" => InversionSpinEcho(design, SpinEchoTiSeconds) is { } name ? name : SpinEcho(design, byRfCount: false) ?? Others,
            "custom" => InversionGradientEcho(design, SpinEchoTiSeconds) ?? InversionSpinEcho(design, SpinEchoTiSeconds)
                ?? DoubleInversionGradientEcho(design, SpinEchoTiSeconds) ?? SpinEcho(design, byRfCount: false) ?? GradientEcho(design) ?? Others,
            _ => throw new ArgumentException($"Unknown experiment '{experiment}'.", nameof(experiment)),
        };
    }

    private static string? SpinEcho(ProcessedDesign d, bool byRfCount)
    {
        int n = d.RfCount;
        if (n < 2 || !Near(d.FlipsDegrees[n - 2], 90) || !Near(d.FlipsDegrees[n - 1], 180)) return null;
        for (int i = 0; i < n - 2; i++) if (d.FlipsDegrees[i] >= PreparatoryFlipDegrees) return null;
        double refocusing = Math.Abs(RefocusingPhase(d));
        bool nearZero = refocusing <= PhaseToleranceDegrees, nearPi = refocusing >= 180 - PhaseToleranceDegrees;
        if (!nearZero && !nearPi) return "Other spin-echo-like";
        if (byRfCount) return $"Hahn-echo-like ({n} RF)";
        return nearPi ? "Hahn-echo-like (refocusing phase ≈ 180°)" : "Hahn-echo-like (refocusing phase ≈ 0°)";
    }

    private static string CsfNulling(ProcessedDesign d) =>
        InversionGradientEcho(d, CsfNullingTiSeconds) ?? InversionSpinEcho(d, CsfNullingTiSeconds, exact: true) ?? Others;

    private static string? InversionGradientEcho(ProcessedDesign d, double minTiSeconds) =>
        d.RfCount == 2 && Near(d.FlipsDegrees[0], 180) && Near(d.FlipsDegrees[1], 90) && d.TimesSeconds[0] > minTiSeconds
            ? "Inversion-prepared gradient-echo-like" : null;

    /// <summary>180°–180°–90° read out after the 90° (further RFs &lt; 20° allowed), the second inversion more than
    /// <paramref name="minTiSeconds"/> before the 90°.</summary>
    private static string? DoubleInversionGradientEcho(ProcessedDesign d, double minTiSeconds)
    {
        int[] main = MainPulses(d);
        if (main.Length != 3 || main[2] != d.RfCount - 1) return null;
        if (!Near(d.FlipsDegrees[main[0]], 180) || !Near(d.FlipsDegrees[main[1]], 180) || !Near(d.FlipsDegrees[main[2]], 90)) return null;
        double secondTi = SecondsBetween(d, main[1], main[2]);
        return secondTi > minTiSeconds ? "Double-inversion-prepared gradient-echo-like" : null;
    }

    /// <summary>One RF of any flip ≥ 20°, read out as its free induction decay; earlier RFs &lt; 20° are allowed.</summary>
    private static string? GradientEcho(ProcessedDesign d) =>
        d.RfCount >= 1 && d.FlipsDegrees.Count(f => f >= PreparatoryFlipDegrees) == 1 && d.FlipsDegrees[^1] >= PreparatoryFlipDegrees
            ? "Gradient-echo-like" : null;

    /// <summary>180°–90°–180° with TI above the limit; unless <paramref name="exact"/>, further RFs &lt; 20° are allowed.</summary>
    private static string? InversionSpinEcho(ProcessedDesign d, double minTiSeconds, bool exact = false)
    {
        int[] main = MainPulses(d);
        if (main.Length != 3 || (exact && d.RfCount != 3)) return null;
        if (!Near(d.FlipsDegrees[main[0]], 180) || !Near(d.FlipsDegrees[main[1]], 90) || !Near(d.FlipsDegrees[main[2]], 180)) return null;
        if (main[2] != d.RfCount - 1) return null; // the spin echo is read out: nothing but the readout after the refocusing
        double ti = SecondsBetween(d, main[0], main[1]);
        return ti > minTiSeconds ? "Inversion-prepared spin-echo-like" : null;
    }

    /// <summary>Indices of the RFs that define the structure (flip ≥ <see cref="PreparatoryFlipDegrees"/>).</summary>
    private static int[] MainPulses(ProcessedDesign d) => [.. Enumerable.Range(0, d.RfCount).Where(i => d.FlipsDegrees[i] >= PreparatoryFlipDegrees)];

    /// <summary>Time from RF <paramref name="from"/> to RF <paramref name="to"/> [s].</summary>
    private static double SecondsBetween(ProcessedDesign d, int from, int to) => d.TimesSeconds.Skip(from).Take(to - from).Sum();

    /// <summary>Phase of the last RF relative to the one before, wrapped to (−180°, 180°].</summary>
    public static double RefocusingPhase(ProcessedDesign d) =>
        d.RfCount < 2 ? double.NaN : ProcessedDesign.Wrap(d.PhasesDegrees[^1] - d.PhasesDegrees[^2]);

    private static bool Near(double flipDegrees, double target) => Math.Abs(flipDegrees - target) <= FlipToleranceDegrees;
}
