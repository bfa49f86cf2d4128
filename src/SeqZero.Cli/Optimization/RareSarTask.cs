using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Cli.Optimization;

/// <summary>`optimize rare-sar` (MRzero paper, Fig. 6): single-shot RARE on the built-in brain, 90° excitation, timing and
/// gradients fixed (builder defaults: dwell 100 µs, echo spacing (N + 30)·dwell, crushers 3·N/2·Δk). The refocusing
/// flips start at 180° (the target sequence) and are learned under a strong SAR penalty:
/// loss = NRMSE²(|image|, |target|) + λ·Σα²/Σα²(180° train). Expect a train starting near 120° and falling
/// (paper: SAR down to 15 % of the 180° train). With sparse training (Fig. 7) the loss runs over single-voxel samples.</summary>
internal static class RareSarTask
{
    public const int DefaultMatrix = 24;
    public const int DefaultIterations = 200;
    /// <summary>Crushers dephase 1.5 cycles across a voxel: 16 isochromats resolve that dephasing.</summary>
    public const int DefaultSpins = 16;
    public const double DefaultLearningRate = 0.5;
    /// <summary>λ of the "strong" SAR penalty: one unit of relative SAR costs as much as NRMSE² = 0.1.</summary>
    public const double DefaultSarWeight = 0.1;
    /// <summary>Optimiser unit of the refocusing flips [rad]: 10°, so unit steps span the 180° → 60° range in tens of iterations.</summary>
    private const double FlipUnitRadians = 10 * Math.PI / 180;

    public static OptimizationTask Create(OptimizeSettings settings, double sarWeight, bool sparse = false)
    {
        if (!(sarWeight >= 0) || !double.IsFinite(sarWeight)) throw new ArgumentException($"--sar-weight: {sarWeight} must be ≥ 0.");
        int n = settings.Matrix ?? DefaultMatrix, spins = settings.Spins ?? DefaultSpins;
        Sequence target = Rare.Build(new RareOptions { Matrix = n, FovMeters = settings.FovMeters });
        target.Name = $"RARE target {n}x{n} 180°";
        var simulator = new IsochromatSimulator<float>(Isochromats.Deterministic(spins));
        VoxelSet voxels = VoxelSet.FromPhantom(BuiltInPhantoms.Brain(n, settings.FovMeters));
        ImageGrid grid = ImageGrid.Square(n, settings.FovMeters);
        var parameters = new ParameterSet(target)
            .AddFlipAngles(ParameterTransform.Linear(FlipUnitRadians), r => target.Repetitions[r].Pulse.Usage == PulseUsage.Refocusing);
        var targetImage = new SequenceObjective<float>(parameters, simulator, voxels, grid, []).Reconstruct(target);
        Weighted<ISequenceLoss>[] penalties = [new(new SarPenalty(RfEnergy.SumOfSquaredFlipAngles(target)), sarWeight)];
        var objective = new SequenceObjective<float>(parameters, simulator, voxels, grid,
            [new Weighted<IImageLoss>(new ImageDistanceLoss(targetImage, compareMagnitude: true, root: false), 1)], penalties);
        double lr = settings.LearningRate ?? DefaultLearningRate;
        var options = new OptimizationOptions
        {
            Iterations = settings.Iterations ?? DefaultIterations, LearningRate = lr, FinalLearningRate = lr / EncodingTask.LearningRateDecay,
            Restarts = settings.Restarts, Seed = settings.Seed, KeepBest = !sparse,
        };
        var task = new OptimizationTask(sparse ? "rare-sar-sparse" : "rare-sar", objective, parameters.Pack(target), target, targetImage, spins, options);
        if (!sparse) return task;
        SampledObjective training = SparseTraining.Build(parameters, simulator, grid, BuiltInPhantoms.Brain(n, settings.FovMeters), target,
            settings.Seed, penalties);
        return task with { Training = training, BeforeIteration = training.Draw };
    }
}
