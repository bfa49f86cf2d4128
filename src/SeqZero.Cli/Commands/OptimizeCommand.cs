using System.CommandLine;
using SeqZero.Cli.Optimization;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero optimize TASK`: the MRzero paper's sequence-discovery tasks. Each writes history.json, best.json,
/// summary.json and PNGs to --out; Ctrl+C stops and writes the best iterate so far. Options left out take the task's
/// defaults (listed in each task's --help and in docs/optimize.md).</summary>
internal static class OptimizeCommand
{
    public static Command Create(TextWriter output)
    {
        var config = new Option<string>("--config") { Description = "A user-defined task as JSON (schema: docs/optimize.md).", Required = true };
        var command = Configure(new Command("optimize", "Discover or improve a sequence by gradient descent through the Bloch simulation (MRzero tasks). " +
            "Without a task name: run the task of --config FILE.json."), "custom", [config],
            (settings, parse, log, cancel) => TaskRunner.Run(ConfigTask.Create(ConfigTask.Read(parse.GetValue(config)!), settings), settings, log, cancel), output);

        string encodingDefaults = $"Defaults: matrix {EncodingTask.DefaultMatrix}, {EncodingTask.DefaultIterations} iterations, " +
            $"{EncodingTask.DefaultSpins} spins, lr {EncodingTask.DefaultLearningRate}.";
        var initNoise = new Option<double?>("--init-noise") { Description = $"Half-width of the uniform start noise in optimiser units (default {EncodingTask.DefaultInitialNoise}: start ≈ 0)." };
        var training = new Option<string>("--training") { Description = "phantom: the brain | sparse: random single-voxel samples (paper Figs. 7–8).", DefaultValueFactory = _ => "phantom" };
        command.Subcommands.Add(Task("encoding", $"Learn a gradient-echo encoding from zero (paper Fig. 3): flips, phases and x/y moments. {encodingDefaults}",
            [training, initNoise], (settings, parse) => SparseTraining.IsSparse(parse.GetValue(training)!)
                ? EncodingTask.Create(settings with { InitialNoise = parse.GetValue(initNoise) }, new EncodingTask.Variant("encoding-sparse", Sparse: true))
                : EncodingTask.Create(settings with { InitialNoise = parse.GetValue(initNoise) }), output));
        var timingNoise = new Option<double?>("--init-noise") { Description = initNoise.Description };
        command.Subcommands.Add(Task("encoding-timing", $"As encoding, plus the durations of all non-ADC events (paper Fig. 4). {encodingDefaults}",
            [timingNoise], (settings, parse) => EncodingTask.Create(settings with { InitialNoise = parse.GetValue(timingNoise) },
                new EncodingTask.Variant("encoding-timing", FreeTimes: true)), output));

        var mode = new Option<string>("--mode") { Description = "rf: flips only from the target | none: encoding, no penalty | full: encoding with penalty.", DefaultValueFactory = _ => "rf" };
        var sarWeight = new Option<double>("--sar-weight") { Description = "λ of the SAR penalty λ·Σα²/Σα²_target.", DefaultValueFactory = _ => SarTask.DefaultSarWeight };
        command.Subcommands.Add(Task("sar",
            $"SAR-regularised GRE (paper Fig. 5). Defaults (rf): matrix {SarTask.DefaultMatrix}, {SarTask.DefaultIterations} iterations, lr {SarTask.DefaultLearningRate}.",
            [mode, sarWeight], (settings, parse) => SarTask.Create(settings, parse.GetValue(mode)!, parse.GetValue(sarWeight)), output));

        var rareWeight = new Option<double>("--sar-weight") { Description = "λ of the SAR penalty λ·Σα²/Σα²(180° train).", DefaultValueFactory = _ => RareSarTask.DefaultSarWeight };
        var rareTraining = new Option<string>("--training") { Description = "phantom: the brain | sparse: random single-voxel samples (paper Fig. 7).", DefaultValueFactory = _ => "phantom" };
        command.Subcommands.Add(Task("rare-sar",
            $"Refocusing flips of a single-shot RARE under a strong SAR penalty (paper Fig. 6). Defaults: matrix {RareSarTask.DefaultMatrix}, " +
            $"{RareSarTask.DefaultIterations} iterations, {RareSarTask.DefaultSpins} spins, lr {RareSarTask.DefaultLearningRate}.",
            [rareWeight, rareTraining], (settings, parse) => RareSarTask.Create(settings, parse.GetValue(rareWeight),
                SparseTraining.IsSparse(parse.GetValue(rareTraining)!)), output));

        var network = new Option<string>("--network")
        {
            Description = $"Network from block images to T1: {string.Join(" | ", T1AutoencoderTask.NetworkChoices)} (cnn: 3×3 convolutions; mlp: per pixel).",
            DefaultValueFactory = _ => T1AutoencoderTask.NetworkChoices[0],
        };
        // the auto-encoder writes its own record (T1 maps, not images)
        command.Subcommands.Add(Configure(new Command("t1-autoencoder", "Learn inversion/recovery times and a network that outputs T1 (paper Fig. 9). " +
            $"Defaults: matrix {T1AutoencoderTask.DefaultMatrix}, {T1AutoencoderTask.DefaultIterations} iterations, {T1AutoencoderTask.DefaultSpins} spin, " +
            $"lr {T1AutoencoderTask.DefaultLearningRate}, network {T1AutoencoderTask.NetworkChoices[0]}."), "t1-autoencoder", [network],
            (settings, parse, log, cancel) => T1AutoencoderTask.Run(settings, parse.GetValue(network)!, log, cancel), output));
        return command;
    }

    private static Command Task(string name, string description, Option[] extra, Func<OptimizeSettings, ParseResult, OptimizationTask> create,
        TextWriter output) => Configure(new Command(name, description), name, extra,
            (settings, parse, log, cancel) => TaskRunner.Run(create(settings, parse), settings, log, cancel), output);

    /// <summary>Adds the shared options (and the task's own) and the action to <paramref name="command"/>; <paramref name="run"/>
    /// runs the task and writes its record.</summary>
    private static Command Configure(Command command, string name, Option[] extra,
        Func<OptimizeSettings, ParseResult, TextWriter, CancellationToken, RunSummary> run, TextWriter output)
    {
        var matrix = new Option<int?>("--matrix") { Description = "Matrix size N (N×N)." };
        var iterations = new Option<int?>("--iterations") { Description = "Iterations per run." };
        var spins = new Option<int?>("--spins") { Description = "Isochromats per voxel." };
        var lr = new Option<double?>("--lr") { Description = "Initial step size in optimiser units (falls 10× over a run)." };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice: same seed, same result.", DefaultValueFactory = _ => 0 };
        var restarts = new Option<int>("--restarts") { Description = "Runs; each restart starts near the best so far with reset optimiser state.", DefaultValueFactory = _ => 1 };
        var snapshots = new Option<string>("--snapshots")
        {
            Description = "Iterations (0-based, e.g. 0,100,500) whose k-space, flips, timing, recon vs target, loss and parameters.json go to " +
                "OUT/snapshots/iter-NNNNN/; auto (default): first, powers of ten, last; none: no snapshots.",
            DefaultValueFactory = _ => "auto",
        };
        var outOption = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => $"seqzero-optimize-{name}" };
        foreach (Option option in new Option[] { matrix, iterations, spins, lr, seed, restarts, snapshots, outOption }.Concat(extra)) command.Options.Add(option);
        command.SetAction((parse, cancel) =>
        {
            var settings = new OptimizeSettings
            {
                Matrix = AtLeast(parse.GetValue(matrix), "--matrix", 2),
                Iterations = AtLeast(parse.GetValue(iterations), "--iterations", 1),
                Spins = AtLeast(parse.GetValue(spins), "--spins", 1),
                LearningRate = parse.GetValue(lr) is double rate && !(rate > 0 && double.IsFinite(rate))
                    ? throw new ArgumentException($"--lr: {rate} must be a positive number.") : parse.GetValue(lr),
                Seed = parse.GetValue(seed),
                Restarts = AtLeast(parse.GetValue(restarts), "--restarts", 1) ?? 1,
                Snapshots = parse.GetValue(snapshots),
                OutputFolder = parse.GetValue(outOption)!,
            };
            using var stop = new StopSignal(cancel); // Ctrl+C: stop at the next iteration and write the best so far
            RunSummary summary = run(settings, parse, output, stop.Token);
            // cancelled runs have written their files from the best iterate: success; a NaN/∞ stop is a runtime failure
            return System.Threading.Tasks.Task.FromResult(summary.StopReason == "nonfinite" ? ExitCodes.RuntimeFailure : ExitCodes.Success);
        });
        return command;
    }

    private static int? AtLeast(int? value, string option, int minimum) =>
        value is not int v || v >= minimum ? value : throw new ArgumentException($"{option}: {v} must be ≥ {minimum}.");
}
