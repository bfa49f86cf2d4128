using System.CommandLine;
using System.Diagnostics;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero grid EXPERIMENT`: the two-RF grid of Table IV on the evaluation voxels, the optimum scored like
/// every search record (double simulation), printed and, with --out, written to DIR/grid-EXPERIMENT.json. The report
/// carries the objective, so `search merge` can check that records and grid optimise the same loss.</summary>
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
        var command = new Command("grid", "Grid search over the two-RF designs of Table IV (the reference optimum of each experiment).")
        {
            experiment, json, outOption, coarse,
        };
        foreach (Option o in setup.All.Concat(axes.All)) command.Options.Add(o);
        command.SetAction(parse =>
        {
            ExperimentSpec spec = setup.Spec(parse, parse.GetValue(experiment)!);
            int k = parse.GetValue(coarse);
            if (k < 1) throw new ArgumentException($"--coarse: {k} must be ≥ 1.");
            spec = spec with { Grid = Coarsen(axes.Apply(parse, spec.Grid), k) };
            int threads = setup.ThreadCount(parse);
            TextWriter log = parse.GetValue(json) ? TextWriter.Null : output;
            VoxelDataSet evaluation = setup.Evaluation(parse, spec);
            log.WriteLine($"grid {spec.Name}: {spec.Grid.Combinations:N0} combinations × {evaluation.Count} voxels × {parse.GetValue(setup.Spins)} spins on {threads} threads …");
            Report report = Compute(spec, evaluation, setup.BuildSpins(parse), threads);
            log.WriteLine($"optimum {report.FlipsDeg[0]:F0}°–{report.FlipsDeg[1]:F0}° (phase {report.PhasesDeg[1]:F0}°), Δt {report.TimesS[0] * 1e3:F1} / {report.TimesS[1] * 1e3:F1} ms: " +
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

    private static TwoPulseGrid Coarsen(TwoPulseGrid g, int k)
    {
        static GridAxis C(GridAxis a, int k) => a with { Step = a.Step * k, Last = a.First + (a.Count - 1) / k * a.Step * k };
        return new TwoPulseGrid(C(g.Flip1Degrees, k), C(g.Flip2Degrees, k), C(g.Phase2Degrees, k), C(g.Idle1Seconds, k), C(g.Idle2Seconds, k));
    }

    public static Report Compute(ExperimentSpec spec, VoxelDataSet evaluation, SpinSet spins, int threads)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        GridResult grid = TwoPulseGridSearch.Run(spec, spec.Grid, evaluation, spins, threads);
        double seconds = clock.Elapsed.TotalSeconds, cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        DesignScore score = DesignScore.Evaluate(spec, grid.Operations(), evaluation, spins, threads);
        return new Report(spec.Name, spec.ContrastWeight, spec.NullWeight, grid.Combinations, seconds, cpuSeconds, threads, evaluation.Count, spins.Count,
            score.Loss.Total, grid.Loss, [grid.Flip1Degrees, grid.Flip2Degrees], [0, grid.Phase2Degrees], [grid.Idle1Seconds, grid.Idle2Seconds],
            grid.Idle1Seconds + grid.Idle2Seconds, score.Signals, score.SignalsMean, score.RfEnergyRelative, SearchObjective.From(spec));
    }
}
