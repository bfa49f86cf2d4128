using SeqZero.Learning.Networks;

namespace SeqZero.Tests.Learning.Networks;

public class DenseLayerTests
{
    // the dot-product test compares two sums of exact products (STYLE §12)
    private const double DotProductTolerance = 1e-10;
    private const int Batch = 3;

    private static (DenseLayer Layer, double[] W, double[] X) Make(int seed)
    {
        var layer = new DenseLayer(4, 5);
        var random = new Random(seed);
        double[] w = new double[layer.ParameterCount];
        layer.Initialize(w, random);
        for (int o = 0; o < 5; o++) w[20 + o] = random.NextDouble() - 0.5; // non-zero bias
        return (layer, w, Random(random, Batch * 4));
    }

    [Fact]
    public void Backward_RandomInput_MatchesCentralDifference()
    {
        (DenseLayer layer, double[] w, double[] x) = Make(1);
        double[] weights = Random(new Random(9), Batch * 5); // L = Σ weights·y
        double Loss(double[] p, double[] input)
        {
            var y = new double[Batch * 5];
            layer.Forward(p, input, y, Batch);
            return y.Zip(weights).Sum(t => t.First * t.Second);
        }
        double[] gx = new double[x.Length], gw = new double[w.Length];
        layer.Backward(w, x, weights, gx, gw, Batch);
        for (int i = 0; i < x.Length; i++)
            Assert.True(GradientCheck.Relative(gx[i], GradientCheck.Central(p => Loss(w, p), x, i), 1) < GradientCheck.RelativeTolerance, $"x {i}");
        for (int i = 0; i < w.Length; i++)
            Assert.True(GradientCheck.Relative(gw[i], GradientCheck.Central(p => Loss(p, x), w, i), 1) < GradientCheck.RelativeTolerance, $"w {i}");
    }

    [Fact]
    public void Backward_IsAdjointOfForwardJacobian()
    {
        // y is linear in x (for fixed W) and in (W, c) (for fixed x): ⟨J·v, g⟩ = ⟨v, Jᵀ·g⟩ for both
        (DenseLayer layer, double[] w, double[] x) = Make(2);
        var random = new Random(3);
        double[] v = Random(random, x.Length), g = Random(random, Batch * 5), vw = Random(random, w.Length);
        double[] noBias = (double[])w.Clone();
        Array.Clear(noBias, 20, 5);
        var jv = new double[Batch * 5];
        layer.Forward(noBias, v, jv, Batch);                  // J_x·v = W·v
        var jw = new double[Batch * 5];
        layer.Forward(vw, x, jw, Batch);                      // J_(W,c)·vw = vw_W·x + vw_c
        double[] gx = new double[x.Length], gw = new double[w.Length];
        layer.Backward(w, x, g, gx, gw, Batch);
        Assert.True(Math.Abs(Dot(jv, g) - Dot(v, gx)) < DotProductTolerance, "input");
        Assert.True(Math.Abs(Dot(jw, g) - Dot(vw, gw)) < DotProductTolerance, "parameters");
    }

    [Fact]
    public void Initialize_SameSeed_SameWeights()
    {
        var layer = new DenseLayer(3, 2);
        double[] a = new double[layer.ParameterCount], b = new double[layer.ParameterCount];
        layer.Initialize(a, new Random(5));
        layer.Initialize(b, new Random(5));
        Assert.Equal(a, b);
    }

    private static double[] Random(Random random, int n) => [.. Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1)];
    private static double Dot(double[] a, double[] b) => a.Zip(b).Sum(t => t.First * t.Second);
}
