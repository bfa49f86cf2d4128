using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class DoubleInversionGridSearchTests
{
    private static ExperimentSpec GreyMatterOnly { get; } = ExperimentSpec.Custom with
    {
        SignalTissues = [TissueClass.GrayMatter], NullWeight = 10, NullTissues = [TissueClass.WhiteMatter, TissueClass.Csf],
    };

    [Fact]
    public void Grid_NullingWhiteMatterAndCsfOnNominalVoxels_FindsTheDoubleInversionNullPair()
    {
        // Perfect inversions (B1 = 1): m1 = 1 − 2·e^(−TI1/T1), m2 = 1 − (1 + m1)·e^(−TI2/T1) = 1 − 2(1 − e^(−TI1/T1))·e^(−TI2/T1).
        // m2 = 0 for T1_WM and T1_CSF at once fixes (TI1, TI2): for each TI1 the tissue's null TI2 is
        // T1·ln(2(1 − e^(−TI1/T1))); bisection on TI1 finds where the two coincide. With only the nulling term the grid
        // (1 ms steps around it) must land on that pair.
        IReadOnlyList<TissueDistribution> tissues = TissueDistribution.TableI();
        double white = tissues[(int)TissueClass.WhiteMatter].T1MeanSeconds, csf = tissues[(int)TissueClass.Csf].T1MeanSeconds;
        static double NullSecondTi(double ti1, double t1) => t1 * Math.Log(2 * (1 - Math.Exp(-ti1 / t1)));
        double low = 1.0, high = 8.0;
        for (int i = 0; i < 100; i++)
        {
            double mid = (low + high) / 2;
            if (NullSecondTi(mid, csf) < NullSecondTi(mid, white)) low = mid; else high = mid;
        }
        double ti1 = (low + high) / 2, ti2 = NullSecondTi(ti1, white);

        ExperimentSpec spec = GreyMatterOnly with { SignalTissues = [], NullWeight = 1, RfEnergyWeight = 0, RfNumberWeight = 0 };
        var grid = new DoubleInversionGrid(new(180, 180, 1), new(180, 180, 1), new(90, 90, 1),
            new(Math.Round(ti1, 2) - 0.05, Math.Round(ti1, 2) + 0.05, 0.001), new(Math.Round(ti2, 2) - 0.05, Math.Round(ti2, 2) + 0.05, 0.001),
            new(0.0062, 0.0062, 0.001));
        DoubleInversionResult result = DoubleInversionGridSearch.Run(spec, grid, VoxelDataSet.Nominal(spec.Tissues), SpinSet.Create(16));
        Assert.InRange(result.IdleSeconds[0], ti1 - 0.002, ti1 + 0.002);
        Assert.InRange(result.IdleSeconds[1], ti2 - 0.002, ti2 + 0.002);
    }

    [Fact]
    public void Run_ScanLoss_MatchesTheSimulatorsLossOfItsOptimum()
    {
        // The scan keeps only Mz between the pulses; the simulator also carries the transverse pathways the imperfect
        // inversions (B1 0.8–1.2) start, which have dephased after TI ≥ 200 ms. Measured: 2.4e-4 relative here and 2.5e-4
        // on 3 000 voxels with the default grid, with the paper's 256 spins. (With 64 spins, 1.6e-3: the evenly spaced
        // linear offsets, 60 Hz/64 apart, rephase every 1.07 s, so pathways return within the TIs.)
        VoxelDataSet voxels = VoxelDataSet.Generate(new VoxelDataSetOptions { Count = 600, Seed = 3 });
        SpinSet spins = SpinSet.Create(256);
        var grid = new DoubleInversionGrid(new(170, 180, 5), new(170, 180, 5), new(85, 95, 5), new(0.2, 5.0, 0.2), new(0.2, 1.0, 0.05), new(0.0062, 0.0102, 0.002));
        DoubleInversionResult result = DoubleInversionGridSearch.Run(GreyMatterOnly, grid, voxels, spins, threads: 2);
        double exact = DesignScore.Evaluate(GreyMatterOnly, result.Operations(), voxels, spins).Loss.Total;
        Assert.Equal(exact, result.ScanLoss, 1e-3 * exact);
        Assert.Equal(grid.Combinations, result.Combinations);
    }

    [Fact]
    public void Run_GreyMatterOnly_BeatsTheTwoPulseReference()
    {
        // no two-RF design nulls WM and CSF together: the inversion-recovery grid's optimum is worse than the double inversion
        VoxelDataSet voxels = VoxelDataSet.Generate(new VoxelDataSetOptions { Count = 300, Seed = 1 });
        SpinSet spins = SpinSet.Create(32);
        var coarse = new DoubleInversionGrid(new(180, 180, 1), new(180, 180, 1), new(90, 90, 1), new(0.1, 5.0, 0.1), new(0.05, 2.0, 0.05), new(0.0062, 0.0062, 0.001));
        DoubleInversionResult doubleInversion = DoubleInversionGridSearch.Run(GreyMatterOnly, coarse, voxels, spins);
        var inversionRecovery = new TwoPulseGrid(new(180, 180, 1), new(90, 90, 1), new(0, 0, 1), new(0.01, 5.0, 0.01), new(0.0062, 0.0062, 0.001));
        GridResult twoPulse = TwoPulseGridSearch.Run(GreyMatterOnly, inversionRecovery, voxels, spins);
        Assert.True(doubleInversion.ScanLoss < 0.8 * twoPulse.Loss, $"double inversion {doubleInversion.ScanLoss} vs two-RF {twoPulse.Loss}");
    }
}
