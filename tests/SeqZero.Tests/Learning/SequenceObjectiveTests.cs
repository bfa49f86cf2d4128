using System.Numerics;
using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Tests.Learning;

public class SequenceObjectiveTests
{
    private const int Matrix = 4;
    private const double FovMeters = 0.2;

    private static (SequenceObjective<double> Objective, double[] U) Build(int seed)
    {
        Sequence target = Flash.Build(new FlashOptions { Matrix = Matrix, FovMeters = FovMeters, FlipAngleDegrees = 20, RfSpoilingIncrementDegrees = 0 });
        double dk = CartesianEncoding.DeltaK(FovMeters);
        var parameters = new ParameterSet(target)
            .AddFlipAngles(ParameterTransform.Linear(0.1))
            .AddRfPhases(ParameterTransform.Linear(1))
            .AddEventDurations(1e-5, 1e-3, e => !e.Event.AdcOn)
            .AddMomentsX(ParameterTransform.Linear(dk))
            .AddMomentsY(ParameterTransform.Linear(dk))
            .AddAdcPhases(ParameterTransform.Linear(1));
        var simulator = new IsochromatSimulator<double>(Isochromats.Deterministic(3), threads: 1, perfectSpoiling: true);
        VoxelSet voxels = VoxelSet.FromPhantom(BuiltInPhantoms.Brain(Matrix, FovMeters));
        ImageGrid grid = ImageGrid.Square(Matrix, FovMeters);
        Complex[] targetImage = new SequenceObjective<double>(parameters, simulator, voxels, grid, []).Reconstruct(target);
        var objective = new SequenceObjective<double>(parameters, simulator, voxels, grid,
            [new Weighted<IImageLoss>(new ImageDistanceLoss(targetImage, compareMagnitude: true, root: false), 1),
             new Weighted<IImageLoss>(new NullingLoss([0, 5], targetImage.Max(z => z.Magnitude)), 0.3)],
            [new Weighted<ISequenceLoss>(new SarPenalty(RfEnergy.SumOfSquaredFlipAngles(target)), 0.01),
             new Weighted<ISequenceLoss>(new ScanTimePenalty(target.DurationSeconds), 0.02)]);
        var random = new Random(seed);
        double[] u = [.. parameters.Pack(target).Select(x => x + 0.3 * (2 * random.NextDouble() - 1))];
        return (objective, u);
    }

    [Fact]
    public void Evaluate_RandomSequence_GradientMatchesCentralDifference()
    {
        (SequenceObjective<double> objective, double[] u) = Build(seed: 7);
        double[] gradient = new double[u.Length];
        objective.Evaluate(u, gradient);
        double scale = gradient.Max(Math.Abs);
        double Loss(double[] p) => objective.Evaluate(p, new double[p.Length]).Total;
        // every third parameter covers all kinds (flips, phases, durations, moments, ADC phases) at a third of the cost
        for (int i = 0; i < u.Length; i += 3)
        {
            double numeric = GradientCheck.Central(Loss, u, i);
            Assert.True(GradientCheck.Relative(gradient[i], numeric, scale) < GradientCheck.RelativeTolerance,
                $"{objective.Parameters.Parameters[i].Name}: {gradient[i]:E6} vs {numeric:E6}");
        }
    }

    [Fact]
    public void Evaluate_Terms_WeightedSumIsTotal()
    {
        (SequenceObjective<double> objective, double[] u) = Build(seed: 8);
        LossEvaluation value = objective.Evaluate(u, new double[u.Length]);
        double[] weights = [1, 0.3, 0.01, 0.02];
        Assert.Equal(["image_l2", "nulling", "relative_sar", "relative_scan_time"], objective.TermNames);
        Assert.Equal(weights.Zip(value.Terms).Sum(p => p.First * p.Second), value.Total, GradientCheck.ExactDigits);
    }

    [Fact]
    public void Constructor_TwoCoils_Throws()
    {
        Sequence s = Flash.Build(new FlashOptions { Matrix = Matrix });
        var twoCoils = new VoxelSet(1, 2, 1e-3, 1e-3, 1e-3);
        Assert.Throws<ArgumentException>(() => new SequenceObjective<double>(new ParameterSet(s),
            new IsochromatSimulator<double>(Isochromats.Deterministic(1)), twoCoils, ImageGrid.Square(Matrix, FovMeters), []));
    }
}
