using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Learning.Networks;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Reports;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Cli.Optimization;

/// <summary>`optimize t1-autoencoder` (MRzero paper, Fig. 9): six inversion-prepared centric 5° FLASH readouts; the six
/// inversion times and six recovery times (started near 0, at <see cref="StartSeconds"/>; τ = 0.1 ms + 10 s·softplus(u), which
/// for τ ≪ 10 s is a log transform: an optimiser step changes τ by about lr relative) are
/// learned jointly with a network that maps the six complex block images, normalised per pixel, to T1 = 1 s·softplus(output):
/// `--network mlp` (default) a per-pixel MLP (12 → 32 → 32 → 1, GELU), `--network cnn` a small CNN over the image of the same
/// widths (3×3, 1×1, 1×1 kernels, GELU: each pixel also sees its 3×3 neighbourhood, e.g. the blur of the readouts' T1
/// recovery); seeded initialisation. The MLP is the default: lower T1 error at the default size (docs/optimize.md). Loss: mean squared relative T1 error over the brain.
/// Training phantom: the built-in brain with T1 and T2 of every voxel scaled by seeded log-normal factors
/// (σ = <see cref="TissueJitter"/>), so the network sees a continuum of T1 rather than three values; the record (T1 error
/// per tissue) is measured on the unmodified brain.</summary>
internal static class T1AutoencoderTask
{
    public const int DefaultMatrix = 16;
    public const int DefaultIterations = 300;
    /// <summary>Perfect spoiling and fixed gradients: one isochromat per voxel is exact for this sequence's contrast.</summary>
    public const int DefaultSpins = 1;
    public const double DefaultLearningRate = 0.01;
    private const int Blocks = 6;
    private const int HiddenWidth = 32;
    /// <summary>Kernel sizes of the CNN's three layers: a 3×3 neighbourhood, then per pixel. At 16², 300 iterations this erred
    /// least of the shapes tried (mean of GM/WM/CSF: 3, 1, 1: 8.4 %; 1, 3, 1: 8.7 %; 3, 3, 1: 15.5 %); wider fields fit the
    /// jittered training brain's pattern and carry over worse to the unmodified brain.</summary>
    private static readonly int[] CnnKernelSizes = [3, 1, 1];
    /// <summary>Networks of `--network`; the first is the default (lower T1 error at the default size, docs/optimize.md).</summary>
    public static IReadOnlyList<string> NetworkChoices { get; } = ["mlp", "cnn"];
    private const double StartSeconds = 0.05;
    private const double MinimumEventSeconds = 1e-4;
    private const double DurationUnitSeconds = 10.0;
    private const double T1ScaleSeconds = 1.0;
    private const double TissueJitter = 0.3;
    /// <summary>ε of the per-pixel normalisation, relative to N² (the adjoint image of a fully excited voxel of PD 1).</summary>
    private const double FeatureEpsilonPerPixelSquared = 1e-6;

    /// <param name="networkKind">One of <see cref="NetworkChoices"/>.</param>
    public static RunSummary Run(OptimizeSettings settings, string networkKind, TextWriter log, CancellationToken cancel)
    {
        if (!NetworkChoices.Contains(networkKind))
            throw new ArgumentException($"--network: '{networkKind}' is not one of {string.Join(", ", NetworkChoices)}.");
        int n = settings.Matrix ?? DefaultMatrix, spins = settings.Spins ?? DefaultSpins;
        double lr = settings.LearningRate ?? DefaultLearningRate;
        Directory.CreateDirectory(settings.OutputFolder);

        // sequence: TI and recovery events free
        Sequence template = InversionFlash.Build(new InversionFlashOptions
        {
            Matrix = n, FovMeters = settings.FovMeters, InversionTimesSeconds = [.. Enumerable.Repeat(0.0, Blocks)], RecoverySeconds = 0,
        });
        var parameters = new ParameterSet(template).AddEventDurations(MinimumEventSeconds, DurationUnitSeconds, e => IsLearnedWait(template, e));

        // training (jittered brain) and evaluation (brain) objectives sharing network and parameters
        VoxelPhantom brain = BuiltInPhantoms.Brain(n, settings.FovMeters);
        var simulator = new IsochromatSimulator<float>(Isochromats.Deterministic(spins), perfectSpoiling: true);
        ImageGrid grid = ImageGrid.Square(n, settings.FovMeters);
        IPixelNetwork network = networkKind == "cnn"
            ? new ImageCnn(n, n, [2 * Blocks, HiddenWidth, HiddenWidth, 1], CnnKernelSizes, ActivationKind.Gelu)
            : new PixelMlp([2 * Blocks, HiddenWidth, HiddenWidth, 1], ActivationKind.Gelu);
        double epsilon = FeatureEpsilonPerPixelSquared * n * n;
        T1MappingObjective<float> Objective(VoxelPhantom phantom)
        {
            int[] mask = [.. Enumerable.Range(0, phantom.VoxelCount).Where(i => phantom.ProtonDensity[i] != 0)];
            return new T1MappingObjective<float>(parameters, simulator, VoxelSet.FromPhantom(phantom), grid, Blocks, network,
                new MapErrorLoss(phantom.T1Seconds, mask, "t1_relative_mse"), epsilon, T1ScaleSeconds);
        }
        T1MappingObjective<float> training = Objective(Jittered(brain, settings.Seed)), evaluation = Objective(brain);

        double[] start = new double[training.Dimension];
        for (int i = 0; i < parameters.Count; i++) start[i] = parameters.Parameters[i].Transform.FromPhysical(StartSeconds);
        network.Initialize(start.AsSpan(parameters.Count), settings.Seed);
        var options = new OptimizationOptions
        {
            Iterations = settings.Iterations ?? DefaultIterations, LearningRate = lr, FinalLearningRate = lr / EncodingTask.LearningRateDecay,
            Restarts = settings.Restarts, Seed = settings.Seed,
        };
        // snapshots: parameters, T1 map on the brain, timing and loss so far at the chosen iterations
        var snapshots = new Snapshots(Snapshots.Parse(settings.Snapshots, options.Iterations * options.Restarts), settings.OutputFolder,
            (folder, report, u, history) =>
            {
                Sequence sequence = parameters.Unpack(u.AsSpan(0, parameters.Count));
                JsonOutput.Write(Path.Combine(folder, "parameters.json"), SnapshotRecord.From(report, training.TermNames, u, SequenceRecord.From(sequence)));
                Plots.Map(Path.Combine(folder, "t1_learned.png"), evaluation.Map(u), n, n, $"T1, iteration {report.Iteration}", "s");
                RunFiles.TimingPlot(Path.Combine(folder, "timing.png"), sequence, $"Timing, iteration {report.Iteration}");
                RunFiles.LossPlot(Path.Combine(folder, "loss.png"), history);
            });
        log.WriteLine($"optimize t1-autoencoder: {parameters.Count} event times + {network.ParameterCount} {networkKind.ToUpperInvariant()} weights, {training.Voxels.Count} voxels, " +
            $"{options.Iterations} iterations × {options.Restarts} run(s), seed {options.Seed}" +
            (snapshots.Iterations.Count > 0 ? $", snapshots at {string.Join(", ", snapshots.Iterations)}" : ""));
        OptimizationResult result = OptimizationLoop.Run(training, start, options, new ProgressLine(log, training.TermNames), cancel,
            afterEvaluation: snapshots.Observe);
        if (result.Stop != StopReason.Completed) log.WriteLine(result.Message);

        // record: best sequence and history first (after Ctrl+C the host may allow only ~2 s), then figures on the unmodified brain
        Sequence best = parameters.Unpack(result.BestParameters.AsSpan(0, parameters.Count));
        best.Name = $"learned IR-FLASH {n}x{n} × {Blocks}";
        var files = new List<string>();
        string Out(string name) { files.Add(name); return Path.Combine(settings.OutputFolder, name); }
        JsonOutput.Write(Out("best.json"), SequenceRecord.From(best));
        RunFiles.WriteHistory(Out("history.json"), result, training.TermNames);
        BestSeq.Write(best, Out("best.seq"), log);
        double[] map = evaluation.Map(result.BestParameters);
        var extra = new Dictionary<string, double>();
        foreach (Tissue tissue in new[] { Tissue.GrayMatter, Tissue.WhiteMatter, Tissue.Csf })
            extra[$"t1_error_percent_{tissue.Name.ToLowerInvariant()}"] = TissueError(brain, map, tissue);
        for (int i = 0; i < parameters.Count; i++) // learned waits in sequence order: TI₀, Trec₀, TI₁, Trec₁, …
            extra[$"{(i % 2 == 0 ? "ti" : "trec")}_{i / 2}_s"] = parameters.Parameters[i].Transform.ToPhysical(result.BestParameters[i]);

        Plots.Map(Out("t1_learned.png"), map, n, n, "T1 from the learned sequence + network", "s");
        Plots.Map(Out("t1_truth.png"), brain.T1Seconds, n, n, "T1 of the phantom", "s");
        RunFiles.TimingPlot(Out("timing.png"), best, "Timing of the learned sequence");
        if (result.History.Count > 0) RunFiles.LossPlot(Out("loss.png"), result.History);
        var summary = new RunSummary("t1-autoencoder", result.IterationsRun, result.Seconds,
            result.IterationsRun > 0 ? result.Seconds / result.IterationsRun : 0, result.BestLoss, result.BestIteration, null,
            RfEnergy.RelativeSar(best, template), best.DurationSeconds, result.Stop.ToString().ToLowerInvariant(), result.Message, n, spins,
            settings.Seed, settings.Restarts, training.Dimension, training.Voxels.Count, [.. files, "summary.json"], extra);
        JsonOutput.Write(Path.Combine(settings.OutputFolder, "summary.json"), summary);
        log.WriteLine($"T1 error GM {extra["t1_error_percent_gm"]:F1} %, WM {extra["t1_error_percent_wm"]:F1} %, CSF {extra["t1_error_percent_csf"]:F1} %; " +
            $"{result.Seconds:F1} s ({summary.SecondsPerIteration:F3} s/iteration); wrote {Path.GetFullPath(settings.OutputFolder)}");
        return summary;
    }

    /// <summary>The TI event after each inversion and the recovery wait that ends each block (the builder's 0-moment last event).</summary>
    private static bool IsLearnedWait(Sequence s, EventLocation e)
    {
        Repetition r = s.Repetitions[e.Repetition];
        if (r.Pulse.Usage == PulseUsage.Inversion) return e.IndexInRepetition == 0;
        bool endsBlock = e.Repetition == s.Repetitions.Count - 1 || s.Repetitions[e.Repetition + 1].Pulse.Usage == PulseUsage.Inversion;
        return endsBlock && e.IndexInRepetition == r.Events.Count - 1;
    }

    /// <summary>A copy of the phantom whose T1 and T2 are scaled per voxel by exp(σ·N(0,1)) (T2 kept ≤ T1).</summary>
    private static VoxelPhantom Jittered(VoxelPhantom source, int seed)
    {
        var p = new VoxelPhantom(source.SizeX, source.SizeY, source.VoxelSizeXMeters, source.VoxelSizeYMeters, source.SliceThicknessMeters, "brain (jittered)");
        var random = new Random(seed);
        for (int i = 0; i < source.VoxelCount; i++)
        {
            double a = 1 - random.NextDouble(), b = random.NextDouble(); // Box–Muller
            double factor = Math.Exp(TissueJitter * Math.Sqrt(-2 * Math.Log(a)) * Math.Cos(2 * Math.PI * b));
            p.ProtonDensity[i] = source.ProtonDensity[i];
            p.T1Seconds[i] = source.T1Seconds[i] * factor;
            p.T2Seconds[i] = Math.Min(source.T2Seconds[i] * factor, p.T1Seconds[i]);
            p.T2PrimeSeconds[i] = source.T2PrimeSeconds[i];
            p.B0Hertz[i] = source.B0Hertz[i];
            p.B1[i] = source.B1[i];
        }
        return p;
    }

    /// <summary>Mean |T1 − T1_true|/T1_true [%] over the voxels of one tissue (identified by its T1).</summary>
    private static double TissueError(VoxelPhantom brain, double[] map, Tissue tissue)
    {
        int[] voxels = [.. Enumerable.Range(0, brain.VoxelCount).Where(i => brain.ProtonDensity[i] != 0 && brain.T1Seconds[i] == tissue.T1Seconds)];
        return voxels.Length == 0 ? double.NaN : 100 * voxels.Average(i => Math.Abs(map[i] - tissue.T1Seconds) / tissue.T1Seconds);
    }
}
