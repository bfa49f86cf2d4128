using SeqZero.Learning;
using SeqZero.Reports;

namespace SeqZero.Cli.Optimization;

/// <summary>The files every `optimize` run writes whatever its task: history.json and the loss curve.</summary>
internal static class RunFiles
{
    public static void WriteHistory(string path, OptimizationResult result, IReadOnlyList<string> termNames) =>
        JsonOutput.Write(path, result.History.Select(h => new HistoryRecord(h.Iteration, h.Restart, h.Loss,
            termNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => h.Terms.Length > p.i ? h.Terms[p.i] : double.NaN),
            h.BestLoss, h.LearningRate, h.GradientNorm, h.ElapsedSeconds)));

    /// <summary>log₁₀ of the loss and of the best loss per iteration.</summary>
    public static void LossPlot(string path, OptimizationResult result) =>
        Plots.Curves(path, "Loss", "iteration", "log10 loss", [.. result.History.Select(h => (double)h.Iteration)],
            ("loss", [.. result.History.Select(h => Math.Log10(Math.Max(h.Loss, double.Epsilon)))]),
            ("best", [.. result.History.Select(h => Math.Log10(Math.Max(h.BestLoss, double.Epsilon)))]));
}
