using System.Collections.Concurrent;
using System.Numerics;

namespace SeqZero.Search;

/// <summary>The voxel Bloch simulator of Sequence Search, in precision T (float for speed, double for checks). Same
/// physics and conventions as <see cref="Simulation.ReferenceSimulator"/> without spatial encoding: per operation
/// m ← Rz(φ)Rx(B1·α)Rz(−φ)·m, then for the idle time τ M⊥ ← M⊥·e^{−τ/T2}·e^{−iωⱼτ}, Mz ← 1 + (Mz − 1)·e^{−τ/T1},
/// with ωⱼ = 2π(ΔB0 + fⱼ) + wⱼ/T2' (<see cref="SpinSet"/>); from equilibrium (0, 0, 1). The readout of a voxel is
/// s = M0·(1/S)·Σⱼ M⊥ⱼ at the end of the last operation. Spins of a voxel run as SIMD lanes; voxels are split into
/// fixed chunks over the threads and reduced in chunk order, so results do not depend on thread timing.</summary>
public sealed partial class VoxelSimulator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Voxels per work item: small enough to balance two cores on a 1 000-voxel batch, large enough to
    /// amortise the scheduling (a voxel of 256 spins and 5 operations is ~10 µs).</summary>
    public const int VoxelsPerChunk = 25;

    private readonly ConcurrentBag<VoxelWorkspace<T>> workspaces = [];

    public VoxelSimulator(SpinSet spins, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(spins);
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread is needed.");
        Spins = spins;
        Threads = threads;
    }

    public SpinSet Spins { get; }
    public int Threads { get; }

    /// <summary>Readout s_v (see the class summary) of each voxel <paramref name="voxelIndices"/>[i] into
    /// <paramref name="signals"/>[i].</summary>
    public void Simulate(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, Complex[] signals)
    {
        Check(ops, voxels, voxelIndices, signals.Length);
        ForEachChunk(voxelIndices.Length, (workspace, first, count) =>
        {
            for (int i = first; i < first + count; i++) signals[i] = workspace.Forward(ops, voxels, voxelIndices[i]);
        });
    }

    /// <summary>Reverse mode: given ∂L/∂s_v as ∂L/∂Re s + i·∂L/∂Im s per voxel, returns ∂L/∂(flip, phase, idle) of every
    /// operation. With <paramref name="probes"/>[k] set, also returns in <paramref name="probeGradients"/>[k][c] the gate
    /// gradient ∂L/∂g_c = Σ ⟨∂L/∂m_{k+1}, o_c(m_k)⟩ of candidate c at position k (ProxylessNAS binary gates).
    /// Recomputes the forward pass voxel by voxel.</summary>
    public OperationGradient[] Gradient(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, Complex[] signalAdjoint,
        VoxelOperation[]?[]? probes, out double[][] probeGradients)
    {
        Check(ops, voxels, voxelIndices, signalAdjoint.Length);
        return Gradient(ops, voxels, voxelIndices, (i, _) => signalAdjoint[i], new Complex[voxelIndices.Length], probes, out probeGradients);
    }

    /// <summary>Forward and reverse in one pass, for losses whose ∂L/∂s_v depends on s_v alone:
    /// <paramref name="adjointOf"/>(i, s_i) gives ∂L/∂s of batch position i; the readouts land in <paramref name="signals"/>.</summary>
    public OperationGradient[] Gradient(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, Func<int, Complex, Complex> adjointOf,
        Complex[] signals, VoxelOperation[]?[]? probes, out double[][] probeGradients)
    {
        ArgumentNullException.ThrowIfNull(adjointOf);
        Check(ops, voxels, voxelIndices, signals.Length);
        if (probes is not null && probes.Length != ops.Length)
            throw new ArgumentException($"{probes.Length} probe lists for {ops.Length} operations.", nameof(probes));
        int chunks = (voxelIndices.Length + VoxelsPerChunk - 1) / VoxelsPerChunk;
        var partial = new OperationGradient[chunks][];
        var partialProbes = new double[chunks][][];
        ForEachChunk(voxelIndices.Length, (workspace, first, count) =>
        {
            int chunk = first / VoxelsPerChunk;
            var gradients = new OperationGradient[ops.Length];
            double[][] probeSums = NewProbeSums(probes);
            for (int i = first; i < first + count; i++)
            {
                signals[i] = workspace.Forward(ops, voxels, voxelIndices[i]);
                workspace.Backward(ops, voxels, voxelIndices[i], adjointOf(i, signals[i]), gradients, probes, probeSums);
            }
            partial[chunk] = gradients;
            partialProbes[chunk] = probeSums;
        });

        // reduce in chunk order
        probeGradients = NewProbeSums(probes);
        for (int c = 0; c < chunks && probes is not null; c++)
            for (int k = 0; k < ops.Length; k++)
                for (int p = 0; p < probeGradients[k].Length; p++) probeGradients[k][p] += partialProbes[c][k][p];
        return SumInChunkOrder(partial, ops.Length);
    }

    /// <summary>Forward and reverse in one pass for a magnitude loss whose contrast term needs the whole batch
    /// (<see cref="RadialAdjoint"/>): each voxel's reverse pass is seeded with u_v right after its forward pass, giving
    /// G_v = ∂|s_v|/∂(flip, phase, idle); returns Σ_v Local_v·G_v and in <paramref name="groupGradients"/>[g] Σ_{v∈g} G_v,
    /// to be combined once the batch is complete (<see cref="RadialAdjoint.Combine"/>).</summary>
    public OperationGradient[] Gradient(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, Func<int, Complex, RadialAdjoint> adjointOf,
        Complex[] signals, int groups, out OperationGradient[][] groupGradients)
    {
        ArgumentNullException.ThrowIfNull(adjointOf);
        Check(ops, voxels, voxelIndices, signals.Length);
        int chunks = (voxelIndices.Length + VoxelsPerChunk - 1) / VoxelsPerChunk;
        var partial = new OperationGradient[chunks][][];
        ForEachChunk(voxelIndices.Length, (workspace, first, count) =>
        {
            OperationGradient[][] sums = [.. Enumerable.Range(0, 1 + groups).Select(_ => new OperationGradient[ops.Length])];
            var magnitude = new OperationGradient[ops.Length];
            for (int i = first; i < first + count; i++)
            {
                signals[i] = workspace.Forward(ops, voxels, voxelIndices[i]);
                RadialAdjoint adjoint = adjointOf(i, signals[i]);
                Array.Clear(magnitude);
                workspace.Backward(ops, voxels, voxelIndices[i], adjoint.Direction, magnitude, null, null);
                for (int k = 0; k < ops.Length; k++) AddRadial(sums, k, magnitude[k], adjoint);
            }
            partial[first / VoxelsPerChunk] = sums;
        });
        OperationGradient[][] totals = SumInChunkOrder(partial, ops.Length);
        groupGradients = totals[1..];
        return totals[0];
    }

    /// <summary>Voxel v's ∂|s_v|/∂θ of operation k into the sums of <see cref="RadialAdjoint"/>: Local·G into sums[0],
    /// G into the voxel's group sums[1 + group].</summary>
    private static void AddRadial(OperationGradient[][] sums, int k, OperationGradient magnitude, RadialAdjoint adjoint)
    {
        sums[0][k].Add(magnitude, adjoint.Local);
        sums[1 + adjoint.Group][k].Add(magnitude, 1);
    }

    /// <summary>The per-chunk gradients summed in chunk order, so that the result does not depend on thread timing.</summary>
    private static OperationGradient[] SumInChunkOrder(OperationGradient[][] partial, int operations)
    {
        var total = new OperationGradient[operations];
        foreach (OperationGradient[] chunk in partial)
            for (int k = 0; k < operations; k++) total[k].Add(chunk[k]);
        return total;
    }

    /// <summary>Several accumulators per chunk (partial[chunk][a]), each summed in chunk order.</summary>
    private static OperationGradient[][] SumInChunkOrder(OperationGradient[][][] partial, int operations) =>
        [.. Enumerable.Range(0, partial[0].Length).Select(a => SumInChunkOrder([.. partial.Select(p => p[a])], operations))];

    private static double[][] NewProbeSums(VoxelOperation[]?[]? probes) =>
        probes is null ? [] : [.. probes.Select(p => new double[p?.Length ?? 0])];

    private void ForEachChunk(int voxelCount, Action<VoxelWorkspace<T>, int, int> body)
    {
        int chunks = (voxelCount + VoxelsPerChunk - 1) / VoxelsPerChunk;
        void Run(int chunk)
        {
            if (!workspaces.TryTake(out VoxelWorkspace<T>? workspace)) workspace = new VoxelWorkspace<T>(Spins);
            int first = chunk * VoxelsPerChunk;
            body(workspace, first, Math.Min(VoxelsPerChunk, voxelCount - first));
            workspaces.Add(workspace);
        }
        if (Threads == 1 || chunks == 1)
            for (int c = 0; c < chunks; c++) Run(c);
        else
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Threads }, Run);
    }

    private static void Check(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ArgumentNullException.ThrowIfNull(voxels);
        ArgumentNullException.ThrowIfNull(voxelIndices);
        if (outputLength != voxelIndices.Length)
            throw new ArgumentException($"{outputLength} output slots for {voxelIndices.Length} voxels.", nameof(voxelIndices));
        foreach (VoxelOperation op in ops)
            if (!(double.IsFinite(op.FlipRadians) && double.IsFinite(op.PhaseRadians) && op.IdleSeconds >= 0 && double.IsFinite(op.IdleSeconds)))
                throw new ArgumentException($"Operation {op} cannot be simulated: flip and phase must be finite, idle time finite and ≥ 0 s.", nameof(ops));
    }
}
