using SeqZero.Learning.Optimizers;

namespace SeqZero.Tests.Learning.Optimizers;

public class AdamTests
{
    // a fixed-step Adam ends within about one step size of the minimum of a quadratic
    private const double ConvergenceTolerance = 1e-3;

    [Fact]
    public void Step_QuadraticBowl_ReachesMinimum()
    {
        double[] u = [5, -3], scale = [1, 100];
        var adam = new Adam(2);
        var schedule = new LearningRateSchedule(0.5, 1e-4, 2000);
        for (int i = 0; i < 2000; i++)
            adam.Step(u, [2 * scale[0] * (u[0] - 1), 2 * scale[1] * (u[1] + 2)], schedule.At(i));
        Assert.InRange(u[0], 1 - ConvergenceTolerance, 1 + ConvergenceTolerance);
        Assert.InRange(u[1], -2 - ConvergenceTolerance, -2 + ConvergenceTolerance);
    }

    [Fact]
    public void Step_FirstStep_MovesByLearningRateAgainstGradientSign()
    {
        // bias correction: the first step is −η·g/|g| (up to ε) whatever the gradient's scale
        double[] u = [0, 0];
        new Adam(2).Step(u, [1e-3, -250], 0.1);
        Assert.Equal(-0.1, u[0], 4); // ε = 1e-8 against |g| = 1e-3 changes the step by 1e-5 relative
        Assert.Equal(0.1, u[1], GradientCheck.NearExactDigits);
    }

    [Fact]
    public void Reset_AfterSteps_BehavesLikeNew()
    {
        var used = new Adam(1);
        double[] a = [0];
        for (int i = 0; i < 5; i++) used.Step(a, [3], 0.1);
        used.Reset();
        double[] b = [0], c = [0];
        used.Step(b, [-2], 0.1);
        new Adam(1).Step(c, [-2], 0.1);
        Assert.Equal(c[0], b[0]);
    }

    [Fact]
    public void Step_WrongLength_Throws() => Assert.Throws<ArgumentException>(() => new Adam(2).Step(new double[3], new double[3], 0.1));
}
