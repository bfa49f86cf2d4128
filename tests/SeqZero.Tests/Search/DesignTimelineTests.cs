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
        (double[] times, double[][] signals) = DesignTimeline.Transverse(hahn, spins, TissueDistribution.TableI(), points: 5);
        DesignScore score = DesignScore.Evaluate(ExperimentSpec.Experiment1, hahn, VoxelDataSet.Nominal(), spins);
        Assert.Equal(0.0124, times[^1], SameSimulationTolerance);
        Assert.Equal(score.Signals["GM"], signals[0][^1], SameSimulationTolerance);
        Assert.Equal(score.Signals["CSF"], signals[2][^1], SameSimulationTolerance);
        Assert.Equal(0.8, signals[0][0], SameSimulationTolerance); // right after the 90°: M0
    }

    [Fact]
    public void Transverse_Window_SamplesTheSameCurveFromItsStart()
    {
        // an inversion recovery: the window holds the last 10 ms, sampled on the full timeline's grid points
        VoxelOperation[] inversionRecovery = [VoxelOperation.Rf(Math.PI, 0, 3.0), VoxelOperation.Rf(Math.PI / 2, 0, 0.0062)];
        SpinSet spins = SpinSet.Create(16);
        double total = 3.0062, from = total - 0.0062 * 2;
        (double[] full, double[][] fullSignals) = DesignTimeline.Transverse(inversionRecovery, spins, TissueDistribution.TableI(), points: 3, fromSeconds: 0);
        (double[] window, double[][] windowSignals) = DesignTimeline.Transverse(inversionRecovery, spins, TissueDistribution.TableI(), points: 3, fromSeconds: from);
        Assert.Equal(from, window[0], SameSimulationTolerance);
        Assert.Equal(full[^1], window[^1], SameSimulationTolerance);
        Assert.Equal(fullSignals[1][^1], windowSignals[1][^1], SameSimulationTolerance);
        Assert.Equal(total - 0.0062, window[1], SameSimulationTolerance);
        Assert.True(windowSignals[1][1] > 0.1, $"WM right after the excitation: {windowSignals[1][1]}");
        Assert.Throws<ArgumentOutOfRangeException>(() => DesignTimeline.Transverse(inversionRecovery, spins, TissueDistribution.TableI(), 3, fromSeconds: total));
    }
}
