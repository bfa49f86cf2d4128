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
    public static TissueClass Parse(string name) =>
        TryParse(name, out TissueClass tissue) ? tissue : throw new ArgumentException(NotATissue(name), nameof(name));

    /// <summary>As <see cref="Parse"/>, false for null or an unknown name.</summary>
    public static bool TryParse(string? name, out TissueClass tissue)
    {
        foreach (TissueClass t in All)
        {
            if (!string.Equals(t.ShortName(), name?.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            tissue = t;
            return true;
        }
        tissue = default;
        return false;
    }

    /// <summary>The sentence for a name that is not a tissue.</summary>
    public static string NotATissue(string? name) => $"'{name?.Trim()}' is not a tissue; choose GM, WM or CSF.";
}
