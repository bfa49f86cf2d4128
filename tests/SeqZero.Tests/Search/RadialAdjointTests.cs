using System.Numerics;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class RadialAdjointTests
{
    // The same sums in another order (double): ~1e-15 relative; gradients here are O(1).
    private const double SameGradientTolerance = 1e-12;

    /// <summary>Exp 2 (contrast GM–WM with a pooled signal term), and a custom loss with every term: CSF–WM contrast,
    /// GM nulled, WM signal; each also on a batch without WM voxels (the contrast's B tissue absent).</summary>
    public static TheoryData<string, bool> Cases() => new()
    {
        { "exp2", true }, { "exp2", false }, { "custom", true }, { "custom", false },
    };

    private static ExperimentSpec Spec(string name) => name == "exp2" ? ExperimentSpec.Experiment2 : ExperimentSpec.Custom with
    {
        SignalTissues = [TissueClass.WhiteMatter], ContrastWeight = 5, ContrastA = TissueClass.Csf,
        ContrastB = TissueClass.WhiteMatter, NullWeight = 1, NullTissues = [TissueClass.GrayMatter],
    };

    private static int[] Batch(VoxelDataSet voxels, bool allTissues) =>
        [.. SearchTestData.All(voxels).Where(v => allTissues || voxels.Tissue[v] != TissueClass.WhiteMatter)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_RadialSplit_EqualsTheReversePassWithTheBatchAdjoint(string experiment, bool allTissues)
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(12);
        int[] batch = Batch(voxels, allTissues);
        VoxelOperation[] ops = SearchTestData.RandomOperations(7);
        var sim = new VoxelSimulator<double>(SpinSet.Create(16), threads: 2);
        var loss = new SearchLoss(Spec(experiment));

        var signals = new Complex[batch.Length];
        sim.Simulate(ops, voxels, batch, signals);
        OperationGradient[] expected = BatchAdjointGradient(sim, loss, ops, voxels, batch, signals);

        var radialSignals = new Complex[batch.Length];
        OperationGradient[] own = sim.Gradient(ops, voxels, batch, loss.RadialAdjoint(voxels, batch)!, radialSignals, TissueClasses.Count,
            out OperationGradient[][] perTissue);
        OperationGradient[] split = RadialAdjoint.Combine(own, perTissue, loss.ContrastCoefficients(voxels, batch, radialSignals));

        Assert.Equal(signals, radialSignals);
        AssertEqual(expected, split);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SubstitutedSignals_RadialSplit_GiveThePathGradientAndTheSameReadouts(string experiment, bool allTissues)
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(12);
        int[] batch = Batch(voxels, allTissues);
        VoxelOperation[] ops = SearchTestData.RandomOperations(8);
        var sim = new VoxelSimulator<double>(SpinSet.Create(16));
        var loss = new SearchLoss(Spec(experiment));
        VoxelOperation[][] candidates = [.. ops.Select(op => new[] { op, VoxelOperation.Wait(0.02), VoxelOperation.Rf(2.9, 0.4, 0.0062) })];
        int[] active = [.. ops.Select(_ => 0)];

        var signals = new Complex[batch.Length];
        Complex[][][] plain = sim.SubstitutedSignals(ops, voxels, batch, candidates, active, signals);
        OperationGradient[] expected = BatchAdjointGradient(sim, loss, ops, voxels, batch, signals);

        Complex[][][] radial = sim.SubstitutedSignals(ops, voxels, batch, candidates, active, new Complex[batch.Length],
            loss.RadialAdjoint(voxels, batch)!, TissueClasses.Count, out OperationGradient[] own, out OperationGradient[][] perTissue);

        AssertEqual(expected, RadialAdjoint.Combine(own, perTissue, loss.ContrastCoefficients(voxels, batch, signals)));
        for (int k = 0; k < ops.Length; k++)
            for (int c = 0; c < candidates[k].Length; c++) Assert.Equal(plain[k][c], radial[k][c]);
    }

    [Fact]
    public void RadialAdjoint_ComplexMeasure_IsNotOffered()
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(6);
        Assert.Null(new SearchLoss(ExperimentSpec.Experiment2, SignalMeasure.Complex).RadialAdjoint(voxels, SearchTestData.All(voxels)));
        Assert.Equal(Complex.Zero, RadialAdjoint.DirectionOf(Complex.Zero));
    }

    /// <summary>The reference: ∂L/∂s of the whole batch first, then an ordinary reverse pass.</summary>
    private static OperationGradient[] BatchAdjointGradient(VoxelSimulator<double> sim, SearchLoss loss, VoxelOperation[] ops, VoxelDataSet voxels,
        int[] batch, Complex[] signals)
    {
        var adjoint = new Complex[batch.Length];
        loss.Evaluate(voxels, batch, signals, adjoint);
        return sim.Gradient(ops, voxels, batch, adjoint, null, out _);
    }

    private static void AssertEqual(OperationGradient[] expected, OperationGradient[] actual)
    {
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k].Flip, actual[k].Flip, SameGradientTolerance);
            Assert.Equal(expected[k].Phase, actual[k].Phase, SameGradientTolerance);
            Assert.Equal(expected[k].Idle, actual[k].Idle, SameGradientTolerance);
        }
    }
}
