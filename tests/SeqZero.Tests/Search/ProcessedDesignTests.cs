using SeqZero.Search;
using static SeqZero.Tests.Search.SearchTestData;

namespace SeqZero.Tests.Search;

public class ProcessedDesignTests
{
    // Degrees ↔ radians round trips in double: ~1e-13°.
    private const double AngleTolerance = 1e-9;
    // Sums of a few idle times in double: ~1e-17 s.
    private const double TimeTolerance = 1e-12;

    [Fact]
    public void From_SmallFirstPulse_DroppedAndTimelineKept()
    {
        ProcessedDesign d = ProcessedDesign.From(
        [
            VoxelOperation.Rf(Radians(2), Radians(10), 0.0062),
            VoxelOperation.Rf(Radians(90), Radians(30), 0.0062),
            VoxelOperation.Wait(0.003),
            VoxelOperation.Rf(Radians(180), Radians(-60), 0.0062),
        ]);
        Assert.Equal(2, d.RfCount);
        Assert.Equal(90, d.FlipsDegrees[0], AngleTolerance);
        Assert.Equal(180, d.FlipsDegrees[1], AngleTolerance);
        // shifted to the first: [0, −90]; the second is negative, so all are negated
        Assert.Equal(0, d.PhasesDegrees[0], AngleTolerance);
        Assert.Equal(90, d.PhasesDegrees[1], AngleTolerance);
        Assert.Equal(0.0092, d.TimesSeconds[0], TimeTolerance);
        Assert.Equal(0.0062, d.TimesSeconds[1], TimeTolerance);
        Assert.Equal(0.0154, d.TimeToReadoutSeconds, TimeTolerance);
    }

    [Fact]
    public void From_NegativeAndLargeFlips_FoldedWithHalfTurnOfPhase()
    {
        ProcessedDesign d = ProcessedDesign.From([VoxelOperation.Rf(Radians(-90), 0, 0.01), VoxelOperation.Rf(Radians(190), Radians(20), 0.01)]);
        Assert.Equal(90, d.FlipsDegrees[0], AngleTolerance);
        Assert.Equal(170, d.FlipsDegrees[1], AngleTolerance);
        // −90° about x = 90° about −x (phase 180°); 190° at 20° = 170° at 200°; relative phase 200 − 180 = 20°
        Assert.Equal(20, d.PhasesDegrees[1], AngleTolerance);
    }

    [Theory]
    [InlineData(200.0, 10.0, 170.0)]
    [InlineData(0.0, 180.0, 180.0)]
    [InlineData(0.0, -180.0, 180.0)]
    [InlineData(30.0, -100.0, 130.0)]
    public void From_PhasePairs_StandardisedAsPaper(double phase1, double phase2, double expectedSecond)
    {
        ProcessedDesign d = ProcessedDesign.From([VoxelOperation.Rf(Radians(90), Radians(phase1), 0.01), VoxelOperation.Rf(Radians(180), Radians(phase2), 0.01)]);
        Assert.Equal(0, d.PhasesDegrees[0], AngleTolerance);
        Assert.Equal(expectedSecond, d.PhasesDegrees[1], AngleTolerance);
    }

    [Fact]
    public void From_OnlySmallPulses_GivesEmptyDesign()
    {
        ProcessedDesign d = ProcessedDesign.From([VoxelOperation.Rf(Radians(1), 0, 0.01), VoxelOperation.Wait(0.5)]);
        Assert.Equal(0, d.RfCount);
        Assert.Equal(0, d.TimeToReadoutSeconds);
    }
}
