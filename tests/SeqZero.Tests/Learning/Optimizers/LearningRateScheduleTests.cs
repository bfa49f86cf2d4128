using SeqZero.Learning.Optimizers;

namespace SeqZero.Tests.Learning.Optimizers;

public class LearningRateScheduleTests
{
    [Fact]
    public void At_EndsAndMiddle_FallGeometrically()
    {
        var schedule = new LearningRateSchedule(1, 0.01, 5);
        Assert.Equal(1, schedule.At(0), GradientCheck.ExactDigits);
        Assert.Equal(0.1, schedule.At(2), GradientCheck.ExactDigits);
        Assert.Equal(0.01, schedule.At(4), GradientCheck.ExactDigits);
    }

    [Fact]
    public void At_SingleIteration_IsStart() => Assert.Equal(0.3, new LearningRateSchedule(0.3, 0.01, 1).At(0));
}
