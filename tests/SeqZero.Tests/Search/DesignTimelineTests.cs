using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class DesignTimelineTests
{
    // Same double simulation of the same chain: only the summation order could differ.
    private const double SameSimulationTolerance = 1e-12;

    [Fact]
    public void Truncate_InsideSecondOperation_ShortensItAndDropsLaterOnes()
    {
        VoxelOperation[] ops = [VoxelOperation.Rf(1, 0, 0.010), VoxelOperation.Wait(0.020), VoxelOperation.Rf(2, 0, 0.010)];
        VoxelOperation[] cut = DesignTimeline.Truncate(ops, 0.015);
        Assert.Equal(2, cut.Length);
        Assert.Equal(0.005, cut[1].IdleSeconds, SameSimulationTolerance);
    }

    [Fact]
    public void Transverse_LastPoint_EqualsNominalSignalOfDesign()
    {
        VoxelOperation[] hahn = [VoxelOperation.Rf(Math.PI / 2, 0, 0.0062), VoxelOperation.Rf(Math.PI, Math.PI, 0.0062)];
        SpinSet spins = SpinSet.Create(32);
        (double[] times, double[][] signals) = DesignTimeline.Transverse(hahn, spins, equalT1: false, points: 5);
        DesignScore score = DesignScore.Evaluate(ExperimentSpec.Experiment1, hahn, VoxelDataSet.Nominal(), spins);
        Assert.Equal(0.0124, times[^1], SameSimulationTolerance);
        Assert.Equal(score.Signals["GM"], signals[0][^1], SameSimulationTolerance);
        Assert.Equal(score.Signals["CSF"], signals[2][^1], SameSimulationTolerance);
        Assert.Equal(0.8, signals[0][0], SameSimulationTolerance); // right after the 90°: M0
    }
}
