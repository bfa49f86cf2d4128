using SeqZero.Learning.Networks;

namespace SeqZero.Tests.Learning.Networks;

public class PixelMlpTests
{
    [Fact]
    public void Backward_RandomNetwork_MatchesCentralDifference()
    {
        var mlp = new PixelMlp([4, 6, 5, 2], ActivationKind.Gelu);
        double[] w = new double[mlp.ParameterCount];
        mlp.Initialize(w, seed: 1);
        var random = new Random(2);
        for (int i = 0; i < w.Length; i++) w[i] += 0.1 * (random.NextDouble() - 0.5); // biases non-zero too
        const int Batch = 3;
        double[] x = [.. Enumerable.Range(0, Batch * 4).Select(_ => random.NextDouble() - 0.5)];
        double[] weights = [.. Enumerable.Range(0, Batch * 2).Select(_ => random.NextDouble() - 0.5)];
        double Loss(double[] p, double[] input) => mlp.Forward(p, input, Batch).Zip(weights).Sum(t => t.First * t.Second);

        mlp.Forward(w, x, Batch);
        double[] gw = new double[w.Length];
        double[] gx = mlp.Backward(w, weights, gw);
        double scale = Math.Max(gw.Max(Math.Abs), gx.Max(Math.Abs));
        for (int i = 0; i < x.Length; i++)
            Assert.True(GradientCheck.Relative(gx[i], GradientCheck.Central(p => Loss(w, p), x, i), scale) < GradientCheck.RelativeTolerance, $"x {i}");
        for (int i = 0; i < w.Length; i++)
            Assert.True(GradientCheck.Relative(gw[i], GradientCheck.Central(p => Loss(p, x), w, i), scale) < GradientCheck.RelativeTolerance, $"w {i}");
    }

    [Fact]
    public void Backward_WithoutForward_Throws()
    {
        var mlp = new PixelMlp([2, 1], ActivationKind.Relu);
        Assert.Throws<InvalidOperationException>(() => mlp.Backward(new double[mlp.ParameterCount], [1.0], new double[mlp.ParameterCount]));
    }
}
