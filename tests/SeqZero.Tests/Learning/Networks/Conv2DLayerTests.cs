using SeqZero.Learning.Networks;

namespace SeqZero.Tests.Learning.Networks;

public class Conv2DLayerTests
{
    // the dot-product test compares two sums of exact products (STYLE §12)
    private const double DotProductTolerance = 1e-10;

    private static (Conv2DLayer Layer, double[] W, double[] X) Make(int inputs, int outputs, int k, int height, int width, int batch, int seed)
    {
        var layer = new Conv2DLayer(inputs, outputs, k, height, width);
        var random = new Random(seed);
        double[] w = new double[layer.ParameterCount];
        layer.Initialize(w, random, WeightInitialization.He);
        for (int o = 0; o < outputs; o++) w[^(o + 1)] = random.NextDouble() - 0.5; // non-zero bias
        return (layer, w, Random(random, batch * layer.Inputs));
    }

    [Theory]
    [InlineData(2, 3, 3, 5, 7, 2)]   // non-square, batch of 2
    [InlineData(1, 2, 1, 4, 3, 1)]   // 1×1 kernel
    [InlineData(3, 2, 5, 6, 4, 1)]   // 5×5 kernel wider than the image is tall/2
    [InlineData(2, 1, 5, 3, 2, 1)]   // kernel larger than the image: every output sees padding
    [InlineData(16, 16, 3, 33, 40, 1)] // above the threading threshold, several pixel tiles
    public void Backward_RandomShapes_MatchesCentralDifference(int inputs, int outputs, int k, int height, int width, int batch)
    {
        (Conv2DLayer layer, double[] w, double[] x) = Make(inputs, outputs, k, height, width, batch, seed: inputs + 10 * k + height);
        double[] weights = Random(new Random(9), batch * layer.Outputs); // L = Σ weights·y
        double Loss(double[] p, double[] input)
        {
            var y = new double[batch * layer.Outputs];
            layer.Forward(p, input, y, batch);
            return y.Zip(weights).Sum(t => t.First * t.Second);
        }
        double[] gx = new double[x.Length], gw = new double[w.Length];
        layer.Backward(w, x, weights, gx, gw, batch);
        double scale = Math.Max(gx.Max(Math.Abs), gw.Max(Math.Abs));
        int stride = Math.Max(1, (x.Length + w.Length) / 400); // large cases: a spread-out subset of the entries
        for (int i = 0; i < x.Length; i += stride)
            Assert.True(GradientCheck.Relative(gx[i], GradientCheck.Central(p => Loss(w, p), x, i), scale) < GradientCheck.RelativeTolerance, $"x {i}");
        for (int i = 0; i < w.Length; i += stride)
            Assert.True(GradientCheck.Relative(gw[i], GradientCheck.Central(p => Loss(p, x), w, i), scale) < GradientCheck.RelativeTolerance, $"w {i}");
    }

    [Theory]
    [InlineData(2, 3, 3, 5, 7, 2)]
    [InlineData(16, 16, 3, 33, 40, 1)]
    public void Backward_IsAdjointOfForwardJacobian(int inputs, int outputs, int k, int height, int width, int batch)
    {
        // y is linear in x (for fixed W, bias 0) and in (W, bias) (for fixed x): ⟨J·v, g⟩ = ⟨v, Jᵀ·g⟩ for both
        (Conv2DLayer layer, double[] w, double[] x) = Make(inputs, outputs, k, height, width, batch, seed: 2);
        var random = new Random(3);
        double[] v = Random(random, x.Length), g = Random(random, batch * layer.Outputs), vw = Random(random, w.Length);
        double[] noBias = (double[])w.Clone();
        Array.Clear(noBias, w.Length - outputs, outputs);
        var jv = new double[g.Length];
        layer.Forward(noBias, v, jv, batch);
        var jw = new double[g.Length];
        layer.Forward(vw, x, jw, batch);
        double[] gx = new double[x.Length], gw = new double[w.Length];
        layer.Backward(w, x, g, gx, gw, batch);
        Assert.True(Math.Abs(Dot(jv, g) - Dot(v, gx)) < DotProductTolerance, "input");
        Assert.True(Math.Abs(Dot(jw, g) - Dot(vw, gw)) < DotProductTolerance, "parameters");
    }

    [Fact]
    public void Backward_Twice_Accumulates()
    {
        (Conv2DLayer layer, double[] w, double[] x) = Make(2, 2, 3, 4, 5, 1, seed: 4);
        double[] g = Random(new Random(5), layer.Outputs);
        double[] gx1 = new double[x.Length], gw1 = new double[w.Length], gx2 = new double[x.Length], gw2 = new double[w.Length];
        layer.Backward(w, x, g, gx1, gw1, 1);
        layer.Backward(w, x, g, gx2, gw2, 1);
        layer.Backward(w, x, g, gx2, gw2, 1);
        // the second call adds its terms one by one onto the first call's sums: equal to rounding
        for (int i = 0; i < gx1.Length; i++) Assert.Equal(2 * gx1[i], gx2[i], GradientCheck.ExactDigits);
        for (int i = 0; i < gw1.Length; i++) Assert.Equal(2 * gw1[i], gw2[i], GradientCheck.ExactDigits);
    }

    [Fact]
    public void ForwardBackward_AfterFirstCall_AllocateNothing()
    {
        // below the threading threshold: buffers are kept, TensorPrimitives works on spans
        (Conv2DLayer layer, double[] w, double[] x) = Make(3, 4, 3, 8, 9, 2, seed: 6);
        double[] y = new double[2 * layer.Outputs], gx = new double[x.Length], gw = new double[w.Length];
        layer.Forward(w, x, y, 2);
        layer.Backward(w, x, y, gx, gw, 2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        layer.Forward(w, x, y, 2);
        layer.Backward(w, x, y, gx, gw, 2);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Forward_DeltaKernelPerChannel_IsIdentity()
    {
        var layer = new Conv2DLayer(2, 2, 3, 4, 6);
        var w = new double[layer.ParameterCount];
        w[(0 * 2 + 0) * 9 + 4] = 1; // W[o = 0, i = 0] = δ at the kernel centre
        w[(1 * 2 + 1) * 9 + 4] = 1; // W[1, 1] likewise; cross terms 0
        double[] x = Random(new Random(1), layer.Inputs), y = new double[layer.Outputs];
        layer.Forward(w, x, y, 1);
        Assert.Equal(x, y);
    }

    [Fact]
    public void Forward_OffCentreDelta_ShiftsDown()
    {
        // cross-correlation: W[dy = 0, dx = 1] = 1 reads x[r − 1, c], i.e. the image moves one row down, row 0 sees padding
        var layer = new Conv2DLayer(1, 1, 3, 3, 2);
        var w = new double[layer.ParameterCount];
        w[1] = 1;
        var y = new double[6];
        layer.Forward(w, [1, 2, 3, 4, 5, 6], y, 1);
        Assert.Equal([0, 0, 1, 2, 3, 4], y);
    }

    [Fact]
    public void Forward_BoxKernel_MatchesHandSumOfNeighbours()
    {
        var layer = new Conv2DLayer(1, 1, 3, 3, 4);
        double[] w = [.. Enumerable.Repeat(1.0, 9), 0.5]; // 3×3 ones, bias ½
        double[] x = [.. Enumerable.Range(1, 12).Select(v => (double)v)]; // rows 1–4, 5–8, 9–12
        var y = new double[12];
        layer.Forward(w, x, y, 1);
        // sums of each pixel's in-image 3×3 neighbourhood, by hand (e.g. corner 1 + 2 + 5 + 6 = 14)
        double[] expected = [14, 24, 30, 22, 33, 54, 63, 45, 30, 48, 54, 38];
        Assert.Equal(expected.Select(v => v + 0.5), y);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void Constructor_EvenOrZeroKernel_Throws(int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2DLayer(1, 1, k, 4, 4));

    [Fact]
    public void Forward_WrongLengths_ThrowsNamingShapes()
    {
        var layer = new Conv2DLayer(2, 3, 3, 4, 5);
        var e = Assert.Throws<ArgumentException>(() => layer.Forward(new double[layer.ParameterCount], new double[10], new double[60], 1));
        Assert.Contains("40 inputs", e.Message);
    }

    [Fact]
    public void Initialize_SameSeed_SameWeightsWithinHeLimitAndZeroBias()
    {
        var layer = new Conv2DLayer(3, 4, 3, 5, 5);
        double[] a = new double[layer.ParameterCount], b = new double[layer.ParameterCount];
        layer.Initialize(a, new Random(5), WeightInitialization.He);
        layer.Initialize(b, new Random(5), WeightInitialization.He);
        Assert.Equal(a, b);
        double limit = Math.Sqrt(6.0 / (3 * 9));
        Assert.All(a[..^4], v => Assert.InRange(Math.Abs(v), 0, limit));
        Assert.All(a[^4..], v => Assert.Equal(0, v));
    }

    private static double[] Random(Random random, int n) => [.. Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1)];
    private static double Dot(double[] a, double[] b) => a.Zip(b).Sum(t => t.First * t.Second);
}
