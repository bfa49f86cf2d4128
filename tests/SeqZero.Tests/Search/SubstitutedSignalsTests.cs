using System.Numerics;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

/// <summary>The exact readouts of single-position substitutions against forward passes of the substituted chains.</summary>
public class SubstitutedSignalsTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 24)]
    public void SubstitutedSignals_EqualForwardPassOfEachSubstitutedChain(int seed, int spins)
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(7);
        int[] all = SearchTestData.All(voxels);
        VoxelOperation[] ops = SearchTestData.RandomOperations(seed);
        var sim = new VoxelSimulator<double>(SpinSet.Create(spins));
        var random = new Random(seed);
        // per position: the sampled operation, an inversion, a long wait (an inversion's partner), the active idle time
        // with another rotation, and a wait as long as the active operation
        VoxelOperation[][] candidates = [.. ops.Select(op => new[]
        {
            VoxelOperation.Rf(Math.PI, 2 * Math.PI * random.NextDouble(), 0.0062),
            VoxelOperation.Wait(3.7),
            op,
            VoxelOperation.Rf(random.NextDouble() * Math.PI, random.NextDouble(), op.IdleSeconds),
            VoxelOperation.Wait(op.IdleSeconds),
        })];
        int[] active = [.. ops.Select(_ => 2)];

        var signals = new Complex[all.Length];
        Complex[][][] substituted = sim.SubstitutedSignals(ops, voxels, all, candidates, active, signals);

        var expected = new Complex[all.Length];
        sim.Simulate(ops, voxels, all, expected);
        AssertClose(expected, signals);
        for (int k = 0; k < ops.Length; k++)
        for (int c = 0; c < candidates[k].Length; c++)
        {
            VoxelOperation[] chain = [.. ops];
            chain[k] = candidates[k][c];
            sim.Simulate(chain, voxels, all, expected);
            AssertClose(expected, substituted[k][c]);
        }
    }

    [Fact]
    public void SubstitutedSignals_WithALocalLoss_GiveThePathGradientOfAnOrdinaryReversePass()
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(9);
        int[] all = SearchTestData.All(voxels);
        VoxelOperation[] ops = SearchTestData.RandomOperations(4);
        var sim = new VoxelSimulator<double>(SpinSet.Create(16), threads: 2);
        Func<int, Complex, Complex> adjointOf = new SearchLoss(ExperimentSpec.Experiment1).LocalAdjoint(voxels, all)!;
        VoxelOperation[][] candidates = [.. ops.Select(op => new[] { op, VoxelOperation.Wait(0.02) })];

        OperationGradient[] expected = sim.Gradient(ops, voxels, all, adjointOf, new Complex[all.Length], null, out _);
        sim.SubstitutedSignals(ops, voxels, all, candidates, [.. ops.Select(_ => 0)], new Complex[all.Length], adjointOf, out OperationGradient[] fused);

        for (int k = 0; k < ops.Length; k++)
        {
            Assert.Equal(expected[k].Flip, fused[k].Flip, 1e-12);
            Assert.Equal(expected[k].Phase, fused[k].Phase, 1e-12);
            Assert.Equal(expected[k].Idle, fused[k].Idle, 1e-12);
        }
    }

    [Fact]
    public void SubstitutedSignals_ActiveIndexThatIsNotTheSampledOperation_Throws()
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(3);
        VoxelOperation[] ops = SearchTestData.RandomOperations(3);
        var sim = new VoxelSimulator<double>(SpinSet.Create(8));
        VoxelOperation[][] candidates = [.. ops.Select(op => new[] { op, VoxelOperation.Wait(0.01) })];
        int[] active = [.. ops.Select(_ => 1)];
        var error = Assert.Throws<ArgumentException>(() =>
            sim.SubstitutedSignals(ops, voxels, SearchTestData.All(voxels), candidates, active, new Complex[voxels.Count]));
        Assert.Contains("Position 0", error.Message);
    }

    [Fact]
    public void InversionBeforeAnExcitation_LinearisedGateSeesASignFlip_ExactGateOnlyTheB1Shortfall()
    {
        // why the search takes exact gate values: with a |Mxy| loss an inversion in front of a 90° pulse leaves |s| as it
        // was, but the linearisation at Mz = +M0 extrapolates the readout to −s
        VoxelDataSet voxels = SearchTestData.SmallDataSet(30);
        int[] all = SearchTestData.All(voxels);
        var sim = new VoxelSimulator<double>(SpinSet.Create(32));
        var loss = new SearchLoss(ExperimentSpec.Experiment1);
        VoxelOperation[] ops = [VoxelOperation.Rf(0, 0, 0.0062), VoxelOperation.Wait(0.001), VoxelOperation.Rf(Math.PI / 2, 0, 0.0062)];
        VoxelOperation inversion = VoxelOperation.Rf(Math.PI, 0, 0.0062);

        var signals = new Complex[all.Length];
        Complex[][][] substituted = sim.SubstitutedSignals(ops, voxels, all, [[ops[0], inversion], [ops[1]], [ops[2]]], [0, 0, 0], signals);
        double exactChange = loss.Evaluate(voxels, all, substituted[0][1]).Total - loss.Evaluate(voxels, all, signals).Total;

        var adjoint = new Complex[all.Length];
        loss.Evaluate(voxels, all, signals, adjoint);
        sim.Gradient(ops, voxels, all, adjoint, [[ops[0], inversion], null, null], out double[][] gates);
        double linearisedChange = gates[0][1] - gates[0][0];

        // exact: only the B1-scaled inversion's shortfall (|cos(π·B1)| down to 0.81 for B1 = 0.8) lowers |s|; the
        // linearisation predicts (M0 + |s|)² − (M0 − |s|)² per voxel instead
        Assert.True(exactChange > 0 && linearisedChange > 1 && exactChange < linearisedChange / 10,
            $"exact change {exactChange:F4}, linearised {linearisedChange:F3}");
    }

    private static void AssertClose(Complex[] expected, Complex[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.True((expected[i] - actual[i]).Magnitude <= 1e-12 * Math.Max(1, expected[i].Magnitude),
                $"voxel {i}: {actual[i]} vs {expected[i]}");
    }
}
