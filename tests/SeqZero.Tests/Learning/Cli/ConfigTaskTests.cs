using SeqZero.Cli.Optimization;

namespace SeqZero.Tests.Learning.Cli;

public class ConfigTaskTests
{
    private const string FlipOnly = """
        {
          "name": "flash-flips",
          "sequence": { "builder": "flash", "matrix": 6, "flip_deg": 10 },
          "free": ["flip", "duration"],
          "spins": 1,
          "losses": { "image_l2": 1, "relative_sar": 0.01, "relative_scan_time": 0.001 },
          "optimizer": { "kind": "sgd", "iterations": 5, "lr": 0.1, "clip_norm": 10, "seed": 2 }
        }
        """;

    [Fact]
    public void Optimize_ConfigFile_RunsTheDescribedTask()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("task.json"), FlipOnly);
        (int code, string output, string error) = CliRunner.Run("optimize", "--config", temp.File("task.json"), "--out", temp.File("out"));
        Assert.True(code == 0, error);
        Assert.Contains("optimize flash-flips", output);
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "best.json")));
    }

    [Fact]
    public void Create_ConfigFile_FreesTheNamedParametersWithTheNamedLosses()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("task.json"), FlipOnly);
        OptimizationTask task = ConfigTask.Create(ConfigTask.Read(temp.File("task.json")), new OptimizeSettings());
        Assert.Equal(["image_l2", "relative_sar", "relative_scan_time"], task.Objective.TermNames);
        Assert.Equal(SeqZero.Learning.OptimizerKind.Sgd, task.Options.Optimizer);
        Assert.Equal(10, task.Options.ClipNorm);
        Assert.Equal(2, task.Options.Seed);
        Assert.Equal(6 + 6 * 3, task.Objective.Dimension); // 6 flips + 3 non-ADC events per repetition
    }

    [Theory]
    [InlineData("""{ "nmae": "typo" }""", "nmae")]
    [InlineData("""{ "free": ["flips"] }""", "free")]
    [InlineData("""{ "losses": { "ssim": 1 } }""", "losses")]
    [InlineData("""{ "optimizer": { "kind": "lbfgs" } }""", "optimizer.kind")]
    public void Optimize_BadConfig_ExitsWithBadInputNamingTheKey(string json, string named)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("task.json"), json);
        (int code, _, string error) = CliRunner.Run("optimize", "--config", temp.File("task.json"), "--matrix", "4", "--out", temp.File("out"));
        Assert.Equal(2, code);
        Assert.Contains(named, error);
    }
}
