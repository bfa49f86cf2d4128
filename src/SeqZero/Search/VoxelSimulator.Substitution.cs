using System.Numerics;

namespace SeqZero.Search;

/// <summary>Readouts of every path that differs from a sampled one in a single position: what an exact gate gradient
/// needs. Rotation, precession and relaxation are affine in the magnetisation and the readout is linear, so the chain
/// after position k maps m_{k+1} affinely to s: s(m) = s + ⟨λ_{k+1}, m − m_{k+1}⟩, λ the adjoint of the readout. With
/// λ^Re and λ^Im (the adjoints of Re s and Im s) the substituted readout is exact:
/// s_c = s + ⟨λ^Re_{k+1}, o_c(m_k) − m_{k+1}⟩ + i·⟨λ^Im_{k+1}, o_c(m_k) − m_{k+1}⟩ — two reverse passes per voxel with
/// the gate probes, instead of a forward pass per candidate and position.</summary>
public sealed partial class VoxelSimulator<T>
{
    /// <summary>Fills <paramref name="signals"/>[i] with the sampled path's readout and returns s[k][c][i], the readout with
    /// <paramref name="candidates"/>[k][c] in place of <paramref name="ops"/>[k]; <paramref name="active"/>[k] is the
    /// index of ops[k] among candidates[k].</summary>
    public Complex[][][] SubstitutedSignals(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, VoxelOperation[][] candidates,
        int[] active, Complex[] signals) =>
        SubstitutedSignals(ops, voxels, voxelIndices, candidates, active, signals, null, out _);

    /// <summary>As above, and for a loss whose ∂L/∂s_v depends on s_v alone (<paramref name="adjointOf"/>(i, s_i), as in
    /// <see cref="Gradient(VoxelOperation[], VoxelDataSet, int[], Func{int, Complex, Complex}, Complex[], VoxelOperation[][], out double[][])"/>)
    /// also ∂L/∂(flip, phase, idle) of the sampled path: the reverse pass is linear in its seed, so the two passes
    /// seeded with 1 and i give it as Re ∂L/∂s·(first) + Im ∂L/∂s·(second), without a pass of its own.</summary>
    public Complex[][][] SubstitutedSignals(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, VoxelOperation[][] candidates,
        int[] active, Complex[] signals, Func<int, Complex, Complex>? adjointOf, out OperationGradient[] gradients)
    {
        Complex[][][] substituted = Substitute(ops, voxels, voxelIndices, candidates, active, signals, 1, (i, s, ofReal, ofImaginary, sums) =>
        {
            if (adjointOf is null) return;
            Complex adjoint = adjointOf(i, s);
            for (int k = 0; k < ops.Length; k++)
            {
                sums[0][k].Add(ofReal[k], adjoint.Real);
                sums[0][k].Add(ofImaginary[k], adjoint.Imaginary);
            }
        }, out OperationGradient[][] total);
        gradients = total[0];
        return substituted;
    }

    /// <summary>As above for a magnitude loss whose contrast term needs the whole batch (<see cref="RadialAdjoint"/>): the
    /// path's gradient of |s_v| is Re u·(first pass) + Im u·(second), so the passes also give Σ_v Local_v·G_v (returned in
    /// <paramref name="localGradients"/>) and per group Σ_{v∈g} G_v (<paramref name="groupGradients"/>), to be combined
    /// with the contrast coefficients once the batch is complete (<see cref="RadialAdjoint.Combine"/>).</summary>
    public Complex[][][] SubstitutedSignals(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, VoxelOperation[][] candidates,
        int[] active, Complex[] signals, Func<int, Complex, RadialAdjoint> adjointOf, int groups,
        out OperationGradient[] localGradients, out OperationGradient[][] groupGradients)
    {
        ArgumentNullException.ThrowIfNull(adjointOf);
        Complex[][][] substituted = Substitute(ops, voxels, voxelIndices, candidates, active, signals, 1 + groups, (i, s, ofReal, ofImaginary, sums) =>
        {
            RadialAdjoint adjoint = adjointOf(i, s);
            for (int k = 0; k < ops.Length; k++)
            {
                OperationGradient magnitude = default; // ∂|s|/∂θ = Re u·∂Re s/∂θ + Im u·∂Im s/∂θ
                magnitude.Add(ofReal[k], adjoint.Direction.Real);
                magnitude.Add(ofImaginary[k], adjoint.Direction.Imaginary);
                AddRadial(sums, k, magnitude, adjoint);
            }
        }, out OperationGradient[][] total);
        localGradients = total[0];
        groupGradients = total[1..];
        return substituted;
    }

    /// <summary>The two reverse passes per voxel and the substituted readouts; <paramref name="accumulate"/>(i, s_i, ∂Re s/∂θ,
    /// ∂Im s/∂θ, sums) adds what a caller needs of the path's gradients into <paramref name="accumulators"/> arrays, which
    /// are summed in chunk order into <paramref name="totals"/>.</summary>
    private Complex[][][] Substitute(VoxelOperation[] ops, VoxelDataSet voxels, int[] voxelIndices, VoxelOperation[][] candidates,
        int[] active, Complex[] signals, int accumulators, Action<int, Complex, OperationGradient[], OperationGradient[], OperationGradient[][]> accumulate,
        out OperationGradient[][] totals)
    {
        Check(ops, voxels, voxelIndices, signals.Length);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(active);
        if (candidates.Length != ops.Length || active.Length != ops.Length)
            throw new ArgumentException($"Candidates for {candidates.Length} and active indices for {active.Length} positions, but {ops.Length} operations.");
        for (int k = 0; k < ops.Length; k++)
        {
            if (active[k] < 0 || active[k] >= candidates[k].Length || candidates[k][active[k]] != ops[k])
                throw new ArgumentException($"Position {k}: candidate {active[k]} is not the sampled operation.", nameof(active));
            foreach (VoxelOperation op in candidates[k]) Check([op], voxels, voxelIndices, signals.Length);
        }

        var substituted = candidates.Select(cs => cs.Select(_ => new Complex[voxelIndices.Length]).ToArray()).ToArray();
        int chunks = (voxelIndices.Length + VoxelsPerChunk - 1) / VoxelsPerChunk;
        var partial = new OperationGradient[chunks][][];
        ForEachChunk(voxelIndices.Length, (workspace, first, count) =>
        {
            double[][] real = [.. candidates.Select(cs => new double[cs.Length])], imaginary = [.. candidates.Select(cs => new double[cs.Length])];
            OperationGradient[] ofReal = new OperationGradient[ops.Length], ofImaginary = new OperationGradient[ops.Length];
            OperationGradient[][] sums = [.. Enumerable.Range(0, accumulators).Select(_ => new OperationGradient[ops.Length])];
            for (int i = first; i < first + count; i++)
            {
                int v = voxelIndices[i];
                Complex s = signals[i] = workspace.Forward(ops, voxels, v);
                foreach (double[] r in real) Array.Clear(r);
                foreach (double[] r in imaginary) Array.Clear(r);
                Array.Clear(ofReal);
                Array.Clear(ofImaginary);
                workspace.Backward(ops, voxels, v, Complex.One, ofReal, candidates, real);
                workspace.Backward(ops, voxels, v, Complex.ImaginaryOne, ofImaginary, candidates, imaginary);
                for (int k = 0; k < ops.Length; k++)
                for (int c = 0; c < candidates[k].Length; c++)
                    substituted[k][c][i] = s + new Complex(real[k][c] - real[k][active[k]], imaginary[k][c] - imaginary[k][active[k]]);
                accumulate(i, s, ofReal, ofImaginary, sums);
            }
            partial[first / VoxelsPerChunk] = sums;
        });

        totals = SumInChunkOrder(partial, ops.Length);
        return substituted;
    }
}
