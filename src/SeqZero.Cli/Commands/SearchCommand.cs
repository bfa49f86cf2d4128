using System.CommandLine;
using System.Diagnostics;
using SeqZero.Reports;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero search EXPERIMENT --seeds 0-99 --out DIR`: one ProxylessNAS run per seed, seeds in parallel, one
/// JSON record per seed (DIR/EXPERIMENT-seedNNNN.json) and its loss history (…-history.png). Seeds whose record exists
/// are skipped, so a stopped run (Ctrl+C keeps every finished seed) resumes where it stopped.
/// `seqzero search merge DIR...` summarises records.</summary>
internal static class SearchCommand
{
    public static Command Create(TextWriter output)
    {
        var setup = new SearchSetup();
        var experiment = new Argument<string?>("experiment") { Description = $"{string.Join(" | ", SearchSetup.ExperimentNames)}.", Arity = ArgumentArity.ZeroOrOne };
        var seeds = new Option<string>("--seeds") { Description = "Seeds, e.g. 0-99 or 0,3,7-9.", DefaultValueFactory = _ => "0" };
        var shard = new Option<string?>("--shard") { Description = "i/n: run every n-th seed from position i (array jobs)." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the voxel data set (paper: 1000).", DefaultValueFactory = _ => 1000 };
        var voxels = new Option<int>("--voxels") { Description = "Voxels in the training data set (paper: 100000).", DefaultValueFactory = _ => VoxelDataSetOptions.PaperVoxelCount };
        var batch = new Option<int>("--batch") { Description = "Voxels per iteration (paper: 1000).", DefaultValueFactory = _ => 1000 };
        var parallel = new Option<int?>("--parallel-seeds") { Description = "Seeds run at once (default: one per thread; each seed gets threads/parallel)." };
        var signal = new Option<string>("--signal") { Description = "Mxy in the losses: magnitude | complex.", DefaultValueFactory = _ => "magnitude" };
        var gates = new Option<string>("--gates") { Description = "Gate gradients: substituted (exact loss of each one-candidate substitution) | all (ProxylessNAS full_v2, linearised) | two (two-path).", DefaultValueFactory = _ => "substituted" };
        var outOption = new Option<string>("--out") { Description = "Folder for the per-seed records.", DefaultValueFactory = _ => "seqzero-search" };
        var command = new Command("search", "Sequence Search: ProxylessNAS over RF and wait operations (Hong et al.), one record per seed.")
        {
            experiment, seeds, shard, epochs, voxels, batch, parallel, signal, gates, outOption,
        };
        foreach (Option o in setup.All) command.Options.Add(o);
        command.Subcommands.Add(SearchMergeCommand.Create(output, setup));
        command.Subcommands.Add(SearchExportCommand.Create(output));
        command.SetAction(parse =>
        {
            string name = parse.GetValue(experiment) ?? throw new ArgumentException($"experiment: missing; choose {string.Join(", ", SearchSetup.ExperimentNames)} (or `search merge DIR...`).");
            ExperimentSpec spec = setup.Spec(parse, name);
            int[] chosen = SearchSeeds.Shard(SearchSeeds.Parse(parse.GetValue(seeds)!), parse.GetValue(shard));
            int e = parse.GetValue(epochs), n = parse.GetValue(voxels), b = parse.GetValue(batch), threads = setup.ThreadCount(parse);
            if (e < 0) throw new ArgumentException($"--epochs: {e} must be ≥ 0.");
            if (n < TissueClasses.Count) throw new ArgumentException($"--voxels: {n} must be ≥ {TissueClasses.Count}.");
            if (b < 1) throw new ArgumentException($"--batch: {b} must be ≥ 1.");
            SignalMeasure measure = parse.GetValue(signal) switch
            {
                "magnitude" => SignalMeasure.Magnitude,
                "complex" => SignalMeasure.Complex,
                var s => throw new ArgumentException($"--signal: '{s}' is neither magnitude nor complex."),
            };
            GateGradientMode mode = parse.GetValue(gates) switch
            {
                "two" => GateGradientMode.TwoPaths,
                "all" => GateGradientMode.AllPaths,
                "substituted" => GateGradientMode.Substituted,
                var g => throw new ArgumentException($"--gates: '{g}' is none of substituted, all, two."),
            };
            int atOnce = Math.Clamp(parse.GetValue(parallel) ?? threads, 1, Math.Max(1, chosen.Length));
            int dataSeed = parse.GetValue(setup.DataSeed);
            var settings = new SeedRunSettings(spec,
                VoxelDataSet.Generate(new VoxelDataSetOptions { Count = n, Seed = dataSeed, Tissues = spec.Tissues }),
                setup.Evaluation(parse, spec), setup.BuildSpins(parse),
                new SupernetOptions { Epochs = e, BatchSize = b, GateGradients = mode }, dataSeed, Math.Max(1, threads / atOnce), measure);
            return Run(settings, chosen, atOnce, parse.GetValue(outOption)!, output);
        });
        return command;
    }

    public static string RecordPath(string folder, string experiment, int seed) => Path.Combine(folder, $"{experiment}-seed{seed:D4}.json");

    /// <summary>Where a seed stopped by Ctrl+C keeps its design so far: a subfolder, so `merge` (which reads DIR's own
    /// records) never tabulates it and a rerun still runs the seed.</summary>
    public static string StoppedPath(string folder, string experiment, int seed) => RecordPath(Path.Combine(folder, "stopped"), experiment, seed);

    private static int Run(SeedRunSettings settings, int[] seeds, int atOnce, string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        int[] todo = [.. seeds.Where(s => !File.Exists(RecordPath(folder, settings.Spec.Name, s)))];
        output.WriteLine($"search {settings.Spec.Name}: {todo.Length} of {seeds.Length} seeds to run ({seeds.Length - todo.Length} already in {folder}), " +
            $"{settings.Options.Epochs} epochs × {settings.Data.Count} voxels, batch {settings.Options.BatchSize}, {settings.Spins.Count} spins, " +
            $"{atOnce} seeds at once × {settings.Threads} threads, {SearchVectorWidth.Describe()}");
        output.WriteLine($"  loss: {ObjectiveText.Describe(settings.Spec)}");
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        int finished = 0, diverged = 0;
        var gate = new object();
        try
        {
            Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = atOnce, CancellationToken = cancel.Token }, seed =>
            {
                var clock = Stopwatch.StartNew();
                int every = Math.Max(1, settings.Options.Epochs / 10);
                var progress = new SyncProgress(p =>
                {
                    if (p.Epoch % every != 0) return;
                    double eta = clock.Elapsed.TotalSeconds / p.Epoch * (p.Epochs - p.Epoch);
                    lock (gate) output.WriteLine($"  seed {seed}: epoch {p.Epoch}/{p.Epochs}, mean batch loss {p.MeanBatchLoss:F5}, ETA {eta:F0} s, now {Outline(p.Design)}");
                });
                SearchRecord record;
                try { record = SeedRun.Run(settings, seed, progress, cancel.Token); }
                catch (SearchDivergedException e)
                {
                    lock (gate) { diverged++; output.WriteLine($"seed {seed}: {e.Message} No record written."); }
                    return;
                }
                if (record.Stopped)
                {
                    string kept = StoppedPath(folder, settings.Spec.Name, seed);
                    Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                    JsonOutput.Write(kept, record);
                    lock (gate) output.WriteLine($"seed {seed} stopped after {record.Epochs} of {settings.Options.Epochs} epochs; design so far {Describe(record)}, loss {record.Loss:F5} → {kept}");
                    return;
                }
                JsonOutput.Write(RecordPath(folder, settings.Spec.Name, seed), record);
                string superseded = StoppedPath(folder, settings.Spec.Name, seed); // an earlier stopped run of this seed
                if (File.Exists(superseded)) File.Delete(superseded);
                if (record.History.Length > 1)
                    Plots.Curves(Path.ChangeExtension(RecordPath(folder, settings.Spec.Name, seed), null) + "-history.png",
                        $"{settings.Spec.Name} seed {seed}: mean batch loss", "epoch", "loss",
                        [.. Enumerable.Range(1, record.History.Length).Select(e => (double)e)], ("loss", record.History));
                lock (gate)
                {
                    finished++;
                    output.WriteLine($"seed {seed} done in {record.Seconds:F1} s: loss {record.Loss:F5}, {Describe(record)}");
                }
            });
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"search {settings.Spec.Name}: stopped; {finished} seeds finished in this run, their records are in {folder}; " +
                $"seeds stopped mid-run keep their design so far in {Path.Combine(folder, "stopped")} and run again on the next call.");
            return ExitCodes.RuntimeFailure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        if (diverged == 0) return ExitCodes.Success;
        output.WriteLine($"search {settings.Spec.Name}: {diverged} of {todo.Length} seeds diverged (see above); the others' records are in {folder}.");
        return ExitCodes.RuntimeFailure;
    }

    /// <summary>The supernet's current argmax path, e.g. "177°/0° 6.2 ms → wait 3.10 s → 89°/52° 6.2 ms" (flip/phase, idle).</summary>
    private static string Outline(IReadOnlyList<VoxelOperation> design) => string.Join(" → ", design.Select(op => op.IsRf
        ? $"{op.FlipRadians * 180 / Math.PI:F0}°/{op.PhaseRadians * 180 / Math.PI:F0}° {Duration(op.IdleSeconds)}"
        : $"wait {Duration(op.IdleSeconds)}"));

    private static string Duration(double seconds) => seconds >= 1 ? $"{seconds:F2} s" : $"{seconds * 1e3:F1} ms";

    public static string Describe(SearchRecord r) => r.FlipsDeg.Length == 0 ? "no RF ≥ 3°"
        : $"[{string.Join(", ", r.FlipsDeg.Select(f => $"{f:F1}"))}]° phases [{string.Join(", ", r.PhasesDeg.Select(p => $"{p:F0}"))}]° " +
          $"readout {r.TimeToReadoutS * 1e3:F1} ms, GM/WM/CSF {r.Signals["GM"]:F2}/{r.Signals["WM"]:F2}/{r.Signals["CSF"]:F2}";

    /// <summary>Reports on the caller's thread (System.Progress would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress(Action<SearchProgress> report) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => report(value);
    }
}
