using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Phantoms;
using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>`optimize encoding` (MRzero paper, Fig. 3): learn a complete gradient-echo encoding from zero. Target: see
/// <see cref="GreProblem"/>. Start: the target's timing with every flip and every x/y moment at zero, plus seeded
/// uniform noise of ±<see cref="DefaultInitialNoise"/> optimiser units on every free number (1/100 Δk, 1/100 degree), which
/// breaks the symmetry at which |image| has no gradient (`--init-noise` widens it into a random start). Free: flips, RF phases, x/y moments of every event, ADC phases;
/// with <see cref="Variant.FreeTimes"/> (`encoding-timing`, Fig. 4) also the durations of all non-ADC events, as
/// τ = <see cref="MinimumEventSeconds"/> + 1 ms·softplus(u). Loss: magnitude NRMSE² vs the target (+ λ·relative SAR for
/// `sar --mode full`); with sparse training, the same per single-voxel sample (Fig. 8). Training on the phantom runs with
/// the divergence guard (<see cref="DivergenceRatio"/>): the paper's restart with reset step size, taken when a step overshoots.</summary>
internal static class EncodingTask
{
    public const int DefaultMatrix = 32;
    public const int DefaultIterations = 1500;
    /// <summary>Four isochromats give each voxel an extent, so k beyond the grid is damped as in a real voxel instead of
    /// aliasing back exactly (which a single isochromat per voxel would reward).</summary>
    public const int DefaultSpins = 4;
    public const double DefaultLearningRate = 0.3;
    /// <summary>Sparse training: 8 random voxels per sample (one voxel per sample learns the encoding far more slowly:
    /// 16², 2000 iterations: 1 voxel 58 %, 8 voxels 44 % NRMSE on the brain at lr 0.3; 8 voxels at lr 0.1, 4000 iterations: 12 %).</summary>
    public const int SparseVoxelsPerSample = 8;
    public const int SparseDefaultIterations = 4000;
    public const double SparseDefaultLearningRate = 0.1;
    /// <summary>The step size falls by this factor over a run.</summary>
    public const double LearningRateDecay = 10;
    /// <summary>Divergence guard: a loss above 1.5× the best so far returns the run to the best iterate with fresh Adam state
    /// and half the step size. Without it, at lr 0.3 the image loss jumps by 2–3× within the first ~100 iterations for most
    /// seeds (32²: seeds 0, 2, 3, 4; NRMSE 24 % → 33–43 %), and a run that steps on from there ends at 10–15 %; the only
    /// seed without a jump reached 8.8 % (seed 1, whose later fluctuations stay below 1.5×). With it the step falls to
    /// 0.02–0.15 within ~12 iterations and seeds 0–4 end at 0.7–3.9 % (docs/optimize.md).</summary>
    public const double DivergenceRatio = 1.5;
    public const double DivergenceStepFactor = 0.5;
    /// <summary>Shortest event a free duration may take [s] (gradient ramps of a real scanner need ~0.1 ms).</summary>
    public const double MinimumEventSeconds = 1e-4;

    /// <summary>Default half-width of the start noise: the start is zero to 1/100 of an optimiser unit.</summary>
    public const double DefaultInitialNoise = 0.01;
    /// <summary>Optimiser unit of flip angles [rad]: a unit step is 1°, the order of the 5° target.</summary>
    private const double FlipUnitRadians = Math.PI / 180;
    /// <summary>Optimiser unit of phases [rad].</summary>
    private const double PhaseUnitRadians = 0.1;
    /// <summary>Scale of the softplus of free durations [s].</summary>
    private const double DurationUnitSeconds = 1e-3;

    /// <summary>Which flavour of the task: its name in the record, the SAR weight λ, free event times, sparse training.</summary>
    public sealed record Variant(string Name, double SarWeight = 0, bool FreeTimes = false, bool Sparse = false);

    public static OptimizationTask Create(OptimizeSettings settings) => Create(settings, new Variant("encoding"));

    public static OptimizationTask Create(OptimizeSettings settings, Variant variant)
    {
        int n = settings.Matrix ?? DefaultMatrix, spins = settings.Spins ?? DefaultSpins;
        GreProblem problem = GreProblem.Create(n, settings.FovMeters, spins);
        Sequence start = problem.Target.Clone();
        start.Name = $"learned encoding {n}x{n}";
        foreach (Repetition r in start.Repetitions)
        {
            r.Pulse.FlipAngleRadians = 0;
            foreach (SequenceEvent e in r.Events) { e.GradientMomentXPerMeter = 0; e.GradientMomentYPerMeter = 0; }
        }
        var parameters = new ParameterSet(start)
            .AddFlipAngles(ParameterTransform.Linear(FlipUnitRadians))
            .AddRfPhases(ParameterTransform.Linear(PhaseUnitRadians))
            .AddMomentsX(ParameterTransform.Linear(problem.DeltaKPerMeter))
            .AddMomentsY(ParameterTransform.Linear(problem.DeltaKPerMeter))
            .AddAdcPhases(ParameterTransform.Linear(PhaseUnitRadians));
        if (variant.FreeTimes) parameters.AddEventDurations(MinimumEventSeconds, DurationUnitSeconds, e => !e.Event.AdcOn);

        IReadOnlyList<Weighted<ISequenceLoss>>? penalties = variant.SarWeight > 0
            ? [new Weighted<ISequenceLoss>(new SarPenalty(RfEnergy.SumOfSquaredFlipAngles(problem.Target)), variant.SarWeight)]
            : null;
        var objective = new SequenceObjective<float>(parameters, problem.Simulator, problem.Voxels, problem.Grid,
            [new Weighted<IImageLoss>(new ImageDistanceLoss(problem.TargetImage, compareMagnitude: true, root: false), 1)], penalties);

        double[] u = parameters.Pack(start);
        var random = new Random(settings.Seed);
        double noise = settings.InitialNoise ?? DefaultInitialNoise;
        if (!(noise >= 0) || !double.IsFinite(noise)) throw new ArgumentException($"--init-noise: {noise} must be ≥ 0.");
        for (int i = 0; i < u.Length; i++) u[i] += noise * (2 * random.NextDouble() - 1);
        double lr = settings.LearningRate ?? (variant.Sparse ? SparseDefaultLearningRate : DefaultLearningRate);
        var options = new OptimizationOptions
        {
            Iterations = settings.Iterations ?? (variant.Sparse ? SparseDefaultIterations : DefaultIterations), LearningRate = lr, FinalLearningRate = lr / LearningRateDecay,
            Restarts = settings.Restarts, Seed = settings.Seed, KeepBest = !variant.Sparse,
            DivergenceRatio = variant.Sparse ? null : DivergenceRatio, DivergenceStepFactor = DivergenceStepFactor,
        };
        var task = new OptimizationTask(variant.Name, objective, u, problem.Target, problem.TargetImage, spins, options);
        if (!variant.Sparse) return task;
        SampledObjective training = SparseTraining.Build(parameters, problem.Simulator, problem.Grid,
            BuiltInPhantoms.Brain(n, settings.FovMeters), problem.Target, settings.Seed, penalties, SparseVoxelsPerSample);
        return task with { Training = training, BeforeIteration = training.Draw };
    }
}
