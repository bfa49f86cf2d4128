using SeqZero.Learning.Losses;

namespace SeqZero.Tests.Learning.Losses;

public class MapErrorLossTests
{
    [Fact]
    public void Evaluate_RandomMap_GradientMatchesCentralDifference()
    {
        var random = new Random(41);
        double[] truth = [.. Enumerable.Range(0, 8).Select(_ => 0.5 + 3 * random.NextDouble())];
        double[] map = [.. truth.Select(t => t * (0.7 + 0.6 * random.NextDouble()))];
        var loss = new MapErrorLoss(truth, [0, 1, 3, 6, 7]);
        double[] adjoint = new double[8];
        loss.Evaluate(map, adjoint, 1.5);
        double scale = adjoint.Max(Math.Abs);
        for (int i = 0; i < map.Length; i++)
        {
            double numeric = GradientCheck.Central(m => 1.5 * loss.Evaluate(m, new double[m.Length], 1), map, i);
            Assert.True(GradientCheck.Relative(adjoint[i], numeric, scale) < GradientCheck.RelativeTolerance, $"pixel {i}");
        }
    }

    [Fact]
    public void Evaluate_TenPercentHighEverywhere_IsOnePercent()
    {
        double[] truth = [1, 2, 4];
        Assert.Equal(0.01, new MapErrorLoss(truth, [0, 1, 2]).Evaluate([1.1, 2.2, 4.4], new double[3], 1), GradientCheck.ExactDigits);
    }

    [Fact]
    public void Constructor_NonPositiveTruthInMask_Throws() =>
        Assert.Throws<ArgumentException>(() => new MapErrorLoss([1, 0], [0, 1]));
}
