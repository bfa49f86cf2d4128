using System.Text.Json;
using SeqZero.Cli.Optimization;
using SeqZero.Learning;

namespace SeqZero.Tests.Learning.Cli;

public class EncodingVariantTests
{
    [Fact]
    public void Run_FreeTimes_DurationsChangeAndStayAboveMinimum()
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 6, Spins = 1, Iterations = 15, OutputFolder = temp.Path };
        OptimizationTask task = EncodingTask.Create(settings, new EncodingTask.Variant("encoding-timing", FreeTimes: true));
        Assert.Contains(task.Objective.Parameters.Parameters, p => p.Kind == ParameterKind.EventDuration);
        RunSummary summary = TaskRunner.Run(task, settings, TextWriter.Null, CancellationToken.None);
        using JsonDocument best = JsonDocument.Parse(File.ReadAllText(temp.File("best.json")));
        double[] durations = [.. best.RootElement.GetProperty("repetitions").EnumerateArray()
            .SelectMany(r => r.GetProperty("events").EnumerateArray()).Where(e => !e.GetProperty("adc").GetBoolean())
            .Select(e => e.GetProperty("duration_s").GetDouble())]; // ADC dwells stay fixed
        Assert.All(durations, d => Assert.True(d > EncodingTask.MinimumEventSeconds * (1 - 1e-9), $"{d}"));
        Assert.NotEqual(task.Reference.DurationSeconds, summary.ScanTimeS);
    }

    [Fact]
    public void Run_SparseTraining_TrainsOnSamplesAndReportsOnPhantom()
    {
        using var temp = new TempFolder();
        var settings = new OptimizeSettings { Matrix = 6, Spins = 1, Iterations = 20, OutputFolder = temp.Path };
        OptimizationTask task = EncodingTask.Create(settings, new EncodingTask.Variant("encoding", Sparse: true));
        Assert.IsType<SampledObjective>(task.Training);
        RunSummary summary = TaskRunner.Run(task, settings, TextWriter.Null, CancellationToken.None);
        Assert.Equal(19, summary.BestIteration); // the last iterate, not the luckiest sample
        Assert.True(summary.Nrmse is double e && double.IsFinite(e));
        Assert.True(summary.Voxels > 1);
    }

    [Fact]
    public void Optimize_UnknownTraining_ExitsWithBadInput()
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run("optimize", "encoding", "--training", "dense", "--matrix", "4", "--out", temp.Path);
        Assert.Equal(2, code);
        Assert.Contains("--training", error);
    }
}
