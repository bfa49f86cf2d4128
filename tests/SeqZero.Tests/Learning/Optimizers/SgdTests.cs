using SeqZero.Learning.Optimizers;

namespace SeqZero.Tests.Learning.Optimizers;

public class SgdTests
{
    [Fact]
    public void Step_NoMomentum_IsPlainGradientStep()
    {
        double[] u = [1, 2];
        new Sgd(2).Step(u, [0.5, -1], 0.2);
        Assert.Equal([0.9, 2.2], u);
    }

    [Fact]
    public void Step_Momentum_AccumulatesVelocity()
    {
        double[] u = [0];
        var sgd = new Sgd(1, momentum: 0.5);
        sgd.Step(u, [1], 1);   // v = 1
        sgd.Step(u, [1], 1);   // v = 1.5
        Assert.Equal(-2.5, u[0], GradientCheck.ExactDigits);
        sgd.Reset();
        sgd.Step(u, [1], 1);   // v = 1 again
        Assert.Equal(-3.5, u[0], GradientCheck.ExactDigits);
    }
}
