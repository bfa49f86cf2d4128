using SeqZero.Learning.Networks;

namespace SeqZero.Tests.Learning.Networks;

public class ImageCnnTests
{
    [Fact]
    public void Backward_RandomNetwork_MatchesCentralDifference()
    {
        // two 4×5 images (non-square), 3 → 4 → 2 channels with 3×3 and 1×1 kernels, pixel-major rows in and out
        var cnn = new ImageCnn(4, 5, [3, 4, 2], [3, 1], ActivationKind.Gelu);
        double[] w = new double[cnn.ParameterCount];
        cnn.Initialize(w, seed: 1);
        var random = new Random(2);
        for (int i = 0; i < w.Length; i++) w[i] += 0.1 * (random.NextDouble() - 0.5); // biases non-zero too
        const int Pixels = 2 * 20;
        double[] x = [.. Enumerable.Range(0, Pixels * 3).Select(_ => random.NextDouble() - 0.5)];
        double[] weights = [.. Enumerable.Range(0, Pixels * 2).Select(_ => random.NextDouble() - 0.5)];
        double Loss(double[] p, double[] input) => cnn.Forward(p, input, Pixels).Zip(weights).Sum(t => t.First * t.Second);

        cnn.Forward(w, x, Pixels);
        double[] gw = new double[w.Length];
        double[] gx = cnn.Backward(w, weights, gw);
        double scale = Math.Max(gw.Max(Math.Abs), gx.Max(Math.Abs));
        for (int i = 0; i < x.Length; i++)
            Assert.True(GradientCheck.Relative(gx[i], GradientCheck.Central(p => Loss(w, p), x, i), scale) < GradientCheck.RelativeTolerance, $"x {i}");
        for (int i = 0; i < w.Length; i++)
            Assert.True(GradientCheck.Relative(gw[i], GradientCheck.Central(p => Loss(p, x), w, i), scale) < GradientCheck.RelativeTolerance, $"w {i}");
    }

    [Fact]
    public void Forward_OneByOneKernels_EqualsPixelMlpWithSameWeights()
    {
        // a 1×1 convolution is a dense layer per pixel, and both keep W (outputs × inputs) then bias
        var cnn = new ImageCnn(3, 2, [4, 6, 1], [1, 1], ActivationKind.Relu);
        var mlp = new PixelMlp([4, 6, 1], ActivationKind.Relu);
        Assert.Equal(mlp.ParameterCount, cnn.ParameterCount);
        double[] w = new double[mlp.ParameterCount];
        mlp.Initialize(w, seed: 3);
        var random = new Random(4);
        double[] x = [.. Enumerable.Range(0, 6 * 4).Select(_ => random.NextDouble() - 0.5)];
        double[] expected = mlp.Forward(w, x, 6), actual = cnn.Forward(w, x, 6);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], GradientCheck.ExactDigits);
    }

    [Fact]
    public void Forward_PartialImage_ThrowsNamingShape()
    {
        var cnn = new ImageCnn(4, 4, [2, 1], [3], ActivationKind.Relu);
        var e = Assert.Throws<ArgumentException>(() => cnn.Forward(new double[cnn.ParameterCount], new double[2 * 10], 10));
        Assert.Contains("16 pixels", e.Message);
    }

    [Fact]
    public void Backward_WithoutForward_Throws()
    {
        var cnn = new ImageCnn(2, 2, [1, 1], [1], ActivationKind.Relu);
        Assert.Throws<InvalidOperationException>(() => cnn.Backward(new double[cnn.ParameterCount], new double[4], new double[cnn.ParameterCount]));
    }
}
