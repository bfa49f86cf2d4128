using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Tests.Learning.Losses;

public class ScanTimePenaltyTests
{
    [Fact]
    public void Evaluate_RandomDurations_GradientMatchesCentralDifference()
    {
        Sequence template = Flash.Build(new FlashOptions { Matrix = 4 });
        var set = new ParameterSet(template).AddEventDurations(1e-5, 1e-3);
        var random = new Random(61);
        double[] u = [.. set.Pack(template).Select(x => x + 0.5 * (2 * random.NextDouble() - 1))];
        var penalty = new ScanTimePenalty(template.DurationSeconds);
        SimulationGradients g = set.NewPhysicalGradient();
        penalty.Evaluate(set.Unpack(u), g, 1.1);
        double[] gradient = new double[set.Count];
        set.Backward(u, g, gradient);
        double scale = gradient.Max(Math.Abs);
        for (int i = 0; i < u.Length; i++)
        {
            double numeric = GradientCheck.Central(p => 1.1 * penalty.Evaluate(set.Unpack(p), set.NewPhysicalGradient(), 1), u, i);
            Assert.True(GradientCheck.Relative(gradient[i], numeric, scale) < GradientCheck.RelativeTolerance, $"event {i}");
        }
    }

    [Fact]
    public void Evaluate_Reference_IsOne()
    {
        Sequence s = Flash.Build(new FlashOptions { Matrix = 4 });
        Assert.Equal(1, new ScanTimePenalty(s.DurationSeconds).Evaluate(s, new SimulationGradients(s.Repetitions.Count, s.EventCount, 0), 1), GradientCheck.ExactDigits);
    }
}
