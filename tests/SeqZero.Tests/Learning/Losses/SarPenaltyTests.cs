using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Tests.Learning.Losses;

public class SarPenaltyTests
{
    [Fact]
    public void Evaluate_HalvedFlips_IsQuarterOfReference()
    {
        Sequence reference = Rare.Build(new RareOptions { Matrix = 4 });
        Sequence half = reference.Clone();
        foreach (Repetition r in half.Repetitions) r.Pulse.FlipAngleRadians /= 2;
        var penalty = new SarPenalty(RfEnergy.SumOfSquaredFlipAngles(reference));
        double value = penalty.Evaluate(half, new SimulationGradients(half.Repetitions.Count, half.EventCount, 0), 1);
        Assert.Equal(RfEnergy.RelativeSar(half, reference), value, GradientCheck.ExactDigits);
        Assert.Equal(0.25, value, GradientCheck.ExactDigits);
    }

    [Fact]
    public void Evaluate_RandomFlips_GradientMatchesCentralDifference()
    {
        Sequence reference = Rare.Build(new RareOptions { Matrix = 4 });
        var set = new ParameterSet(reference).AddFlipAngles(ParameterTransform.Linear(1));
        var random = new Random(51);
        double[] u = [.. set.Pack(reference).Select(x => x * (0.5 + random.NextDouble()))];
        var penalty = new SarPenalty(RfEnergy.SumOfSquaredFlipAngles(reference));
        SimulationGradients g = set.NewPhysicalGradient();
        penalty.Evaluate(set.Unpack(u), g, 0.8);
        double scale = g.FlipAngle.Max(Math.Abs);
        for (int r = 0; r < u.Length; r++)
        {
            double numeric = GradientCheck.Central(p => 0.8 * penalty.Evaluate(set.Unpack(p), set.NewPhysicalGradient(), 1), u, r);
            Assert.True(GradientCheck.Relative(g.FlipAngle[r], numeric, scale) < GradientCheck.RelativeTolerance, $"repetition {r}");
        }
    }

    [Fact]
    public void Constructor_ZeroReference_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new SarPenalty(0));
}
