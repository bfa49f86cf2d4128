using System.Text.Json;
using SeqZero.Cli.Optimization;

namespace SeqZero.Tests.Learning.Cli;

public class RareSarTaskTests
{
    // measured at 8×8, 8 spins, 30 iterations: relative SAR 0.50 vs the 180° train (NRMSE 3.7 %); 0.8 leaves margin
    private const double MaximumRelativeSar = 0.8;

    [Fact]
    public void Run_SmallBrain_LowersRefocusingSarAndKeepsExcitation()
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 8, Spins = 8, Iterations = 30, OutputFolder = temp.Path };
        RunSummary summary = TaskRunner.Run(RareSarTask.Create(settings, RareSarTask.DefaultSarWeight), settings, TextWriter.Null, CancellationToken.None);
        Assert.True(summary.RelativeSar < MaximumRelativeSar, $"relative SAR {summary.RelativeSar}");
        using JsonDocument best = JsonDocument.Parse(File.ReadAllText(temp.File("best.json")));
        JsonElement first = best.RootElement.GetProperty("repetitions")[0];
        Assert.Equal("Excitation", first.GetProperty("usage").GetString());
        Assert.Equal(90, first.GetProperty("flip_angle_deg").GetDouble(), GradientCheck.NearExactDigits);
    }

    [Fact]
    public void Create_NegativeWeight_ThrowsNamingOption()
    {
        var e = Assert.Throws<ArgumentException>(() => RareSarTask.Create(new OptimizeSettings { Matrix = 4 }, -1));
        Assert.Contains("--sar-weight", e.Message);
    }
}
