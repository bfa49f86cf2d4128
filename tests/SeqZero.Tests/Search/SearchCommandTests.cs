using System.Text.Json;
using SeqZero.Cli;
using SeqZero.Cli.Commands;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

/// <summary>`seqzero search`, `search merge` and `grid` end to end on tiny settings.</summary>
public class SearchCommandTests
{
    private static readonly string[] Tiny = ["--epochs", "2", "--voxels", "300", "--batch", "100", "--eval-voxels", "30", "--spins", "16"];

    [Fact]
    public void SearchThenMerge_TinyRun_WritesRecordsTableAndPlots()
    {
        using var temp = new TempFolder();
        (int code, string output, string error) = CliRunner.Run(["search", "exp3", "--seeds", "0-2", "--shard", "0/2", .. Tiny, "--out", temp.Path]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.True(File.Exists(SearchCommand.RecordPath(temp.Path, "exp3", 0)));
        Assert.False(File.Exists(SearchCommand.RecordPath(temp.Path, "exp3", 1))); // shard 0/2 of [0, 1, 2] runs 0 and 2
        Assert.True(File.Exists(SearchCommand.RecordPath(temp.Path, "exp3", 2)));
        Assert.Contains("seed 2 done", output);
        Assert.True(File.Exists(Path.Combine(temp.Path, "exp3-seed0000-history.png")));

        (code, output, _) = CliRunner.Run(["search", "exp3", "--seeds", "0-2", "--shard", "0/2", .. Tiny, "--out", temp.Path]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("0 of 2 seeds to run", output); // finished seeds are kept and skipped

        // a coarse grid keeps the test short; merge reads its optimum instead of running Table IV's grid
        (code, _, error) = CliRunner.Run(["grid", "exp3", "--coarse", "10", "--eval-voxels", "30", "--spins", "16", "--json", "--out", temp.Path]);
        Assert.True(code == ExitCodes.Success, error);
        (code, output, error) = CliRunner.Run(["search", "merge", temp.Path, "--grid", Path.Combine(temp.Path, "grid-exp3.json"), "--threads", "2"]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.True(File.Exists(Path.Combine(temp.Path, "table.md")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "grid-optimum-mxy.png")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "grid-optimum.seq"))); // the optimum as a scanner file
        using JsonDocument table = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "table.json")));
        JsonElement category = table.RootElement.GetProperty("summary").GetProperty("categories")[0];
        foreach (string field in new[] { "name", "count", "rate", "flips_deg", "phases_deg", "time_to_readout_s", "signals" })
            Assert.True(category.TryGetProperty(field, out _), $"table.json categories lack '{field}'");
        Assert.Equal(2, table.RootElement.GetProperty("summary").GetProperty("seeds").GetInt32());
    }

    [Fact]
    public void Merge_CustomNullingTwoTissuesWithoutGridFile_ComparesWithTheDoubleInversion()
    {
        using var temp = new TempFolder();
        string[] objective = ["--signal-tissues", "GM", "--null-tissues", "WM,CSF", "--lambda-null", "10"];
        (int code, _, string error) = CliRunner.Run(["search", "custom", "--seeds", "0", .. objective, .. Tiny, "--out", temp.Path]);
        Assert.True(code == ExitCodes.Success, error);
        (code, string output, error) = CliRunner.Run(["search", "merge", temp.Path, "--threads", "2"]);
        Assert.True(code == ExitCodes.Success, error);
        using JsonDocument table = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "table.json")));
        Assert.Equal(3, table.RootElement.GetProperty("grid").GetProperty("flips_deg").GetArrayLength());
        string[] row = output.Split('\n').Single(l => l.StartsWith("| Optimal grid-search", StringComparison.Ordinal)).Split('|');
        Assert.Equal("[0, 0, 0]", row[9].Trim());
        Assert.Equal("–", row[10].Trim()); // a double inversion has no refocusing phase
    }

    [Fact]
    public void Search_SeedStoppedEarlier_RunsAgainAndReplacesItsStoppedRecord()
    {
        // a Ctrl+C leaves DIR/stopped/EXP-seedNNNN.json (the design so far); merge never reads it, a rerun runs the seed
        using var temp = new TempFolder();
        string stopped = SearchCommand.StoppedPath(temp.Path, "exp1", 0);
        Directory.CreateDirectory(Path.GetDirectoryName(stopped)!);
        File.WriteAllText(stopped, "{}");
        (int code, string output, string error) = CliRunner.Run(["search", "exp1", "--seeds", "0", .. Tiny, "--out", temp.Path]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("1 of 1 seeds to run", output);
        Assert.True(File.Exists(SearchCommand.RecordPath(temp.Path, "exp1", 0)));
        Assert.False(File.Exists(stopped));
    }

    [Fact]
    public void Grid_CoarseJson_PrintsRequiredFields()
    {
        (int code, string output, string error) = CliRunner.Run(["grid", "exp1", "--json", "--coarse", "5", "--eval-voxels", "30", "--spins", "16"]);
        Assert.True(code == ExitCodes.Success, error);
        using JsonDocument json = JsonDocument.Parse(output);
        foreach (string field in new[] { "experiment", "combinations", "seconds", "loss", "flips_deg", "phases_deg", "times_s", "signals", "rf_energy_relative" })
            Assert.True(json.RootElement.TryGetProperty(field, out _), $"grid JSON lacks '{field}'");
        Assert.Equal(3 * 3 * 37 * 3 * 3, json.RootElement.GetProperty("combinations").GetInt64());
        Assert.True(json.RootElement.GetProperty("signals").TryGetProperty("CSF", out _));
    }

    [Theory]
    [InlineData("search", "exp9", "--seeds", "0")]
    [InlineData("search", "exp1", "--seeds", "5-2")]
    [InlineData("search", "exp1", "--shard", "2/2")]
    [InlineData("search", "exp1", "--signal", "phase")]
    [InlineData("grid", "exp1", "--coarse", "0")]
    [InlineData("grid", "exp1", "--signal-mean", "median")]
    [InlineData("search", "exp3", "--null-tissues", "WM")]
    [InlineData("search", "exp1", "--equal-t1")]
    [InlineData("search", "exp1", "--tissues", "t.json")]
    [InlineData("search", "custom", "--tissues", "/no/such/tissues.json")]
    [InlineData("search", "exp1", "--lambda-cont", "-1")]
    [InlineData("search", "exp1", "--lambda-rf-energy", "NaN")]
    [InlineData("search", "custom", "--lambda-sig", "0")]
    [InlineData("search", "custom", "--signal-tissues", "GM,XM")]
    [InlineData("search", "custom", "--signal-tissues", "GM,GM")]
    [InlineData("search", "custom", "--contrast", "GM:GM", "--lambda-cont", "30")]
    [InlineData("search", "custom", "--contrast", "GM-WM", "--lambda-cont", "30")]
    [InlineData("search", "custom", "--contrast", "GM:CSF")]
    [InlineData("search", "custom", "--null-tissues", "WM")]
    [InlineData("search", "custom", "--null-tissues", "GM", "--lambda-null", "1")]
    [InlineData("grid", "exp3", "--grid-idle1-ms", "2780:x:10")]
    [InlineData("grid", "exp3", "--grid-idle1-ms", "3800:2780:10")]
    [InlineData("grid", "exp3", "--grid-flip1-deg", "170:180:0")]
    [InlineData("grid", "exp3", "--grid-idle1-ms", "10:5000:0.001")]
    [InlineData("grid", "exp3", "--reference", "double-inversion")]
    [InlineData("grid", "custom", "--reference", "three-rf")]
    [InlineData("grid", "custom", "--null-tissues", "WM,CSF", "--lambda-null", "10", "--grid-phase2-deg", "0:180:5")]
    [InlineData("grid", "custom", "--grid-flip3-deg", "85:95:1")]
    public void Run_BadInput_ExitsTwo(params string[] args)
    {
        (int code, _, string error) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("seqzero: ", error);
    }

    [Fact]
    public void Grid_CustomNullingTwoTissues_UsesTheDoubleInversionReference()
    {
        string[] objective = ["--signal-tissues", "GM", "--null-tissues", "WM,CSF", "--lambda-null", "10", "--coarse", "5", "--eval-voxels", "30", "--spins", "16", "--json"];
        (int code, string output, string error) = CliRunner.Run(["grid", "custom", .. objective]);
        Assert.True(code == ExitCodes.Success, error);
        var report = JsonSerializer.Deserialize<GridCommand.Report>(output, JsonOutput.Options)!;
        Assert.Equal(3, report.FlipsDeg.Length);
        Assert.All(report.FlipsDeg[..2], f => Assert.InRange(f, 170, 180)); // two inversions, then the excitation
        Assert.Equal(DoubleInversionGridCombinations(5), report.Combinations);

        (code, output, error) = CliRunner.Run(["grid", "custom", .. objective, "--reference", "two-rf"]);
        Assert.True(code == ExitCodes.Success, error);
        var twoPulse = JsonSerializer.Deserialize<GridCommand.Report>(output, JsonOutput.Options)!;
        Assert.Equal(2, twoPulse.FlipsDeg.Length);
        Assert.True(report.Loss < twoPulse.Loss, $"double inversion {report.Loss} vs two-RF {twoPulse.Loss}");
    }

    /// <summary>The default double-inversion grid with every step multiplied by <paramref name="k"/>.</summary>
    private static long DoubleInversionGridCombinations(int k)
    {
        DoubleInversionGrid g = DoubleInversionGrid.Default;
        return new[] { g.Flip1Degrees, g.Flip2Degrees, g.Flip3Degrees, g.Idle1Seconds, g.Idle2Seconds, g.Idle3Seconds }
            .Aggregate(1L, (n, a) => n * ((a.Count - 1) / k + 1));
    }

    [Fact]
    public void Grid_SignalMeanPooled_IsAThirdOfTheSignalTermOnBalancedTissues()
    {
        // 30 evaluation voxels are 10 per tissue, so the sum of three tissue means is 3× the pooled mean; the RF terms
        // (λE Σα², λN·2) are the same for both; on this coarse grid both pick 90°–180°, 6.2/6.2 ms
        string[] grid = ["grid", "exp1", "--json", "--coarse", "5", "--eval-voxels", "30", "--spins", "16"];
        (int code, string perTissueText, string error) = CliRunner.Run(grid);
        Assert.True(code == ExitCodes.Success, error);
        (code, string pooledText, error) = CliRunner.Run([.. grid, "--signal-mean", "pooled"]);
        Assert.True(code == ExitCodes.Success, error);
        using JsonDocument pooled = JsonDocument.Parse(pooledText), perTissue = JsonDocument.Parse(perTissueText);
        static double SignalTerm(JsonElement report)
        {
            double energy = report.GetProperty("rf_energy_relative").GetDouble() * ExperimentSpec.ReferenceRfEnergy;
            return report.GetProperty("loss").GetDouble() - 1e-4 * energy - 1e-3 * 2;
        }
        Assert.Equal(pooled.RootElement.GetProperty("flips_deg").ToString(), perTissue.RootElement.GetProperty("flips_deg").ToString());
        Assert.Equal(pooled.RootElement.GetProperty("times_s").ToString(), perTissue.RootElement.GetProperty("times_s").ToString());
        Assert.Equal(3 * SignalTerm(pooled.RootElement), SignalTerm(perTissue.RootElement), 1e-9);
    }

    [Fact]
    public void CustomObjective_NullWhiteMatter_RecordsTheObjectiveAndMergesOnlyWithItsOwnGrid()
    {
        using var temp = new TempFolder();
        string[] objective = ["--signal-tissues", "GM,CSF", "--lambda-null", "1", "--null-tissues", "WM"];
        (int code, string output, string error) = CliRunner.Run(["search", "custom", .. objective, .. Tiny, "--out", temp.Path]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("seed 0 done", output);
        Assert.Contains("loss: 1·L_sig(GM+CSF, per tissue) + 1·L_null(WM) + 0.0001·Σα² + 0.001·#RF; Table I tissues", output);
        using (JsonDocument record = JsonDocument.Parse(File.ReadAllText(SearchCommand.RecordPath(temp.Path, "custom", 0))))
        {
            JsonElement stored = record.RootElement.GetProperty("objective");
            Assert.Equal("GM,CSF", stored.GetProperty("signal_tissues").GetString());
            Assert.Equal("WM", stored.GetProperty("null_tissues").GetString());
            Assert.Equal(1, stored.GetProperty("null_weight").GetDouble());
        }

        // the grid of the paper's CSF nulling is another loss: merge refuses it; the custom grid (inversion recovery,
        // TI from 10 ms, narrowed here to keep the test short) is accepted
        string[] evaluation = ["--eval-voxels", "30", "--spins", "16", "--json", "--out", temp.Path];
        (code, _, error) = CliRunner.Run(["grid", "exp3", "--coarse", "10", .. evaluation]);
        Assert.True(code == ExitCodes.Success, error);
        (code, _, error) = CliRunner.Run(["search", "merge", temp.Path, "--grid", Path.Combine(temp.Path, "grid-exp3.json")]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("another loss", error);

        (code, string gridJson, error) = CliRunner.Run(["grid", "custom", .. objective, "--grid-idle1-ms", "300:900:100", "--grid-phase2-deg", "0:180:90", .. evaluation]);
        Assert.True(code == ExitCodes.Success, error);
        using (JsonDocument grid = JsonDocument.Parse(gridJson))
            Assert.Equal(11 * 11 * 3 * 7 * 6, grid.RootElement.GetProperty("combinations").GetInt64());
        (code, output, error) = CliRunner.Run(["search", "merge", temp.Path, "--grid", Path.Combine(temp.Path, "grid-custom.json")]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("custom: 1 seeds", output);
        Assert.Contains("Loss: 1·L_sig(GM+CSF, per tissue) + 1·L_null(WM)", File.ReadAllText(Path.Combine(temp.Path, "table.md")));

        // the grid optimum (inversion recovery) as a scanner file that passes the timing and hardware check
        string seq = Path.Combine(temp.Path, "optimum.seq");
        (code, _, error) = CliRunner.Run(["search", "export", Path.Combine(temp.Path, "grid-custom.json"), "--out", seq, "--repetitions", "2", "--tr", "3"]);
        Assert.True(code == ExitCodes.Success, error);
        (code, output, error) = CliRunner.Run(["seq", "check", seq]);
        Assert.True(code == ExitCodes.Success, error + output);
    }

    [Fact]
    public void CustomObjective_TissueTable_TrainsOnItAndIsStoredInTheRecord()
    {
        using var temp = new TempFolder();
        string table = Path.Combine(temp.Path, "tissues-7t.json");
        File.WriteAllText(table, """
            [ {"tissue": "CSF", "m0_mean": 1.0, "m0_sd": 0, "t1_mean_seconds": 4.4, "t1_sd_seconds": 0.2, "t2_mean_seconds": 1.5, "t2_sd_seconds": 0.1, "t2_prime_mean_seconds": 3.0, "t2_prime_sd_seconds": 0.3},
              {"tissue": "GM", "m0_mean": 0.8, "m0_sd": 0.02, "t1_mean_seconds": 1.9, "t1_sd_seconds": 0.08, "t2_mean_seconds": 0.047, "t2_sd_seconds": 0.004, "t2_prime_mean_seconds": 0.06, "t2_prime_sd_seconds": 0.01},
              {"tissue": "WM", "m0_mean": 0.7, "m0_sd": 0.02, "t1_mean_seconds": 1.2, "t1_sd_seconds": 0.05, "t2_mean_seconds": 0.043, "t2_sd_seconds": 0.003, "t2_prime_mean_seconds": 0.05, "t2_prime_sd_seconds": 0.01} ]
            """);
        (int code, _, string error) = CliRunner.Run(["search", "custom", "--tissues", table, .. Tiny, "--out", temp.Path]);
        Assert.True(code == ExitCodes.Success, error);
        using JsonDocument record = JsonDocument.Parse(File.ReadAllText(SearchCommand.RecordPath(temp.Path, "custom", 0)));
        JsonElement tissues = record.RootElement.GetProperty("objective").GetProperty("tissues");
        Assert.Equal(["GM", "WM", "CSF"], tissues.EnumerateArray().Select(t => t.GetProperty("tissue").GetString()));
        Assert.Equal(1.2, tissues[1].GetProperty("t1_mean_seconds").GetDouble());

        File.WriteAllText(table, """[ {"tissue": "GM", "m0_mean": 0.8, "m0_sd": 0.02, "t1_mean_seconds": -1.9} ]""");
        (code, _, error) = CliRunner.Run(["grid", "custom", "--tissues", table]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("tissues-7t.json", error);
    }

    [Fact]
    public void Merge_DamagedRecord_ExitsTwoNamingTheFileAndField()
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run(["search", "custom", .. Tiny, "--out", temp.Path]);
        Assert.True(code == ExitCodes.Success, error);
        string path = SearchCommand.RecordPath(temp.Path, "custom", 0);
        var record = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        record["objective"]!["tissues"] = null;
        File.WriteAllText(path, record.ToJsonString());
        (code, _, error) = CliRunner.Run(["search", "merge", temp.Path]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("custom-seed0000.json", error);
        Assert.Contains("'tissues' is missing", error);
    }

    [Fact]
    public void Search_DivergingSeeds_ReportedWithoutRecordsAndExitOne()
    {
        using var temp = new TempFolder();
        (int code, string output, _) = CliRunner.Run(["search", "custom", "--signal-tissues", "GM", "--null-tissues", "WM", "--lambda-null", "1e12",
            "--seeds", "0-1", .. Tiny, "--out", temp.Path]);
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("seed 0: the search diverged", output);
        Assert.Contains("2 of 2 seeds diverged", output);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.json"));
    }

    [Theory]
    [InlineData("{\"flips_deg\": [90, 180], \"phases_deg\": [0, 90]}", "times_s")]
    [InlineData("{\"flips_deg\": [90, 180], \"phases_deg\": [0, 90], \"times_s\": [0.0062]}", "differ in length")]
    [InlineData("{\"flips_deg\": [90, 180], \"phases_deg\": [0, 90], \"times_s\": [0.0062, \"x\"]}", "not a seed record")]
    [InlineData("# a .seq file", "not a seed record")]
    public void Export_MalformedDesignFile_ExitsTwoNamingTheProblem(string content, string expected)
    {
        using var temp = new TempFolder();
        string file = Path.Combine(temp.Path, "design.json");
        File.WriteAllText(file, content);
        (int code, _, string error) = CliRunner.Run(["search", "export", file, "--out", Path.Combine(temp.Path, "x.seq")]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, error);
        Assert.Contains("design.json", error);
    }

    [Fact]
    public void Seeds_RangesListsAndShards_ParseAsDocumented()
    {
        Assert.Equal([0, 1, 2, 3, 7, 9], SearchSeeds.Parse("0-3,7,9"));
        Assert.Equal([1, 4, 7], SearchSeeds.Shard([.. Enumerable.Range(0, 10)], "1/3"));
    }
}
