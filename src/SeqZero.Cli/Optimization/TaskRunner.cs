using System.Numerics;
using SeqZero.Learning;
using SeqZero.Reports;
using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>Runs a prepared task and writes its record to the output folder: history.json, best.json, summary.json and
/// PNGs (k-space, flip train, timing, recon vs target, loss curve), and the same plots with parameters.json for the
/// iterations chosen by `--snapshots` (snapshots/iter-NNNNN/). Cancellation (Ctrl+C) and non-finite losses end the run
/// early; the files are still written, from the best iterate so far.</summary>
internal static class TaskRunner
{
    public static RunSummary Run(OptimizationTask task, OptimizeSettings settings, TextWriter log, CancellationToken cancel)
    {
        Directory.CreateDirectory(settings.OutputFolder);
        SequenceObjective<float> objective = task.Objective;
        var snapshots = new Snapshots(Snapshots.Parse(settings.Snapshots, task.Options.Iterations * task.Options.Restarts), settings.OutputFolder,
            (folder, report, u, history) =>
            {
                Sequence sequence = objective.Parameters.Unpack(u);
                JsonOutput.Write(Path.Combine(folder, "parameters.json"), SnapshotRecord.From(report, objective.TermNames, u, SequenceRecord.From(sequence)));
                WritePlots(task, sequence, objective.Reconstruct(sequence), history, name => Path.Combine(folder, name), $"iteration {report.Iteration}");
            });
        log.WriteLine($"optimize {task.Name}: {objective.Dimension} free parameters, {objective.Voxels.Count} voxels" +
            (task.Training is null ? ", " : $" for evaluation (training on {SparseTraining.DefaultSamples} sparse samples), ") +
            $"{task.Options.Iterations} iterations × {task.Options.Restarts} run(s), seed {task.Options.Seed}" +
            (snapshots.Iterations.Count > 0 ? $", snapshots at {string.Join(", ", snapshots.Iterations)}" : ""));
        OptimizationResult result = OptimizationLoop.Run(task.Training ?? objective, task.Start, task.Options, new ProgressLine(log, objective.TermNames),
            cancel, task.BeforeIteration, snapshots.Observe);
        if (result.Stop != StopReason.Completed) log.WriteLine(result.Message);

        // the best sequence and the history first: after Ctrl+C the host may allow only ~2 s before it ends the process
        Sequence best = objective.Parameters.Unpack(result.BestParameters);
        var files = new List<string>();
        string Out(string name) { files.Add(name); return Path.Combine(settings.OutputFolder, name); }
        JsonOutput.Write(Out("best.json"), SequenceRecord.From(best));
        RunFiles.WriteHistory(Out("history.json"), result, objective.TermNames);
        BestSeq.Write(best, Out("best.seq"), log);

        Complex[] image = objective.Reconstruct(best);
        double? nrmse = task.TargetImage is { } target ? MagnitudeNrmse(image, target) : null;
        double relativeSar = RfEnergy.RelativeSar(best, task.Reference);
        int n = objective.Grid.SizeX;
        string[] plots = [.. new[] { "kspace.png", "flips.png", "timing.png", "recon.png" }
            .Concat(task.TargetImage is null ? [] : ["target.png"]).Concat(result.History.Count > 0 ? ["loss.png"] : Array.Empty<string>())];
        files.AddRange(plots);
        var summary = new RunSummary(task.Name, result.IterationsRun, result.Seconds,
            result.IterationsRun > 0 ? result.Seconds / result.IterationsRun : 0, result.BestLoss, result.BestIteration, nrmse,
            relativeSar, best.DurationSeconds, result.Stop.ToString().ToLowerInvariant(), result.Message, n,
            task.Spins, task.Options.Seed, task.Options.Restarts, objective.Dimension,
            objective.Voxels.Count, [.. files, "summary.json"], Figures(result, task, objective.TermNames));
        JsonOutput.Write(Path.Combine(settings.OutputFolder, "summary.json"), summary);
        WritePlots(task, best, image, result.History, name => Path.Combine(settings.OutputFolder, name), $"best (iteration {result.BestIteration})");
        log.WriteLine($"best loss {result.BestLoss:G5} (iteration {result.BestIteration})" +
            (nrmse is double e ? $", NRMSE {100 * e:F1} %" : "") + $", relative SAR {relativeSar:F3}, " +
            $"{result.Seconds:F1} s ({summary.SecondsPerIteration:F3} s/iteration); wrote {Path.GetFullPath(settings.OutputFolder)}");
        return summary;
    }

    /// <summary>Task figures: returns to the best iterate by the divergence guard (when it is on); iteration and elapsed
    /// seconds at which the image term first reached NRMSE ≤ 10 % (image_l2 ≤ 0.01), when the run trains on the phantom
    /// itself (sparse training measures single samples, not the phantom).</summary>
    private static Dictionary<string, double> Figures(OptimizationResult result, OptimizationTask task, IReadOnlyList<string> termNames)
    {
        const double TenPercentSquared = 0.01;
        var figures = new Dictionary<string, double>();
        if (task.Options.DivergenceRatio is not null) figures["divergence_reverts"] = result.DivergenceReverts;
        int term = termNames.ToList().IndexOf("image_l2");
        if (task.Training is not null || term < 0) return figures;
        IterationReport? first = result.History.FirstOrDefault(h => h.Terms.Length > term && h.Terms[term] <= TenPercentSquared);
        if (first is null) return figures;
        figures["iterations_to_nrmse_10_percent"] = first.Iteration + 1;
        figures["seconds_to_nrmse_10_percent"] = first.ElapsedSeconds;
        return figures;
    }

    /// <summary>‖|image| − |target|‖₂ / ‖target‖₂.</summary>
    public static double MagnitudeNrmse(ReadOnlySpan<Complex> image, ReadOnlySpan<Complex> target)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < target.Length; i++)
        {
            double d = image[i].Magnitude - target[i].Magnitude;
            diff += d * d;
            norm += target[i].Magnitude * target[i].Magnitude;
        }
        return Math.Sqrt(diff / norm);
    }

    /// <summary>The plots of one sequence: k-space, flip train vs the reference, timing, recon and target, loss so far.</summary>
    private static void WritePlots(OptimizationTask task, Sequence sequence, Complex[] image, IReadOnlyList<IterationReport> history,
        Func<string, string> output, string label)
    {
        int n = task.Objective.Grid.SizeX;
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(sequence);
        Plots.KSpace(output("kspace.png"), k, new Complex[k.Length], 1, $"k-space, {label} ({k.Length} samples)");
        double[] repetitions = [.. Enumerable.Range(0, sequence.Repetitions.Count).Select(r => (double)r)];
        Plots.Curves(output("flips.png"), $"Flip angle train, {label}", "repetition", "flip angle [deg]", repetitions,
            (label, [.. sequence.Repetitions.Select(r => r.Pulse.FlipAngleRadians * 180 / Math.PI)]),
            ("reference", [.. task.Reference.Repetitions.Select(r => r.Pulse.FlipAngleRadians * 180 / Math.PI)]));
        RunFiles.TimingPlot(output("timing.png"), sequence, $"Timing, {label}");
        Plots.MagnitudeImage(output("recon.png"), image, n, n, $"{task.Name}: {label}");
        if (task.TargetImage is { } target) Plots.MagnitudeImage(output("target.png"), target, n, n, $"{task.Name}: target");
        if (history.Count > 0) RunFiles.LossPlot(output("loss.png"), history);
    }
}
