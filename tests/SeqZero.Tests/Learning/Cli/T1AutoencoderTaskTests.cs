using System.Text.Json;
using SeqZero.Cli.Optimization;

namespace SeqZero.Tests.Learning.Cli;

public class T1AutoencoderTaskTests
{
    [Fact]
    public void Run_SmallBrain_LossFallsAndReportsTissueErrorsAndTimes()
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 8, Iterations = 25, OutputFolder = temp.Path };
        RunSummary summary = T1AutoencoderTask.Run(settings, TextWriter.Null, CancellationToken.None);
        using JsonDocument history = JsonDocument.Parse(File.ReadAllText(temp.File("history.json")));
        double first = history.RootElement[0].GetProperty("loss").GetDouble();
        Assert.True(summary.BestLoss < first, $"{first} → {summary.BestLoss}");
        foreach (string key in new[] { "t1_error_percent_gm", "t1_error_percent_wm", "t1_error_percent_csf", "ti_0_s", "trec_5_s" })
            Assert.True(summary.Extra.ContainsKey(key) && double.IsFinite(summary.Extra[key]), key);
        Assert.True(File.Exists(temp.File("t1_learned.png")));
        Assert.True(File.Exists(temp.File("best.json")));
    }
}
