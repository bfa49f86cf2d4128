namespace SeqZero.Search;

/// <summary>The loss an experiment optimises, as seed records store it, so that `search merge` can rebuild the
/// experiment of any record — a paper experiment with changed weights or a physicist's own objective — and refuse to
/// mix records of different objectives. Tissues by their short names (GM, WM, CSF), lists comma-separated ("" for
/// none), so two objectives are equal exactly when their fields are.</summary>
public sealed record SearchObjective(double SignalWeight, string SignalTissues, bool SignalPerTissue, double ContrastWeight,
    string ContrastA, string ContrastB, double NullWeight, string NullTissues, double RfEnergyWeight, double RfNumberWeight, bool EqualT1)
{
    public static SearchObjective From(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SearchObjective(spec.SignalWeight, Names(spec.SignalTissues), spec.SignalPerTissue,
            spec.ContrastWeight, spec.ContrastA.ShortName(), spec.ContrastB.ShortName(), spec.NullWeight, Names(spec.NullTissues),
            spec.RfEnergyWeight, spec.RfNumberWeight, spec.EqualT1);
    }

    /// <summary>The experiment called <paramref name="name"/> with this objective; its reference grid is the named
    /// experiment's (<see cref="ExperimentSpec.Named"/>).</summary>
    public ExperimentSpec ToSpec(string name)
    {
        ExperimentSpec named = ExperimentSpec.Named(name);
        return named with
        {
            SignalWeight = SignalWeight,
            SignalTissues = Tissues(SignalTissues),
            SignalPerTissue = SignalPerTissue,
            ContrastWeight = ContrastWeight, ContrastA = TissueClasses.Parse(ContrastA), ContrastB = TissueClasses.Parse(ContrastB),
            NullWeight = NullWeight, NullTissues = Tissues(NullTissues),
            RfEnergyWeight = RfEnergyWeight, RfNumberWeight = RfNumberWeight, EqualT1 = EqualT1,
            Grid = named.Name == ExperimentSpec.Custom.Name ? ExperimentSpec.CustomGrid(NullWeight != 0) : named.Grid,
        };
    }

    private static string Names(IEnumerable<TissueClass> tissues) => string.Join(",", tissues.Select(t => t.ShortName()));

    private static TissueClass[] Tissues(string names) => names.Length == 0 ? [] : [.. names.Split(',').Select(TissueClasses.Parse)];
}
