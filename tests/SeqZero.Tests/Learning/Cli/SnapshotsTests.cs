using System.Text.Json;
using SeqZero.Cli;
using SeqZero.Cli.Optimization;

namespace SeqZero.Tests.Learning.Cli;

public class SnapshotsTests
{
    private static readonly string[] SequencePlots = ["kspace.png", "flips.png", "timing.png", "recon.png", "target.png", "loss.png"];

    [Fact]
    public void Run_ChosenIterations_WritesPlotsAndParametersOfThoseIterations()
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 4, Spins = 1, Iterations = 12, Snapshots = "0,5,11", OutputFolder = temp.Path };
        OptimizationTask task = EncodingTask.Create(settings);
        TaskRunner.Run(task, settings, TextWriter.Null, CancellationToken.None);

        Assert.Equal(["iter-00000", "iter-00005", "iter-00011"],
            Directory.GetDirectories(temp.File("snapshots")).Select(Path.GetFileName).Order());
        using JsonDocument history = JsonDocument.Parse(File.ReadAllText(temp.File("history.json")));
        foreach (int iteration in new[] { 0, 5, 11 })
        {
            string folder = Path.Combine(temp.File("snapshots"), $"iter-{iteration:D5}");
            foreach (string file in SequencePlots.Append("parameters.json"))
                Assert.True(File.Exists(Path.Combine(folder, file)), $"{iteration}: {file}");
            using JsonDocument snapshot = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "parameters.json")));
            JsonElement root = snapshot.RootElement;
            double loss = history.RootElement[iteration].GetProperty("loss").GetDouble();
            Assert.Equal(iteration, root.GetProperty("iteration").GetInt32());
            Assert.Equal(loss, root.GetProperty("loss").GetDouble());
            // the stored parameters are the ones evaluated at that iteration: the same simulation gives the history's loss
            double[] u = [.. root.GetProperty("optimizer_parameters").EnumerateArray().Select(e => e.GetDouble())];
            Assert.Equal(loss, task.Objective.Evaluate(u, new double[u.Length]).Total);
            double firstFlip = task.Objective.Parameters.Unpack(u).Repetitions[0].Pulse.FlipAngleRadians;
            Assert.Equal(firstFlip, root.GetProperty("sequence").GetProperty("repetitions")[0].GetProperty("flip_angle_rad").GetDouble());
        }
    }

    [Fact]
    public void Run_SnapshotsNone_WritesNoSnapshotFolderButTheTimingPlot()
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 4, Spins = 1, Iterations = 3, Snapshots = "none", OutputFolder = temp.Path };
        TaskRunner.Run(EncodingTask.Create(settings), settings, TextWriter.Null, CancellationToken.None);
        Assert.False(Directory.Exists(temp.File("snapshots")));
        Assert.True(File.Exists(temp.File("timing.png")));
    }

    [Fact]
    public void Run_T1Autoencoder_WritesMapTimingLossAndParameters()
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 4, Iterations = 3, Snapshots = "1", OutputFolder = temp.Path };
        T1AutoencoderTask.Run(settings, "mlp", TextWriter.Null, CancellationToken.None);
        string folder = Path.Combine(temp.File("snapshots"), "iter-00001");
        foreach (string file in new[] { "t1_learned.png", "timing.png", "loss.png", "parameters.json" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
    }

    [Theory]
    [InlineData(1500, new[] { 0, 10, 100, 1000, 1499 })]
    [InlineData(100, new[] { 0, 10, 99 })]
    [InlineData(1, new[] { 0 })]
    public void Default_FirstPowersOfTenLast(int total, int[] expected) => Assert.Equal(expected, Snapshots.Default(total));

    [Fact]
    public void Parse_List_SortedDistinct() => Assert.Equal([0, 7, 30], Snapshots.Parse("30, 0,7,7", 31));

    [Theory]
    [InlineData("5,x")]
    [InlineData("-1")]
    [InlineData("40")]
    public void Optimize_BadSnapshotList_ExitsWithBadInputNamingOption(string list)
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run("optimize", "encoding", "--matrix", "4", "--iterations", "40", "--snapshots", list, "--out", temp.Path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--snapshots", error);
    }
}
