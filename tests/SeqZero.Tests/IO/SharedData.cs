namespace SeqZero.Tests.IO;

/// <summary>Locates the project's shared data folder (../shared/data next to the repository, or $SEQZERO_SHARED_DATA).</summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("SEQZERO_SHARED_DATA") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/data not found above the test binaries; set SEQZERO_SHARED_DATA.");
    }
}
