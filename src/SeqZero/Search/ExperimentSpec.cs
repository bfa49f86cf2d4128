namespace SeqZero.Search;

/// <summary>One design objective of the Sequence Search paper: the loss weights of eqs. (4)–(6), the tissues each term
/// acts on, the data-set variant and the reference grid of Table IV.
/// L = λsig·L_sig + λcont·L_cont;A,B + λnull·L_null + λE·Σα² [rad²] + λN·(number of RF pulses).</summary>
public sealed record ExperimentSpec
{
    public required string Name { get; init; }
    public double SignalWeight { get; init; } = 1;
    /// <summary>Tissues whose signal L_sig = ‖M0 − Mxy‖² maximises.</summary>
    public IReadOnlyList<TissueClass> SignalTissues { get; init; } = TissueClasses.All;
    /// <summary>true: L_sig = Σ over <see cref="SignalTissues"/> of each tissue's mean (eq. 6, L_sig;GM + L_sig;WM);
    /// false: one mean over all their voxels. Exp 1 and 3 sum tissue means, Exp 2 pools (see the experiments below).</summary>
    public bool SignalPerTissue { get; init; }
    public double ContrastWeight { get; init; }
    public TissueClass ContrastA { get; init; } = TissueClass.GrayMatter;
    public TissueClass ContrastB { get; init; } = TissueClass.WhiteMatter;
    public double NullWeight { get; init; }
    /// <summary>Tissues L_null suppresses: the sum of each one's mean |s|² (eq. 6 has CSF alone; a double inversion
    /// recovery would null two).</summary>
    public IReadOnlyList<TissueClass> NullTissues { get; init; } = [TissueClass.Csf];
    public double RfEnergyWeight { get; init; } = 1e-4;
    public double RfNumberWeight { get; init; } = 1e-3;
    /// <summary>The tissues' distributions: Table I, its equal-T1 variant (Experiment 2: GM and WM T1 = 1 000 ± 50 ms),
    /// or a custom table.</summary>
    public IReadOnlyList<TissueDistribution> Tissues { get; init; } = TissueDistribution.TableI();
    public required TwoPulseGrid Grid { get; init; }

    /// <summary>Eq. (4): λsig 1, λE 1e-4, λN 1e-3, L_sig the sum of the GM, WM and CSF means. Why not one pooled mean: the
    /// paper counts three-RF Hahn-echo-like designs (6°–87°–170°, same signals) as successful, i.e. within 5 % of the
    /// grid optimum; their extra RF costs λN = 1e-3 (less 1.2e-4 of RF energy saved), which is 7 % of the pooled
    /// optimum (0.0114) but 2 % of the per-tissue one (0.0279).</summary>
    public static ExperimentSpec Experiment1 { get; } = new() { Name = "exp1", SignalPerTissue = true, Grid = TwoPulseGrid.Experiment1 };

    /// <summary>Eq. (5) with λcont = 30 and identical GM/WM T1 (Table VI-a; 20 and 50 via <c>with</c>); L_sig one mean
    /// over all voxels. Why pooled: with the sum of three tissue means the contrast term loses and the optimal TE falls
    /// to 12.4 ms (λcont 20, 30), outside Table IV's 30–50 ms grid; pooled it is 37–44 ms (paper: grid 37.0 ms).</summary>
    public static ExperimentSpec Experiment2 { get; } = new()
    {
        Name = "exp2", ContrastWeight = 30, Tissues = TissueDistribution.TableI(equalT1: true), Grid = TwoPulseGrid.Experiment2,
    };

    /// <summary>Eq. (5) with λcont = 30 and the tissue-specific T1 of Table I (Table VI-b).</summary>
    public static ExperimentSpec Experiment2DistinctT1 { get; } = Experiment2 with { Name = "exp2-distinct-t1", Tissues = TissueDistribution.TableI() };

    /// <summary>Eq. (6): λsig 0.75 on GM and WM separately, λnull 0.25 on CSF (1.0 via <c>with</c>).</summary>
    public static ExperimentSpec Experiment3 { get; } = new()
    {
        Name = "exp3", SignalWeight = 0.75, SignalTissues = [TissueClass.GrayMatter, TissueClass.WhiteMatter], SignalPerTissue = true,
        NullWeight = 0.25, Grid = TwoPulseGrid.Experiment3,
    };

    /// <summary>A physicist's own objective, built from eq. (6)'s terms by the tool's options: by default L_sig on all
    /// three tissues (sum of tissue means), λE 1e-4, λN 1e-3 as Exp 1, the tissue-specific T1 of Table I; its reference
    /// grid is <see cref="CustomGrid"/>.</summary>
    public static ExperimentSpec Custom { get; } = new() { Name = "custom", SignalPerTissue = true, Grid = CustomGrid(nulling: false) };

    /// <summary>The reference grid of <see cref="Custom"/>: with a nulling term inversion recovery over TI 10 ms – 5 s
    /// (<see cref="TwoPulseGrid.InversionRecovery"/>), otherwise a spin echo over TE/2 6.2–50.2 ms
    /// (<see cref="TwoPulseGrid.SpinEcho"/>); `seqzero grid` can replace either axis by axis.</summary>
    public static TwoPulseGrid CustomGrid(bool nulling) => nulling ? TwoPulseGrid.InversionRecovery : TwoPulseGrid.SpinEcho;

    /// <summary>True for a custom objective that nulls two or more tissues: no two-RF design can, so its reference is the
    /// three-RF <see cref="DoubleInversionGrid"/> (<see cref="DoubleInversionGridSearch"/>).</summary>
    public bool NeedsDoubleInversionReference => Name == Custom.Name && NullWeight != 0 && NullTissues.Count >= 2;

    public static IReadOnlyList<ExperimentSpec> All { get; } = [Experiment1, Experiment2, Experiment2DistinctT1, Experiment3, Custom];

    /// <summary>The experiment called <paramref name="name"/> (exp1, exp2, exp2-distinct-t1, exp3, custom).</summary>
    public static ExperimentSpec Named(string name) => All.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"Unknown experiment '{name}'; choose {string.Join(", ", All.Select(e => e.Name))}.", nameof(name));

    /// <summary>Σα² [rad²] of the reference design: 90°–180° (or 180°–90°), both π²·5/4.</summary>
    public static double ReferenceRfEnergy => Math.PI * Math.PI * 5 / 4;
}
