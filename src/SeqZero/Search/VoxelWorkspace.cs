using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static SeqZero.Search.VectorMath;

namespace SeqZero.Search;

/// <summary>One voxel's spins through a chain of operations, forward and reverse, on one core: the per-spin state
/// before every operation is kept (a checkpoint per operation, 3·S values each), as are the precession factors, so the
/// reverse pass needs no transcendental functions. Spins are padded to whole SIMD vectors; padded spins carry weight 0
/// in the signal and adjoint 0 in the reverse pass, so they never contribute. The spin loops run over refs into the
/// arrays (every array holds whole blocks of <see cref="vectors"/> SIMD vectors, checked once per loop by
/// <see cref="Block"/>), so the loops carry no bounds checks.</summary>
internal sealed partial class VoxelWorkspace<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int spinCount, padded, vectors;
    private readonly T[] twoPiLinear, lorentz, weight, omega, adjointX, adjointY, adjointZ;
    private T[] states = [], cosines = [], sines = [];
    private readonly OperationScalars<T> pathScalars = new(), probeScalars = new();

    public VoxelWorkspace(SpinSet spins)
    {
        spinCount = spins.Count;
        vectors = (spinCount + Vector<T>.Count - 1) / Vector<T>.Count;
        padded = vectors * Vector<T>.Count;
        twoPiLinear = new T[padded]; lorentz = new T[padded]; weight = new T[padded]; omega = new T[padded];
        adjointX = new T[padded]; adjointY = new T[padded]; adjointZ = new T[padded];
        for (int j = 0; j < spinCount; j++)
        {
            twoPiLinear[j] = T.CreateChecked(2 * Math.PI * spins.LinearOffsetHertz[j]);
            lorentz[j] = T.CreateChecked(spins.LorentzFrequency[j]);
            weight[j] = T.One;
        }
    }

    /// <summary>Runs the operations from equilibrium (0, 0, 1) and returns the readout
    /// M0·(1/S)·Σⱼ M⊥ⱼ at the end of the last operation.</summary>
    public Complex Forward(ReadOnlySpan<VoxelOperation> ops, VoxelDataSet voxels, int v)
    {
        Prepare(ops, voxels, v);
        states.AsSpan(0, 2 * padded).Clear();
        states.AsSpan(2 * padded, padded).Fill(T.One);
        for (int k = 0; k < ops.Length; k++) Step(ops[k], k);

        ref Vector<T> x = ref State(ops.Length, 0), y = ref State(ops.Length, 1), w = ref First(weight);
        Vector<T> sumX = Vector<T>.Zero, sumY = Vector<T>.Zero;
        for (int i = 0; i < vectors; i++)
        {
            sumX = MultiplyAdd(Unsafe.Add(ref w, i), Unsafe.Add(ref x, i), sumX);
            sumY = MultiplyAdd(Unsafe.Add(ref w, i), Unsafe.Add(ref y, i), sumY);
        }
        double scale = voxels.M0[v] / spinCount;
        return new Complex(scale * Sum(sumX), scale * Sum(sumY));
    }

    /// <summary>Reverse pass after <see cref="Forward"/> on the same operations and voxel. <paramref name="signalAdjoint"/>
    /// = ∂L/∂Re s + i·∂L/∂Im s of this voxel's readout. Accumulates (+=) ∂L/∂(flip, phase, idle) into
    /// <paramref name="gradients"/>, and, where <paramref name="probes"/>[k] is given, the gate gradients
    /// ⟨∂L/∂m_{k+1}, o_c(m_k)⟩ of every candidate c at position k into <paramref name="probeGradients"/>[k][c].</summary>
    public void Backward(ReadOnlySpan<VoxelOperation> ops, VoxelDataSet voxels, int v, Complex signalAdjoint,
        Span<OperationGradient> gradients, VoxelOperation[]?[]? probes, double[][]? probeGradients)
    {
        double scale = voxels.M0[v] / spinCount, t1 = voxels.T1Seconds[v], t2 = voxels.T2Seconds[v], b1 = voxels.B1[v];
        ref Vector<T> gx = ref First(adjointX), gy = ref First(adjointY), gz = ref First(adjointZ), w = ref First(weight), om = ref First(omega);
        Vector<T> seedX = VoxelOperationConstants<T>.Broadcast(scale * signalAdjoint.Real);
        Vector<T> seedY = VoxelOperationConstants<T>.Broadcast(scale * signalAdjoint.Imaginary);
        for (int i = 0; i < vectors; i++)
        {
            Unsafe.Add(ref gx, i) = seedX * Unsafe.Add(ref w, i);
            Unsafe.Add(ref gy, i) = seedY * Unsafe.Add(ref w, i);
            Unsafe.Add(ref gz, i) = Vector<T>.Zero;
        }

        for (int k = ops.Length - 1; k >= 0; k--)
        {
            if (probes?[k] is { } candidates) AddProbes(ops[k], candidates, k, voxels, v, probeGradients![k]);

            VoxelOperationConstants<T> op = Constants(ops[k], k);
            ref Vector<T> inX = ref State(k, 0), inY = ref State(k, 1), inZ = ref State(k, 2);
            ref Vector<T> outX = ref State(k + 1, 0), outY = ref State(k + 1, 1), outZ = ref State(k + 1, 2);
            ref Vector<T> cos = ref Block(cosines, k), sin = ref Block(sines, k);
            Vector<T> sumDecay = Vector<T>.Zero, sumPrecession = Vector<T>.Zero, sumRecovery = Vector<T>.Zero;
            Vector<T> nxx = Vector<T>.Zero, nxy = Vector<T>.Zero, nxz = Vector<T>.Zero, nyx = Vector<T>.Zero, nyy = Vector<T>.Zero;
            Vector<T> nyz = Vector<T>.Zero, nzx = Vector<T>.Zero, nzy = Vector<T>.Zero, nzz = Vector<T>.Zero;
            for (int i = 0; i < vectors; i++)
            {
                // idle time: dM⊥/dτ = −M⊥/T2 − iω·M⊥, dMz/dτ = −(Mz − 1)/T1 at the output
                Vector<T> lx = Unsafe.Add(ref gx, i), ly = Unsafe.Add(ref gy, i), lz = Unsafe.Add(ref gz, i);
                Vector<T> ox = Unsafe.Add(ref outX, i), oy = Unsafe.Add(ref outY, i);
                sumDecay = MultiplyAdd(ly, oy, MultiplyAdd(lx, ox, sumDecay));
                sumPrecession = MultiplyAdd(Unsafe.Add(ref om, i), lx * oy - ly * ox, sumPrecession);
                sumRecovery = MultiplyAdd(lz, Unsafe.Add(ref outZ, i) - Vector<T>.One, sumRecovery);

                // through precession and relaxation: λ ← diag(E2·Rz(θ)ᵀ, E1)·λ
                Vector<T> c = Unsafe.Add(ref cos, i), s = Unsafe.Add(ref sin, i);
                Vector<T> rlx = op.E2 * MultiplyAdd(c, lx, s * ly);
                Vector<T> rly = op.E2 * (c * ly - s * lx);
                Vector<T> rlz = op.E1 * lz;
                if (op.IsRf)
                {
                    // ∂L/∂α, ∂L/∂φ = Σⱼ λᵀ·(∂R/∂α, ∂R/∂φ)·m: contracted with the moments n_ab = Σⱼ λa·mb after the loop
                    Vector<T> mx = Unsafe.Add(ref inX, i), my = Unsafe.Add(ref inY, i), mz = Unsafe.Add(ref inZ, i);
                    nxx = MultiplyAdd(rlx, mx, nxx); nxy = MultiplyAdd(rlx, my, nxy); nxz = MultiplyAdd(rlx, mz, nxz);
                    nyx = MultiplyAdd(rly, mx, nyx); nyy = MultiplyAdd(rly, my, nyy); nyz = MultiplyAdd(rly, mz, nyz);
                    nzx = MultiplyAdd(rlz, mx, nzx); nzy = MultiplyAdd(rlz, my, nzy); nzz = MultiplyAdd(rlz, mz, nzz);
                    op.RotateTransposed(ref rlx, ref rly, ref rlz);
                }
                Unsafe.Add(ref gx, i) = rlx; Unsafe.Add(ref gy, i) = rly; Unsafe.Add(ref gz, i) = rlz;
            }
            gradients[k].Idle += -Sum(sumDecay) / t2 + Sum(sumPrecession) - Sum(sumRecovery) / t1;
            if (op.IsRf)
            {
                ReadOnlySpan<double> moments = [Sum(nxx), Sum(nxy), Sum(nxz), Sum(nyx), Sum(nyy), Sum(nyz), Sum(nzx), Sum(nzy), Sum(nzz)];
                gradients[k].Flip += b1 * op.Rotation.FlipDerivative(moments);
                gradients[k].Phase += op.Rotation.PhaseDerivative(moments);
            }
        }
    }

    /// <summary>Per-voxel set-up: ωⱼ = 2π(ΔB0 + fⱼ) + wⱼ/T2' and each operation's scalars.</summary>
    private void Prepare(ReadOnlySpan<VoxelOperation> ops, VoxelDataSet voxels, int v)
    {
        int n = ops.Length;
        if (states.Length < (n + 1) * 3 * padded)
        {
            states = new T[(n + 1) * 3 * padded];
            cosines = new T[n * padded];
            sines = new T[n * padded];
        }
        Vector<T> b0 = VoxelOperationConstants<T>.Broadcast(2 * Math.PI * voxels.B0Hertz[v]);
        Vector<T> inverseT2Prime = VoxelOperationConstants<T>.Broadcast(1 / voxels.T2PrimeSeconds[v]);
        ref Vector<T> om = ref First(omega), lin = ref First(twoPiLinear), lor = ref First(lorentz);
        for (int i = 0; i < vectors; i++) Unsafe.Add(ref om, i) = b0 + Unsafe.Add(ref lin, i) + Unsafe.Add(ref lor, i) * inverseT2Prime;
        pathScalars.Evaluate(ops, voxels.B1[v], voxels.T1Seconds[v], voxels.T2Seconds[v]);
        probeFactorCount = 0;
    }

    /// <summary>Operation k: m_{k+1} = relax(precess(R·m_k)); keeps sin θ, cos θ for the reverse pass.</summary>
    private void Step(in VoxelOperation operation, int k)
    {
        VoxelOperationConstants<T> op = Constants(operation, k);
        ref Vector<T> inX = ref State(k, 0), inY = ref State(k, 1), inZ = ref State(k, 2);
        ref Vector<T> outX = ref State(k + 1, 0), outY = ref State(k + 1, 1), outZ = ref State(k + 1, 2);
        ref Vector<T> cos = ref Block(cosines, k), sin = ref Block(sines, k), om = ref First(omega);
        for (int i = 0; i < vectors; i++)
        {
            op.Rotate(Unsafe.Add(ref inX, i), Unsafe.Add(ref inY, i), Unsafe.Add(ref inZ, i), out Vector<T> rx, out Vector<T> ry, out Vector<T> rz);
            (Vector<T> s, Vector<T> c) = SinCos(Unsafe.Add(ref om, i) * op.MinusTau);
            Unsafe.Add(ref sin, i) = s; Unsafe.Add(ref cos, i) = c;
            op.Relax(rx, ry, rz, s, c, out Unsafe.Add(ref outX, i), out Unsafe.Add(ref outY, i), out Unsafe.Add(ref outZ, i));
        }
    }

    /// <summary>Operation k's broadcasts, built where a spin loop needs them (kept in an array they cost a copy each).</summary>
    private VoxelOperationConstants<T> Constants(in VoxelOperation op, int k) =>
        new(op, pathScalars.E1[k], pathScalars.E2[k], pathScalars.Rotation[k]);

    /// <summary>Component (0 x, 1 y, 2 z) of the state before operation k (k = count: after the last).</summary>
    private ref Vector<T> State(int k, int component) => ref Block(states, 3 * k + component);

    /// <summary>The first SIMD vector of block b (spins 0 … padded − 1) of an array; the block's bounds are checked
    /// here, once per loop, and the loop stays below <see cref="vectors"/>.</summary>
    private ref Vector<T> Block(T[] array, int b) =>
        ref Unsafe.As<T, Vector<T>>(ref MemoryMarshal.GetReference(array.AsSpan(b * padded, padded)));

    private static ref Vector<T> First(T[] array) => ref Unsafe.As<T, Vector<T>>(ref array[0]);

    private static double Sum(Vector<T> v) => double.CreateChecked(Vector.Sum(v));
}
