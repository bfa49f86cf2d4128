using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>An experiment's loss in words, as `search` prints it and `search merge` heads its table with.</summary>
internal static class ObjectiveText
{
    /// <summary>The loss in words, e.g. "1·L_sig(GM) + 10·L_null(WM) + 0.0001·Σα² + 0.001·#RF, Table I tissues".</summary>
    public static string Describe(ExperimentSpec spec)
    {
        static string Names(IEnumerable<TissueClass> tissues) => string.Join("+", tissues.Select(t => t.ShortName()));
        var terms = new List<string>();
        if (spec.SignalWeight != 0 && spec.SignalTissues.Count > 0)
            terms.Add($"{spec.SignalWeight:G3}·L_sig({Names(spec.SignalTissues)}{(spec.SignalPerTissue ? ", per tissue" : ", pooled")})");
        if (spec.ContrastWeight != 0) terms.Add($"{spec.ContrastWeight:G3}·L_cont({spec.ContrastA.ShortName()}, {spec.ContrastB.ShortName()})");
        if (spec.NullWeight != 0 && spec.NullTissues.Count > 0) terms.Add($"{spec.NullWeight:G3}·L_null({Names(spec.NullTissues)})");
        terms.Add($"{spec.RfEnergyWeight:G3}·Σα²");
        terms.Add($"{spec.RfNumberWeight:G3}·#RF");
        string tissues = spec.Tissues.SequenceEqual(TissueDistribution.TableI()) ? "Table I tissues"
            : spec.Tissues.SequenceEqual(TissueDistribution.TableI(equalT1: true)) ? "Table I tissues, GM and WM T1 1.0 s" : "custom tissue table";
        return $"{string.Join(" + ", terms)}; {tissues}";
    }
}
