using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>`optimize sar` (MRzero paper, Fig. 5), three modes on the <see cref="GreProblem"/>:
/// none — encoding from zero without SAR penalty (the optimiser may pick large flips);
/// rf — start at the target, only flip angles free, loss NRMSE² + λ·relative SAR (paper: SAR −27 % at small error);
/// full — encoding from zero with the SAR penalty.</summary>
internal static class SarTask
{
    public const int DefaultMatrix = 24;
    public const int DefaultIterations = 300;
    public const double DefaultLearningRate = 0.1;
    /// <summary>λ of the SAR penalty: one unit of relative SAR costs as much as NRMSE² = 0.005 (7 % NRMSE). Measured at
    /// 24×24, 300 iterations: SAR −32 % at 2.5 % NRMSE (paper: −27 % with a small error).</summary>
    public const double DefaultSarWeight = 0.005;
    private const double FlipUnitRadians = Math.PI / 180;
    public static IReadOnlyList<string> Modes { get; } = ["rf", "none", "full"];

    public static OptimizationTask Create(OptimizeSettings settings, string mode, double sarWeight)
    {
        if (!(sarWeight >= 0) || !double.IsFinite(sarWeight)) throw new ArgumentException($"--sar-weight: {sarWeight} must be ≥ 0.");
        settings = settings with { Matrix = settings.Matrix ?? DefaultMatrix };
        return mode switch
        {
            "none" => EncodingTask.Create(settings with { Iterations = settings.Iterations ?? EncodingTask.DefaultIterations }, new EncodingTask.Variant("sar-none")),
            "full" => EncodingTask.Create(settings with { Iterations = settings.Iterations ?? EncodingTask.DefaultIterations }, new EncodingTask.Variant("sar-full", sarWeight)),
            "rf" => RfOnly(settings, sarWeight),
            _ => throw new ArgumentException($"--mode: '{mode}' is not one of {string.Join(", ", Modes)}."),
        };
    }

    private static OptimizationTask RfOnly(OptimizeSettings settings, double sarWeight)
    {
        int n = settings.Matrix ?? DefaultMatrix, spins = settings.Spins ?? EncodingTask.DefaultSpins;
        GreProblem problem = GreProblem.Create(n, settings.FovMeters, spins);
        var parameters = new ParameterSet(problem.Target).AddFlipAngles(ParameterTransform.Linear(FlipUnitRadians));
        var objective = new SequenceObjective<float>(parameters, problem.Simulator, problem.Voxels, problem.Grid,
            [new Weighted<IImageLoss>(new ImageDistanceLoss(problem.TargetImage, compareMagnitude: true, root: false), 1)],
            [new Weighted<ISequenceLoss>(new SarPenalty(RfEnergy.SumOfSquaredFlipAngles(problem.Target)), sarWeight)]);
        double lr = settings.LearningRate ?? DefaultLearningRate;
        var options = new OptimizationOptions
        {
            Iterations = settings.Iterations ?? DefaultIterations, LearningRate = lr, FinalLearningRate = lr / EncodingTask.LearningRateDecay,
            Restarts = settings.Restarts, Seed = settings.Seed,
        };
        return new OptimizationTask("sar-rf", objective, parameters.Pack(problem.Target), problem.Target, problem.TargetImage, spins, options);
    }
}
