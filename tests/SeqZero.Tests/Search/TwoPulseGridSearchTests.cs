using System.Numerics;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class TwoPulseGridSearchTests
{
    // The grid scans in float (P, Q, W and the tissue sums): its loss agrees with the double simulator to ~1e-6 relative.
    private const double FloatLossTolerance = 1e-5;
    // Grid values are First + i·Step in double.
    private const double GridValueTolerance = 1e-12;

    private static readonly TwoPulseGrid Tiny = new(new(80, 100, 10), new(160, 180, 10), new(0, 180, 45), new(0.006, 0.010, 0.002), new(0.006, 0.010, 0.002));

    [Theory]
    [InlineData("exp1")]
    [InlineData("exp2")]
    [InlineData("exp3")]
    public void Run_TinyGrid_MatchesBruteForceWithSimulator(string experiment)
    {
        ExperimentSpec spec = ExperimentSpec.Named(experiment);
        VoxelDataSet voxels = SearchTestData.SmallDataSet(24);
        SpinSet spins = SpinSet.Create(32);
        GridResult result = TwoPulseGridSearch.Run(spec, Tiny, voxels, spins, threads: 2);
        Assert.Equal(Tiny.Combinations, result.Combinations);

        var sim = new VoxelSimulator<double>(spins);
        var loss = new SearchLoss(spec);
        int[] all = SearchTestData.All(voxels);
        double best = double.PositiveInfinity;
        foreach (double f1 in Tiny.Flip1Degrees.Values())
        foreach (double f2 in Tiny.Flip2Degrees.Values())
        foreach (double p2 in Tiny.Phase2Degrees.Values())
        foreach (double t1 in Tiny.Idle1Seconds.Values())
        foreach (double t2 in Tiny.Idle2Seconds.Values())
        {
            var candidate = new GridResult(spec.Name, 1, 0, 0, f1, f2, p2, t1, t2);
            var s = new Complex[all.Length];
            sim.Simulate(candidate.Operations(), voxels, all, s);
            best = Math.Min(best, loss.Total(voxels, all, s, candidate.Operations()).Total);
        }
        Assert.True(Math.Abs(result.Loss - best) < FloatLossTolerance * Math.Abs(best), $"grid {result.Loss} vs brute force {best}");
    }

    [Fact]
    public void Run_NoFieldErrorsNoPenalty_FindsNinetyOneEightyAtShortestEcho()
    {
        // planted optimum: B1 = 1, ΔB0 = 0 and no RF penalties; the ideal spin echo at the shortest TE wins
        VoxelDataSet voxels = SearchTestData.SmallDataSet(9);
        Array.Fill(voxels.B1, 1.0);
        Array.Fill(voxels.B0Hertz, 0.0);
        ExperimentSpec spec = ExperimentSpec.Experiment1 with { RfEnergyWeight = 0, RfNumberWeight = 0 };
        var grid = new TwoPulseGrid(new(86, 94, 2), new(172, 180, 2), new(0, 90, 30), new(0.0062, 0.0072, 0.0005), new(0.0062, 0.0072, 0.0005));
        GridResult result = TwoPulseGridSearch.Run(spec, grid, voxels, SpinSet.Create(64));
        Assert.Equal((90.0, 180.0), (result.Flip1Degrees, result.Flip2Degrees));
        Assert.Equal(0.0062, result.Idle1Seconds, GridValueTolerance);
        Assert.Equal(0.0062, result.Idle2Seconds, GridValueTolerance);
    }

    [Fact]
    public void Combinations_TableIV_MatchesPaper()
    {
        Assert.Equal(2_650_021, TwoPulseGrid.Experiment1.Combinations); // "2.7 × 10⁶"
        Assert.Equal(9_658_341, TwoPulseGrid.Experiment2.Combinations); // "9.7 × 10⁶"
        Assert.Equal(2_766_786, TwoPulseGrid.Experiment3.Combinations); // "2.8 × 10⁶"
    }

    [Theory]
    [InlineData(double.NaN)] // Table I: WM T1 0.832 s
    [InlineData(1.2)]        // a 7 T-like WM T1 from a custom tissue table
    public void Grid_NullingWhiteMatterOnTheNominalVoxel_FindsTheInversionRecoveryNullPoint(double whiteMatterT1Seconds)
    {
        // Mz(TI) = M0·(1 − 2·e^(−TI/T1)) after a perfect inversion: |s|² of the nominal WM voxel (B1 = 1) vanishes at
        // TI = T1·ln 2; no other term, and the grid's 90° excitation reads it 6.2 ms later
        IReadOnlyList<TissueDistribution> tissues = TissueDistribution.TableI();
        if (!double.IsNaN(whiteMatterT1Seconds))
            tissues = [tissues[0], tissues[1] with { T1MeanSeconds = whiteMatterT1Seconds }, tissues[2]];
        ExperimentSpec spec = ExperimentSpec.Custom with
        {
            SignalTissues = [], NullWeight = 1, NullTissues = [TissueClass.WhiteMatter], RfEnergyWeight = 0, RfNumberWeight = 0, Tissues = tissues,
        };
        var grid = new TwoPulseGrid(new(180, 180, 1), new(90, 90, 1), new(0, 0, 1), new(0.300, 1.200, 0.001), new(0.0062, 0.0062, 0.001));
        GridResult result = TwoPulseGridSearch.Run(spec, grid, VoxelDataSet.Nominal(spec.Tissues), SpinSet.Create(16));
        double nullPoint = tissues[(int)TissueClass.WhiteMatter].T1MeanSeconds * Math.Log(2);
        Assert.InRange(result.Idle1Seconds, nullPoint - 0.001, nullPoint + 0.001);
    }
}
