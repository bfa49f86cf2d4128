using System.Numerics;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class FloatSinCosTests
{
    // Cephes' sinf/cosf polynomials are good to ~1 ulp on [−π/4, π/4]; the float input itself is exact here, and the
    // three-part reduction loses < 1e-7 up to 10⁴ rad.
    private const double AbsoluteTolerance = 2e-7;

    [Theory]
    [InlineData(1.0)]
    [InlineData(100.0)]
    [InlineData(10_000.0)]
    public void SinCos_UniformAngles_MatchesDoublePrecision(double range)
    {
        var random = new Random(1);
        int width = Vector<float>.Count;
        for (int n = 0; n < 2000; n++)
        {
            float[] theta = [.. Enumerable.Range(0, width).Select(_ => (float)((2 * random.NextDouble() - 1) * range))];
            (Vector<float> sin, Vector<float> cos) = FloatSinCos.SinCos(new Vector<float>(theta));
            for (int i = 0; i < width; i++)
            {
                Assert.True(Math.Abs(sin[i] - Math.Sin(theta[i])) < AbsoluteTolerance, $"sin({theta[i]}) = {sin[i]}, expected {Math.Sin(theta[i])}");
                Assert.True(Math.Abs(cos[i] - Math.Cos(theta[i])) < AbsoluteTolerance, $"cos({theta[i]}) = {cos[i]}, expected {Math.Cos(theta[i])}");
            }
        }
    }
}
