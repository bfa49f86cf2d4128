using System.CommandLine;
using System.Diagnostics;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero grid EXPERIMENT`: the two-RF grid of Table IV (or, for a custom objective nulling two tissues, the
/// double-inversion grid) on the evaluation voxels, the optimum scored like every search record (double simulation),
/// printed and, with --out, written to DIR/grid-EXPERIMENT.json. The report carries the objective, so `search merge` can
/// check that records and grid optimise the same loss.</summary>
internal static class GridCommand
{
    public sealed record Report(string Experiment, double LambdaCont, double LambdaNull, long Combinations, double Seconds, double CpuSeconds,
        int Threads, int EvaluationVoxels, int SpinsPerVoxel, double Loss, double GridScanLoss, double[] FlipsDeg, double[] PhasesDeg,
        double[] TimesS, double TimeToReadoutS, IReadOnlyDictionary<string, double> Signals, IReadOnlyDictionary<string, double> SignalsMean,
        double RfEnergyRelative, SearchObjective? Objective);

    public static Command Create(TextWriter output)
    {
        var setup = new SearchSetup();
        var axes = new GridAxisOptions();
        var experiment = new Argument<string>("experiment") { Description = $"{string.Join(" | ", SearchSetup.ExperimentNames)}." };
        var json = new Option<bool>("--json") { Description = "Print only the JSON object." };
        var outOption = new Option<string?>("--out") { Description = "Also write DIR/grid-EXPERIMENT.json." };
        var coarse = new Option<int>("--coarse") { Description = "Multiply every grid step by K (quick looks; 1 = Table IV).", DefaultValueFactory = _ => 1 };
        var reference = new Option<string>("--reference")
        {
            Description = "custom: two-rf (inversion recovery or spin echo) or double-inversion (180°–TI1–180°–TI2–90°); auto takes double-inversion when two tissues are nulled.",
            DefaultValueFactory = _ => "auto",
        };
        reference.AcceptOnlyFromAmong("auto", "two-rf", "double-inversion");
        var command = new Command("grid", "Grid search over the two-RF designs of Table IV (the reference optimum of each experiment).")
        {
            experiment, json, outOption, coarse, reference,
        };
        foreach (Option o in setup.All.Concat(axes.All)) command.Options.Add(o);
        command.SetAction(parse =>
        {
            ExperimentSpec spec = setup.Spec(parse, parse.GetValue(experiment)!);
            int k = parse.GetValue(coarse);
            if (k < 1) throw new ArgumentException($"--coarse: {k} must be ≥ 1.");
            string shape = parse.GetValue(reference)!;
            if (shape != "auto" && spec.Name != ExperimentSpec.Custom.Name)
                throw new ArgumentException($"--reference: only for custom objectives; {spec.Name} has Table IV's two-RF grid.");
            DoubleInversionGrid? doubleInversion = shape == "double-inversion" || (shape == "auto" && spec.NeedsDoubleInversionReference)
                ? Coarsen(axes.Apply(parse, DoubleInversionGrid.Default), k)
                : null;
            if (doubleInversion is null) spec = spec with { Grid = Coarsen(axes.Apply(parse, spec.Grid), k) };
            int threads = setup.ThreadCount(parse);
            TextWriter log = parse.GetValue(json) ? TextWriter.Null : output;
            VoxelDataSet evaluation = setup.Evaluation(parse, spec);
            long combinations = doubleInversion?.Combinations ?? spec.Grid.Combinations;
            log.WriteLine($"grid {spec.Name}: {combinations:N0} {(doubleInversion is null ? "two-RF" : "double-inversion")} combinations × {evaluation.Count} voxels × {parse.GetValue(setup.Spins)} spins on {threads} threads …");
            Report report = Compute(spec, evaluation, setup.BuildSpins(parse), threads, doubleInversion);
            log.WriteLine($"optimum {string.Join("°–", report.FlipsDeg.Select(f => $"{f:F0}"))}° (phases {string.Join("/", report.PhasesDeg.Select(p => $"{p:F0}"))}°), " +
                $"Δt {string.Join(" / ", report.TimesS.Select(t => $"{t * 1e3:F1}"))} ms: " +
                $"loss {report.Loss:F6}, GM/WM/CSF {report.Signals["GM"]:F2}/{report.Signals["WM"]:F2}/{report.Signals["CSF"]:F2}, " +
                $"RF energy {100 * report.RfEnergyRelative:F1} %, {report.Seconds:F1} s");
            output.WriteLine(JsonOutput.Serialize(report));
            if (parse.GetValue(outOption) is { } folder)
            {
                Directory.CreateDirectory(folder);
                JsonOutput.Write(Path.Combine(folder, $"grid-{spec.Name}.json"), report);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static GridAxis Coarsen(GridAxis a, int k) => a with { Step = a.Step * k, Last = a.First + (a.Count - 1) / k * a.Step * k };

    private static TwoPulseGrid Coarsen(TwoPulseGrid g, int k) =>
        new(Coarsen(g.Flip1Degrees, k), Coarsen(g.Flip2Degrees, k), Coarsen(g.Phase2Degrees, k), Coarsen(g.Idle1Seconds, k), Coarsen(g.Idle2Seconds, k));

    private static DoubleInversionGrid Coarsen(DoubleInversionGrid g, int k) =>
        new(Coarsen(g.Flip1Degrees, k), Coarsen(g.Flip2Degrees, k), Coarsen(g.Flip3Degrees, k), Coarsen(g.Idle1Seconds, k), Coarsen(g.Idle2Seconds, k), Coarsen(g.Idle3Seconds, k));

    /// <summary>The reference optimum: <paramref name="spec"/>'s two-RF grid, or the given double-inversion grid.</summary>
    public static Report Compute(ExperimentSpec spec, VoxelDataSet evaluation, SpinSet spins, int threads, DoubleInversionGrid? doubleInversion = null)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        (long combinations, double scanLoss, ProcessedDesign optimum) = doubleInversion is null
            ? TwoPulse(TwoPulseGridSearch.Run(spec, spec.Grid, evaluation, spins, threads))
            : DoubleInversion(DoubleInversionGridSearch.Run(spec, doubleInversion, evaluation, spins, threads));
        double seconds = clock.Elapsed.TotalSeconds, cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        DesignScore score = DesignScore.Evaluate(spec, optimum.Operations(), evaluation, spins, threads);
        return new Report(spec.Name, spec.ContrastWeight, spec.NullWeight, combinations, seconds, cpuSeconds, threads, evaluation.Count, spins.Count,
            score.Loss.Total, scanLoss, optimum.FlipsDegrees, optimum.PhasesDegrees, optimum.TimesSeconds, optimum.TimeToReadoutSeconds,
            score.Signals, score.SignalsMean, score.RfEnergyRelative, SearchObjective.From(spec));
    }

    private static (long, double, ProcessedDesign) TwoPulse(GridResult g) => (g.Combinations, g.Loss,
        new ProcessedDesign([g.Flip1Degrees, g.Flip2Degrees], [0, g.Phase2Degrees], [g.Idle1Seconds, g.Idle2Seconds], g.Idle1Seconds + g.Idle2Seconds));

    private static (long, double, ProcessedDesign) DoubleInversion(DoubleInversionResult d) => (d.Combinations, d.ScanLoss,
        new ProcessedDesign(d.FlipsDegrees, [0, 0, 0], d.IdleSeconds, d.IdleSeconds.Sum()));
}
