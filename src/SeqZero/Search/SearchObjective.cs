namespace SeqZero.Search;

/// <summary>The loss an experiment optimises and the tissues it is trained on, as seed records store it, so that `search
/// merge` can rebuild the experiment of any record — a paper experiment with changed weights or a physicist's own
/// objective — and refuse to mix records of different objectives. Tissues by their short names (GM, WM, CSF), lists
/// comma-separated ("" for none); equal when every field and every tissue distribution is.</summary>
public sealed record SearchObjective(double SignalWeight, string SignalTissues, bool SignalPerTissue, double ContrastWeight,
    string ContrastA, string ContrastB, double NullWeight, string NullTissues, double RfEnergyWeight, double RfNumberWeight,
    IReadOnlyList<TissueDistribution> Tissues)
{
    public static SearchObjective From(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SearchObjective(spec.SignalWeight, Names(spec.SignalTissues), spec.SignalPerTissue,
            spec.ContrastWeight, spec.ContrastA.ShortName(), spec.ContrastB.ShortName(), spec.NullWeight, Names(spec.NullTissues),
            spec.RfEnergyWeight, spec.RfNumberWeight, spec.Tissues);
    }

    /// <summary>The experiment called <paramref name="name"/> with this objective; its reference grid is the named
    /// experiment's (<see cref="ExperimentSpec.Named"/>).</summary>
    /// <exception cref="InvalidDataException">A field is missing (a damaged record).</exception>
    public ExperimentSpec ToSpec(string name)
    {
        foreach ((string field, object? value) in new (string, object?)[] { ("signal_tissues", SignalTissues), ("contrast_a", ContrastA),
            ("contrast_b", ContrastB), ("null_tissues", NullTissues), ("tissues", Tissues) })
            if (value is null) throw new InvalidDataException($"objective: '{field}' is missing.");
        ExperimentSpec named = ExperimentSpec.Named(name);
        return named with
        {
            SignalWeight = SignalWeight,
            SignalTissues = TissueList(SignalTissues),
            SignalPerTissue = SignalPerTissue,
            ContrastWeight = ContrastWeight, ContrastA = TissueClasses.Parse(ContrastA), ContrastB = TissueClasses.Parse(ContrastB),
            NullWeight = NullWeight, NullTissues = TissueList(NullTissues),
            RfEnergyWeight = RfEnergyWeight, RfNumberWeight = RfNumberWeight, Tissues = TissueDistribution.Validate(Tissues),
            Grid = named.Name == ExperimentSpec.Custom.Name ? ExperimentSpec.CustomGrid(NullWeight != 0) : named.Grid,
        };
    }

    public bool Equals(SearchObjective? other) => other is not null && SignalWeight == other.SignalWeight && SignalTissues == other.SignalTissues
        && SignalPerTissue == other.SignalPerTissue && ContrastWeight == other.ContrastWeight && ContrastA == other.ContrastA
        && ContrastB == other.ContrastB && NullWeight == other.NullWeight && NullTissues == other.NullTissues
        && RfEnergyWeight == other.RfEnergyWeight && RfNumberWeight == other.RfNumberWeight && Tissues.SequenceEqual(other.Tissues);

    public override int GetHashCode() => HashCode.Combine(SignalWeight, SignalTissues, ContrastWeight, NullWeight, NullTissues, Tissues.Count);

    private static string Names(IEnumerable<TissueClass> tissues) => string.Join(",", tissues.Select(t => t.ShortName()));

    private static TissueClass[] TissueList(string names) => names.Length == 0 ? [] : [.. names.Split(',').Select(TissueClasses.Parse)];
}
