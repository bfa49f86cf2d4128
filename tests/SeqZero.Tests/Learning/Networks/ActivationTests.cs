using SeqZero.Learning.Networks;

namespace SeqZero.Tests.Learning.Networks;

public class ActivationTests
{
    [Theory]
    [InlineData(ActivationKind.Gelu)]
    [InlineData(ActivationKind.Relu)]
    public void Backward_RandomInput_MatchesCentralDifference(ActivationKind kind)
    {
        var random = new Random(4);
        // keep ReLU inputs away from its kink at 0, where central differences are not the derivative
        double[] x = [.. Enumerable.Range(0, 12).Select(_ => (random.NextDouble() < 0.5 ? -1 : 1) * (0.1 + 2 * random.NextDouble()))];
        double[] weights = [.. x.Select(_ => random.NextDouble() - 0.5)];
        double Loss(double[] input)
        {
            var y = new double[input.Length];
            Activation.Forward(kind, input, y);
            return y.Zip(weights).Sum(t => t.First * t.Second);
        }
        double[] g = new double[x.Length];
        Activation.Backward(kind, x, weights, g);
        for (int i = 0; i < x.Length; i++)
            Assert.True(GradientCheck.Relative(g[i], GradientCheck.Central(Loss, x, i), 1) < GradientCheck.RelativeTolerance, $"{kind} {i}");
    }

    [Fact]
    public void Forward_Gelu_KnownValues()
    {
        var y = new double[3];
        Activation.Forward(ActivationKind.Gelu, [0, 10, -10], y);
        Assert.Equal(0, y[0]);
        Assert.Equal(10, y[1], GradientCheck.NearExactDigits);
        Assert.Equal(0, y[2], GradientCheck.NearExactDigits);
    }
}
