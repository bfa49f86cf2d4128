using SeqZero.Learning.Networks;

namespace SeqZero.Tests.Learning.Networks;

public class RowNormalizationTests
{
    private const double Epsilon = 1e-3;

    [Fact]
    public void Backward_RandomRows_MatchesCentralDifference()
    {
        var random = new Random(6);
        double[] x = [.. Enumerable.Range(0, 12).Select(_ => 2 * random.NextDouble() - 1)];
        double[] weights = [.. x.Select(_ => random.NextDouble() - 0.5)];
        double Loss(double[] input)
        {
            var y = new double[input.Length];
            RowNormalization.Forward(input, y, 4, Epsilon);
            return y.Zip(weights).Sum(t => t.First * t.Second);
        }
        double[] g = new double[x.Length];
        RowNormalization.Backward(x, weights, g, 4, Epsilon);
        for (int i = 0; i < x.Length; i++)
            Assert.True(GradientCheck.Relative(g[i], GradientCheck.Central(Loss, x, i), 1) < GradientCheck.RelativeTolerance, $"{i}");
    }

    [Fact]
    public void Forward_ScaledRow_SameOutput()
    {
        double[] a = new double[3], b = new double[3];
        RowNormalization.Forward([3, 4, 0], a, 3, 0);
        RowNormalization.Forward([30, 40, 0], b, 3, 0);
        Assert.Equal([0.6, 0.8, 0], a);
        Assert.Equal(a, b);
    }
}
