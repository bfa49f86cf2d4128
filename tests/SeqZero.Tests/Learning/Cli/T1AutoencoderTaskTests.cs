using System.Text.Json;
using SeqZero.Cli.Optimization;

namespace SeqZero.Tests.Learning.Cli;

public class T1AutoencoderTaskTests
{
    [Theory]
    [InlineData("cnn")]
    [InlineData("mlp")]
    public void Run_SmallBrain_LossFallsAndReportsTissueErrorsAndTimes(string network)
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 8, Iterations = 25, OutputFolder = temp.Path };
        RunSummary summary = T1AutoencoderTask.Run(settings, network, TextWriter.Null, CancellationToken.None);
        using JsonDocument history = JsonDocument.Parse(File.ReadAllText(temp.File("history.json")));
        double first = history.RootElement[0].GetProperty("loss").GetDouble();
        Assert.True(summary.BestLoss < first, $"{first} → {summary.BestLoss}");
        foreach (string key in new[] { "t1_error_percent_gm", "t1_error_percent_wm", "t1_error_percent_csf", "ti_0_s", "trec_5_s" })
            Assert.True(summary.Extra.ContainsKey(key) && double.IsFinite(summary.Extra[key]), key);
        Assert.True(File.Exists(temp.File("t1_learned.png")));
        Assert.True(File.Exists(temp.File("best.json")));
    }

    [Fact]
    public void Optimize_UnknownNetwork_ExitsWithBadInputNamingOption()
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run("optimize", "t1-autoencoder", "--network", "unet", "--matrix", "4", "--out", temp.Path);
        Assert.Equal(2, code);
        Assert.Contains("--network", error);
    }

    [Fact]
    public void Optimize_NetworkOption_NamesTheNetworkInTheLog()
    {
        using var temp = new TempFolder();
        (int code, string output, _) = CliRunner.Run("optimize", "t1-autoencoder", "--network", "cnn", "--matrix", "4", "--iterations", "2", "--out", temp.Path);
        Assert.Equal(0, code);
        Assert.Contains("CNN weights", output);
    }
}
