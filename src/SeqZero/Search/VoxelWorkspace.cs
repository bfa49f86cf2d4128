using System.Numerics;
using System.Runtime.InteropServices;

namespace SeqZero.Search;

/// <summary>One voxel's spins through a chain of operations, forward and reverse, on one core: the per-spin state
/// before every operation is kept (a checkpoint per operation, 3·S values each), as are the precession factors, so the
/// reverse pass needs no transcendental functions. Spins are padded to whole SIMD vectors; padded spins carry weight 0
/// in the signal and adjoint 0 in the reverse pass, so they never contribute.</summary>
internal sealed class VoxelWorkspace<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int spinCount, padded;
    private readonly T[] twoPiLinear, lorentz, weight, omega, adjointX, adjointY, adjointZ;
    private T[] states = [], cosines = [], sines = [];
    private VoxelOperationConstants<T>[] constants = [];

    public VoxelWorkspace(SpinSet spins)
    {
        spinCount = spins.Count;
        padded = (spinCount + Vector<T>.Count - 1) / Vector<T>.Count * Vector<T>.Count;
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
        Span<Vector<T>> x0 = Vec(states, 0, 0), y0 = Vec(states, 0, 1), z0 = Vec(states, 0, 2);
        x0.Clear(); y0.Clear(); z0.Fill(Vector<T>.One);
        for (int k = 0; k < ops.Length; k++) Step(k);

        Span<Vector<T>> x = Vec(states, ops.Length, 0), y = Vec(states, ops.Length, 1), w = Cast(weight);
        Vector<T> sumX = Vector<T>.Zero, sumY = Vector<T>.Zero;
        for (int i = 0; i < w.Length; i++) { sumX += w[i] * x[i]; sumY += w[i] * y[i]; }
        double scale = voxels.M0[v] / spinCount;
        return new Complex(scale * double.CreateChecked(Vector.Sum(sumX)), scale * double.CreateChecked(Vector.Sum(sumY)));
    }

    /// <summary>Reverse pass after <see cref="Forward"/> on the same operations and voxel. <paramref name="signalAdjoint"/>
    /// = ∂L/∂Re s + i·∂L/∂Im s of this voxel's readout. Accumulates (+=) ∂L/∂(flip, phase, idle) into
    /// <paramref name="gradients"/>, and, where <paramref name="probes"/>[k] is given, the gate gradients
    /// ⟨∂L/∂m_{k+1}, o_c(m_k)⟩ of every candidate c at position k into <paramref name="probeGradients"/>[k][c].</summary>
    public void Backward(ReadOnlySpan<VoxelOperation> ops, VoxelDataSet voxels, int v, Complex signalAdjoint,
        Span<OperationGradient> gradients, VoxelOperation[]?[]? probes, double[][]? probeGradients)
    {
        double scale = voxels.M0[v] / spinCount, t1 = voxels.T1Seconds[v], t2 = voxels.T2Seconds[v], b1 = voxels.B1[v];
        Span<Vector<T>> gx = Cast(adjointX), gy = Cast(adjointY), gz = Cast(adjointZ), w = Cast(weight), om = Cast(omega);
        Vector<T> seedX = VoxelOperationConstants<T>.Broadcast(scale * signalAdjoint.Real);
        Vector<T> seedY = VoxelOperationConstants<T>.Broadcast(scale * signalAdjoint.Imaginary);
        for (int i = 0; i < w.Length; i++) { gx[i] = seedX * w[i]; gy[i] = seedY * w[i]; }
        gz.Clear();

        for (int k = ops.Length - 1; k >= 0; k--)
        {
            if (probes?[k] is { } candidates)
                for (int c = 0; c < candidates.Length; c++)
                    probeGradients![k][c] += candidates[c] == ops[k] ? ActiveProbe(k) : Probe(candidates[c], k, voxels, v);

            ref readonly VoxelOperationConstants<T> op = ref constants[k];
            Span<Vector<T>> inX = Vec(states, k, 0), inY = Vec(states, k, 1), inZ = Vec(states, k, 2);
            Span<Vector<T>> outX = Vec(states, k + 1, 0), outY = Vec(states, k + 1, 1), outZ = Vec(states, k + 1, 2);
            Span<Vector<T>> cos = Vec(cosines, k, 0), sin = Vec(sines, k, 0);
            Vector<T> sumDecay = Vector<T>.Zero, sumPrecession = Vector<T>.Zero, sumRecovery = Vector<T>.Zero;
            Vector<T> sumFlip = Vector<T>.Zero, sumPhase = Vector<T>.Zero;
            Vector<T> cp = VoxelOperationConstants<T>.Broadcast(op.CosPhase), sp = VoxelOperationConstants<T>.Broadcast(op.SinPhase);
            for (int i = 0; i < gx.Length; i++)
            {
                // idle time: dM⊥/dτ = −M⊥/T2 − iω·M⊥, dMz/dτ = −(Mz − 1)/T1 at the output
                Vector<T> lx = gx[i], ly = gy[i], lz = gz[i];
                sumDecay += lx * outX[i] + ly * outY[i];
                sumPrecession += om[i] * (lx * outY[i] - ly * outX[i]);
                sumRecovery += lz * (outZ[i] - Vector<T>.One);

                // through precession and relaxation: λ ← diag(E2·Rz(θ)ᵀ, E1)·λ
                Vector<T> rlx = op.E2 * (cos[i] * lx + sin[i] * ly);
                Vector<T> rly = op.E2 * (cos[i] * ly - sin[i] * lx);
                Vector<T> rlz = op.E1 * lz;
                if (op.IsRf)
                {
                    // flip: dR/dα·m = n × (R·m), n = (cos φ, sin φ, 0); phase: dR/dφ·m = ẑ × (R·m) − R·(ẑ × m)
                    op.Rotate(inX[i], inY[i], inZ[i], out Vector<T> rx, out Vector<T> ry, out Vector<T> rz);
                    sumFlip += rlx * (sp * rz) - rly * (cp * rz) + rlz * (cp * ry - sp * rx);
                    sumPhase += ry * -rlx + rx * rly;
                    op.RotateTransposed(ref rlx, ref rly, ref rlz);
                    sumPhase -= inY[i] * -rlx + inX[i] * rly;
                }
                gx[i] = rlx; gy[i] = rly; gz[i] = rlz;
            }
            gradients[k].Idle += -Sum(sumDecay) / t2 + Sum(sumPrecession) - Sum(sumRecovery) / t1;
            if (op.IsRf)
            {
                gradients[k].Flip += b1 * Sum(sumFlip);
                gradients[k].Phase += Sum(sumPhase);
            }
        }
    }

    /// <summary>Σⱼ ⟨λ_{k+1}, m_{k+1}⟩: the probe of the operation that actually ran, from its stored output.</summary>
    private double ActiveProbe(int k)
    {
        Span<Vector<T>> x = Vec(states, k + 1, 0), y = Vec(states, k + 1, 1), z = Vec(states, k + 1, 2);
        Span<Vector<T>> gx = Cast(adjointX), gy = Cast(adjointY), gz = Cast(adjointZ);
        Vector<T> sum = Vector<T>.Zero;
        for (int i = 0; i < gx.Length; i++) sum += gx[i] * x[i] + gy[i] * y[i] + gz[i] * z[i];
        return Sum(sum);
    }

    /// <summary>Σⱼ ⟨λ_{k+1}, o(m_k)⟩ over this voxel's spins for a candidate operation o in place of operation k.</summary>
    private double Probe(in VoxelOperation candidate, int k, VoxelDataSet voxels, int v)
    {
        var op = new VoxelOperationConstants<T>(candidate, voxels.B1[v], voxels.T1Seconds[v], voxels.T2Seconds[v]);
        Span<Vector<T>> inX = Vec(states, k, 0), inY = Vec(states, k, 1), inZ = Vec(states, k, 2);
        Span<Vector<T>> gx = Cast(adjointX), gy = Cast(adjointY), gz = Cast(adjointZ), om = Cast(omega);
        Vector<T> sum = Vector<T>.Zero;
        for (int i = 0; i < gx.Length; i++)
        {
            op.Rotate(inX[i], inY[i], inZ[i], out Vector<T> rx, out Vector<T> ry, out Vector<T> rz);
            (Vector<T> sin, Vector<T> cos) = SinCos(om[i] * op.MinusTau);
            op.Relax(rx, ry, rz, sin, cos, out Vector<T> x, out Vector<T> y, out Vector<T> z);
            sum += gx[i] * x + gy[i] * y + gz[i] * z;
        }
        return Sum(sum);
    }

    /// <summary>Per-voxel set-up: ωⱼ = 2π(ΔB0 + fⱼ) + wⱼ/T2' and each operation's constants.</summary>
    private void Prepare(ReadOnlySpan<VoxelOperation> ops, VoxelDataSet voxels, int v)
    {
        int n = ops.Length;
        if (constants.Length < n)
        {
            constants = new VoxelOperationConstants<T>[n];
            states = new T[(n + 1) * 3 * padded];
            cosines = new T[n * padded];
            sines = new T[n * padded];
        }
        Vector<T> b0 = VoxelOperationConstants<T>.Broadcast(2 * Math.PI * voxels.B0Hertz[v]);
        Vector<T> inverseT2Prime = VoxelOperationConstants<T>.Broadcast(1 / voxels.T2PrimeSeconds[v]);
        Span<Vector<T>> om = Cast(omega), lin = Cast(twoPiLinear), lor = Cast(lorentz);
        for (int i = 0; i < om.Length; i++) om[i] = b0 + lin[i] + lor[i] * inverseT2Prime;
        for (int k = 0; k < n; k++)
            constants[k] = new VoxelOperationConstants<T>(ops[k], voxels.B1[v], voxels.T1Seconds[v], voxels.T2Seconds[v]);
    }

    /// <summary>Operation k: m_{k+1} = relax(precess(R·m_k)); keeps sin θ, cos θ for the reverse pass.</summary>
    private void Step(int k)
    {
        ref readonly VoxelOperationConstants<T> op = ref constants[k];
        Span<Vector<T>> inX = Vec(states, k, 0), inY = Vec(states, k, 1), inZ = Vec(states, k, 2);
        Span<Vector<T>> outX = Vec(states, k + 1, 0), outY = Vec(states, k + 1, 1), outZ = Vec(states, k + 1, 2);
        Span<Vector<T>> cos = Vec(cosines, k, 0), sin = Vec(sines, k, 0), om = Cast(omega);
        for (int i = 0; i < om.Length; i++)
        {
            op.Rotate(inX[i], inY[i], inZ[i], out Vector<T> rx, out Vector<T> ry, out Vector<T> rz);
            (sin[i], cos[i]) = SinCos(om[i] * op.MinusTau);
            op.Relax(rx, ry, rz, sin[i], cos[i], out outX[i], out outY[i], out outZ[i]);
        }
    }

    private Span<Vector<T>> Vec(T[] array, int block, int component) =>
        Cast(array.AsSpan((block * (array == states ? 3 : 1) + component) * padded, padded));

    private static Span<Vector<T>> Cast(Span<T> values) => MemoryMarshal.Cast<T, Vector<T>>(values);

    private static double Sum(Vector<T> v) => double.CreateChecked(Vector.Sum(v));

    /// <summary>Vectorised sin and cos: <see cref="FloatSinCos"/> for float lanes, System.Numerics (≈ 1 ulp) for double.</summary>
    private static (Vector<T> Sin, Vector<T> Cos) SinCos(Vector<T> angle)
    {
        if (typeof(T) == typeof(float))
        {
            (Vector<float> s, Vector<float> c) = FloatSinCos.SinCos(Vector.As<T, float>(angle));
            return (Vector.As<float, T>(s), Vector.As<float, T>(c));
        }
        if (typeof(T) == typeof(double))
        {
            (Vector<double> s, Vector<double> c) = Vector.SinCos(Vector.As<T, double>(angle));
            return (Vector.As<double, T>(s), Vector.As<double, T>(c));
        }
        throw new NotSupportedException($"Voxel simulation runs in float or double, not {typeof(T).Name}.");
    }
}
