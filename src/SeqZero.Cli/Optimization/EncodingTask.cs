using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>`optimize encoding` (MRzero paper, Fig. 3): learn a complete gradient-echo encoding from zero. Target: see
/// <see cref="GreProblem"/>. Start: the target's timing with every flip and every x/y moment at zero, plus seeded
/// uniform noise of ±<see cref="InitialNoise"/> optimiser units on every free number (1/100 Δk, 1/100 degree), which
/// breaks the symmetry at which |image| has no gradient. Free: flips, RF phases, x/y moments of every event, ADC phases.
/// Loss: magnitude NRMSE² vs the target (+ λ·relative SAR for `sar --mode full`).</summary>
internal static class EncodingTask
{
    public const int DefaultMatrix = 32;
    public const int DefaultIterations = 1500;
    /// <summary>Four isochromats give each voxel an extent, so k beyond the grid is damped as in a real voxel instead of
    /// aliasing back exactly (which a single isochromat per voxel would reward).</summary>
    public const int DefaultSpins = 4;
    public const double DefaultLearningRate = 0.3;

    private const double InitialNoise = 0.01;
    /// <summary>Optimiser unit of flip angles [rad]: a unit step is 1°, the order of the 5° target.</summary>
    private const double FlipUnitRadians = Math.PI / 180;
    /// <summary>Optimiser unit of phases [rad].</summary>
    private const double PhaseUnitRadians = 0.1;
    /// <summary>The step size falls by this factor over a run.</summary>
    public const double LearningRateDecay = 10;

    public static OptimizationTask Create(OptimizeSettings settings) => Create(settings, "encoding", sarWeight: 0);

    /// <summary>The encoding task with an optional SAR penalty λ·Σα²/Σα²_target.</summary>
    public static OptimizationTask Create(OptimizeSettings settings, string name, double sarWeight)
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
        var objective = new SequenceObjective<float>(parameters, problem.Simulator, problem.Voxels, problem.Grid,
            [new Weighted<IImageLoss>(new ImageDistanceLoss(problem.TargetImage, compareMagnitude: true, root: false), 1)],
            sarWeight > 0 ? [new Weighted<ISequenceLoss>(new SarPenalty(RfEnergy.SumOfSquaredFlipAngles(problem.Target)), sarWeight)] : null);

        double[] u = parameters.Pack(start);
        var random = new Random(settings.Seed);
        for (int i = 0; i < u.Length; i++) u[i] += InitialNoise * (2 * random.NextDouble() - 1);
        double lr = settings.LearningRate ?? DefaultLearningRate;
        var options = new OptimizationOptions
        {
            Iterations = settings.Iterations ?? DefaultIterations, LearningRate = lr, FinalLearningRate = lr / LearningRateDecay,
            Restarts = settings.Restarts, Seed = settings.Seed,
        };
        return new OptimizationTask(name, objective, u, problem.Target, problem.TargetImage, spins, options);
    }
}
