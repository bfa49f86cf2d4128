using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class AdamTests
{
    // Bias-corrected first step: m̂/√v̂ = g/|g| up to ε = 1e-8 relative to |g| = 0.5.
    private const double FirstStepTolerance = 1e-7;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.9)]
    public void Step_FirstStep_MovesEachParameterByLearningRateAgainstGradientSign(double beta1)
    {
        var adam = new Adam(3, 0.001, beta1);
        double[] p = [1, 2, 3];
        adam.Step(p, [0.5, -0.5, 0]);
        Assert.Equal(1 - 0.001, p[0], FirstStepTolerance);
        Assert.Equal(2 + 0.001, p[1], FirstStepTolerance);
        Assert.Equal(3, p[2]);
    }

    [Fact]
    public void Step_BetaOneZero_ForgetsPreviousGradient()
    {
        // ProxylessNAS' architecture optimiser (β1 = 0): a parameter without gradient this step does not move
        var adam = new Adam(1, 0.001, beta1: 0);
        double[] p = [0];
        adam.Step(p, [1.0]);
        double after = p[0];
        adam.Step(p, [0.0]);
        Assert.Equal(after, p[0]);
    }
}
