using SeqZero.Learning.Optimizers;

namespace SeqZero.Tests.Learning.Optimizers;

public class GradientClippingTests
{
    [Fact]
    public void ClipToNorm_LargeGradient_ScalesToNormKeepingDirection()
    {
        double[] g = [3, 4];
        double before = GradientClipping.ClipToNorm(g, 1);
        Assert.Equal(5, before, GradientCheck.ExactDigits);
        Assert.Equal(0.6, g[0], GradientCheck.ExactDigits);
        Assert.Equal(0.8, g[1], GradientCheck.ExactDigits);
    }

    [Fact]
    public void ClipToNorm_SmallGradient_Unchanged()
    {
        double[] g = [0.1, -0.2];
        GradientClipping.ClipToNorm(g, 1);
        Assert.Equal([0.1, -0.2], g);
    }
}
