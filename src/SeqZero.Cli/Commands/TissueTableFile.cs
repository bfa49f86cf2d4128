using System.Text.Json;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>A tissue table for `--tissues FILE.json`: a JSON array of GM, WM and CSF, each with the mean and SD of M0,
/// T1, T2 and T2' (times in seconds), in the field names the records use, e.g.
/// <c>{"tissue": "GM", "m0_mean": 0.8, "m0_sd": 0.02, "t1_mean_seconds": 1.82, "t1_sd_seconds": 0.08, …}</c> — how to
/// search at another field strength or with other tissue values than Table I's 3 T ones.</summary>
internal static class TissueTableFile
{
    public static IReadOnlyList<TissueDistribution> Read(FileInfo file)
    {
        if (!file.Exists) throw new FileNotFoundException($"--tissues: {file.FullName}: no such file.");
        TissueDistribution[]? tissues;
        try { tissues = JsonSerializer.Deserialize<TissueDistribution[]>(File.ReadAllText(file.FullName), JsonOutput.Options); }
        catch (JsonException e) { throw new InvalidDataException($"--tissues: {file.FullName}: {e.Message}"); }
        if (tissues is null) throw new InvalidDataException($"--tissues: {file.FullName}: not a JSON array of tissues.");
        // order the three tissues as TissueClass does, so the file may list them in any order
        TissueDistribution[] ordered = [.. tissues.Where(t => t is not null).OrderBy(t => t.Tissue)];
        try { return TissueDistribution.Validate(ordered); }
        catch (ArgumentException e) { throw new InvalidDataException($"--tissues: {file.FullName}: {ExitCodes.Describe(e)}"); }
    }
}
