using System.Numerics;
using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Cli.Optimization;

/// <summary>`optimize encoding` (MRzero paper, Fig. 3): learn a complete gradient-echo encoding from zero. Target: the
/// adjoint reconstruction of a 5° Cartesian FLASH (builder timing: dwell 80 µs, 1 ms gap, 1 ms prewinder, 2 ms spoiler,
/// perfect spoiling) on the built-in brain. Start: the same timing with every flip and every x/y moment at zero (plus
/// seeded noise of <see cref="InitialNoise"/> to break the symmetry at which |image| has no gradient). Free: flips,
/// RF phases, x/y moments of every event, ADC phases. Loss: magnitude NRMSE² vs the target.</summary>
internal static class EncodingTask
{
    public const int DefaultMatrix = 32;
    public const int DefaultIterations = 400;
    public const int DefaultSpins = 1;
    public const double DefaultLearningRate = 0.1;
    private const double TargetFlipDegrees = 5;

    /// <summary>Standard deviation of the start noise in optimiser units (a hundredth of a Δk or of a flip unit).</summary>
    private const double InitialNoise = 0.01;
    /// <summary>Optimiser unit of flip angles [rad]: a unit step is ≈ 1°, the order of the 5° target.</summary>
    private const double FlipUnitRadians = Math.PI / 180;
    /// <summary>Optimiser unit of phases [rad].</summary>
    private const double PhaseUnitRadians = 0.1;
    /// <summary>The step size falls by this factor over a run.</summary>
    private const double LearningRateDecay = 10;

    public static OptimizationTask Create(OptimizeSettings settings)
    {
        int n = settings.Matrix ?? DefaultMatrix;
        int spins = settings.Spins ?? DefaultSpins;
        double lr = settings.LearningRate ?? DefaultLearningRate;
        double dk = CartesianEncoding.DeltaK(settings.FovMeters);

        Sequence target = Flash.Build(new FlashOptions
        {
            Matrix = n, FovMeters = settings.FovMeters, FlipAngleDegrees = TargetFlipDegrees, RfSpoilingIncrementDegrees = 0,
        });
        target.Name = $"GRE target {n}x{n} {TargetFlipDegrees}°";
        Sequence start = target.Clone();
        start.Name = $"learned encoding {n}x{n}";
        foreach (Repetition r in start.Repetitions)
        {
            r.Pulse.FlipAngleRadians = 0;
            foreach (SequenceEvent e in r.Events) { e.GradientMomentXPerMeter = 0; e.GradientMomentYPerMeter = 0; }
        }

        var parameters = new ParameterSet(start)
            .AddFlipAngles(ParameterTransform.Linear(FlipUnitRadians))
            .AddRfPhases(ParameterTransform.Linear(PhaseUnitRadians))
            .AddMomentsX(ParameterTransform.Linear(dk))
            .AddMomentsY(ParameterTransform.Linear(dk))
            .AddAdcPhases(ParameterTransform.Linear(PhaseUnitRadians));

        VoxelPhantom phantom = BuiltInPhantoms.Brain(n, settings.FovMeters);
        var simulator = new IsochromatSimulator<float>(Isochromats.Deterministic(spins), perfectSpoiling: true);
        ImageGrid grid = ImageGrid.Square(n, settings.FovMeters);
        VoxelSet voxels = VoxelSet.FromPhantom(phantom);
        var reference = new SequenceObjective<float>(parameters, simulator, voxels, grid, []);
        Complex[] targetImage = reference.Reconstruct(target);

        var objective = new SequenceObjective<float>(parameters, simulator, voxels, grid,
            [new Weighted<IImageLoss>(new ImageDistanceLoss(targetImage, compareMagnitude: true, root: false), 1)]);

        double[] u = parameters.Pack(start);
        var random = new Random(settings.Seed);
        for (int i = 0; i < u.Length; i++) u[i] += InitialNoise * (2 * random.NextDouble() - 1);

        int iterations = settings.Iterations ?? DefaultIterations;
        var options = new OptimizationOptions
        {
            Iterations = iterations, LearningRate = lr, FinalLearningRate = lr / LearningRateDecay,
            Restarts = settings.Restarts, Seed = settings.Seed,
        };
        return new OptimizationTask("encoding", objective, u, target, targetImage, spins, options);
    }
}
