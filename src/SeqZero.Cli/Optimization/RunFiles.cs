using SeqZero.Learning;
using SeqZero.Reports;
using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>The files every `optimize` run writes whatever its task: history.json, the loss curve and the timing plot.</summary>
internal static class RunFiles
{
    public static void WriteHistory(string path, OptimizationResult result, IReadOnlyList<string> termNames) =>
        JsonOutput.Write(path, result.History.Select(h => new HistoryRecord(h.Iteration, h.Restart, h.Loss, Terms(h, termNames),
            h.BestLoss, h.LearningRate, h.GradientNorm, h.ElapsedSeconds)));

    /// <summary>The report's loss terms by name.</summary>
    public static Dictionary<string, double> Terms(IterationReport report, IReadOnlyList<string> termNames) =>
        termNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => report.Terms.Length > p.i ? report.Terms[p.i] : double.NaN);

    /// <summary>log₁₀ of the loss and of the best loss per iteration.</summary>
    public static void LossPlot(string path, IReadOnlyList<IterationReport> history) =>
        Plots.Curves(path, "Loss", "iteration", "log10 loss", [.. history.Select(h => (double)h.Iteration)],
            ("loss", [.. history.Select(h => Math.Log10(Math.Max(h.Loss, double.Epsilon)))]),
            ("best", [.. history.Select(h => Math.Log10(Math.Max(h.BestLoss, double.Epsilon)))]));

    /// <summary>Per repetition: its duration (TR) and the time in its non-ADC events (waits, prewinders, spoilers: what
    /// `encoding-timing` learns) [ms].</summary>
    public static void TimingPlot(string path, Sequence sequence, string title)
    {
        const double MillisecondsPerSecond = 1e3;
        double[] repetitions = [.. Enumerable.Range(0, sequence.Repetitions.Count).Select(r => (double)r)];
        Plots.Curves(path, title, "repetition", "time [ms]", repetitions,
            ("repetition (TR)", [.. sequence.Repetitions.Select(r => MillisecondsPerSecond * r.DurationSeconds)]),
            ("non-ADC events", [.. sequence.Repetitions.Select(r => MillisecondsPerSecond * r.Events.Where(e => !e.AdcOn).Sum(e => e.DurationSeconds))]));
    }
}
