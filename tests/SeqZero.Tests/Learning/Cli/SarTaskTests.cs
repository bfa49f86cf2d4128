using SeqZero.Cli.Optimization;

namespace SeqZero.Tests.Learning.Cli;

public class SarTaskTests
{
    // measured at 8×8, 40 iterations, λ = 0.02, seed 0: SAR 0.73 of the target at NRMSE 4.9 %; bounds leave margin
    private const double MaximumRelativeSar = 0.9;
    private const double MaximumNrmse = 0.15;

    [Fact]
    public void Run_RfMode_LowersSarAtSmallImageError()
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 8, Iterations = 40, OutputFolder = temp.Path };
        RunSummary summary = TaskRunner.Run(SarTask.Create(settings, "rf", 0.02), settings, TextWriter.Null, CancellationToken.None);
        Assert.Equal("sar-rf", summary.Task);
        Assert.True(summary.RelativeSar < MaximumRelativeSar, $"relative SAR {summary.RelativeSar}");
        Assert.True(summary.Nrmse < MaximumNrmse, $"NRMSE {summary.Nrmse}");
        Assert.Equal(1, summary.Extra["iterations_to_nrmse_10_percent"]); // it starts at the target
    }

    [Fact]
    public void Create_UnknownMode_ThrowsNamingOption()
    {
        var e = Assert.Throws<ArgumentException>(() => SarTask.Create(new OptimizeSettings { Matrix = 4 }, "half", 0.1));
        Assert.Contains("--mode", e.Message);
    }

    [Fact]
    public void Create_FullMode_HasSarTermNoneModeHasNot()
    {
        var settings = new OptimizeSettings { Matrix = 4 };
        Assert.Equal(["image_l2", "relative_sar"], SarTask.Create(settings, "full", 0.1).Objective.TermNames);
        Assert.Equal(["image_l2"], SarTask.Create(settings, "none", 0.1).Objective.TermNames);
    }
}
