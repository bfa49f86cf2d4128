namespace SeqZero.Search;

/// <summary>The merge of many seeds' records of one experiment into the rows of the paper's result tables:
/// success = loss ≤ grid optimum + 5 %·|grid optimum|; successful designs are categorised
/// (<see cref="DesignCategories"/>), the rest are Others.</summary>
public sealed record SearchSummary(string Experiment, int Seeds, double GridLoss, int Successful, IReadOnlyList<CategorySummary> Categories)
{
    /// <summary>The paper's success margin: within 5 % of the grid-search optimum's loss.</summary>
    public const double SuccessMargin = 0.05;

    public static bool IsSuccessful(double loss, double gridLoss) => loss <= gridLoss + SuccessMargin * Math.Abs(gridLoss);

    public static SearchSummary Summarise(IReadOnlyList<SearchRecord> records, double gridLoss)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0) throw new ArgumentException("No search records to merge.", nameof(records));
        string experiment = records[0].Experiment;
        if (records.Any(r => r.Experiment != experiment))
            throw new ArgumentException($"Records of different experiments ({string.Join(", ", records.Select(r => r.Experiment).Distinct())}) cannot be merged into one table.", nameof(records));
        var byCategory = records.GroupBy(r => IsSuccessful(r.Loss, gridLoss) ? DesignCategories.Categorise(experiment, r.Design()) : DesignCategories.Others);
        CategorySummary[] rows = [.. byCategory
            .OrderBy(g => g.Key == DesignCategories.Others ? 1 : 0).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, [.. g], records.Count))];
        return new SearchSummary(experiment, records.Count, gridLoss, records.Count(r => IsSuccessful(r.Loss, gridLoss)), rows);
    }

    private static CategorySummary Row(string name, SearchRecord[] members, int total)
    {
        bool sameShape = members.Select(r => r.FlipsDeg.Length).Distinct().Count() == 1 && members[0].FlipsDeg.Length > 0;
        IReadOnlyList<Stat>? flips = sameShape ? [.. Enumerable.Range(0, members[0].FlipsDeg.Length).Select(i => Stat.Of([.. members.Select(r => r.FlipsDeg[i])]))] : null;
        IReadOnlyList<Stat>? phases = sameShape ? [.. Enumerable.Range(0, members[0].PhasesDeg.Length).Select(i => Stat.OfPhases([.. members.Select(r => r.PhasesDeg[i])]))] : null;
        var signals = members[0].Signals.Keys.ToDictionary(k => k, k => Stat.Of([.. members.Select(r => r.Signals[k])]));
        return new CategorySummary(name, members.Length, (double)members.Length / total, Interval.Wilson(members.Length, total), flips, phases,
            Stat.OfPhases([.. members.Select(r => r.RefocusingPhaseDeg).Where(double.IsFinite)]),
            Stat.Of([.. members.Select(r => r.TimeToReadoutS)]), signals,
            Stat.Of([.. members.Select(r => r.RfEnergyRelative)]), Stat.Of([.. members.Select(r => r.Loss)]));
    }
}
