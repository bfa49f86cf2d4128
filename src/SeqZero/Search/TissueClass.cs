namespace SeqZero.Search;

/// <summary>The three brain tissues of the Sequence Search paper; the value is the index used in per-tissue arrays.</summary>
public enum TissueClass
{
    GrayMatter = 0,
    WhiteMatter = 1,
    Csf = 2,
}

/// <summary>Short names as the paper's tables print them.</summary>
public static class TissueClasses
{
    public const int Count = 3;

    public static IReadOnlyList<TissueClass> All { get; } = [TissueClass.GrayMatter, TissueClass.WhiteMatter, TissueClass.Csf];

    public static string ShortName(this TissueClass tissue) => tissue switch
    {
        TissueClass.GrayMatter => "GM",
        TissueClass.WhiteMatter => "WM",
        _ => "CSF",
    };

    /// <summary>The tissue whose short name (GM, WM, CSF; any case) is <paramref name="name"/>.</summary>
    public static TissueClass Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (TissueClass t in All)
            if (string.Equals(t.ShortName(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return t;
        throw new ArgumentException($"'{name}' is not a tissue; choose GM, WM or CSF.", nameof(name));
    }
}
