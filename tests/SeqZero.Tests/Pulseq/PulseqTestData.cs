namespace SeqZero.Tests.Pulseq;

/// <summary>Paths of the shared Pulseq test files (read-only): ../shared/data relative to the repository root.</summary>
internal static class PulseqTestData
{
    private static readonly Lazy<string> DataRoot = new(() =>
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "SeqZero.slnx"))) dir = Path.GetDirectoryName(dir);
        if (dir is null) throw new InvalidOperationException("SeqZero.slnx not found above " + AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(dir, "..", "shared", "data"));
    });

    /// <summary>../shared/data/seq.</summary>
    public static string SeqDirectory => Path.Combine(DataRoot.Value, "seq");

    /// <summary>A file under ../shared/data/seq.</summary>
    public static string Seq(params string[] parts) => Path.Combine([SeqDirectory, .. parts]);

    /// <summary>The EPI reference file ../shared/data/reference/epi_100x100_TE100_FOV230.seq.</summary>
    public static string ReferenceEpi => Path.Combine(DataRoot.Value, "reference", "epi_100x100_TE100_FOV230.seq");

    /// <summary>Every .seq file of the shared data, relative to <see cref="SeqDirectory"/> (plus the reference EPI).</summary>
    public static IEnumerable<string> AllSeqFiles() =>
        Directory.EnumerateFiles(SeqDirectory, "*.seq", SearchOption.AllDirectories).Append(ReferenceEpi).Order(StringComparer.Ordinal);

    /// <summary>xunit member data: one row per shared .seq file, as a path relative to the data root.</summary>
    public static TheoryData<string> AllSeqFilesData()
    {
        var data = new TheoryData<string>();
        foreach (string file in AllSeqFiles()) data.Add(Path.GetRelativePath(DataRoot.Value, file));
        return data;
    }

    /// <summary>Absolute path of a path relative to the data root.</summary>
    public static string FromDataRoot(string relative) => Path.Combine(DataRoot.Value, relative);
}
