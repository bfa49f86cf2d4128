using System.Numerics;
using System.Runtime.CompilerServices;
using static SeqZero.Search.VectorMath;

namespace SeqZero.Search;

/// <summary>The ProxylessNAS gate gradients of <see cref="VoxelWorkspace{T}"/>: ⟨λ_{k+1}, o_c(m_k)⟩ summed over the
/// voxel's spins, for candidate operations o_c in place of operation k, during the reverse pass. With r = R_c·m and
/// μ = Rz(θ)ᵀ·λ⊥ (θ = −ωτ_c), ⟨λ, o_c(m)⟩ = E2·(μx·rx + μy·ry) + λz·(E1·rz + 1 − E1). r is linear in m, so the spin
/// sums reduce to six transverse moments Σ μa·mb, which depend on the candidate only through τ_c, and four longitudinal
/// moments Σ λz·(mx, my, mz, 1), which do not depend on it at all; R_c, E1 and E2 are applied to the sums. Candidates
/// that share an idle time (RF candidates sit at ΔtRF,min) share one set of precession factors and moments, and the
/// active operation's factors are the forward pass's own. A candidate's factors depend only on the voxel and τ_c, so
/// they are kept until the next voxel: further reverse passes over the same forward pass (the Re and Im adjoints of
/// <see cref="VoxelSimulator{T}.SubstitutedSignals(VoxelOperation[], VoxelDataSet, int[], VoxelOperation[][], int[], Complex[])"/>)
/// reuse them.</summary>
internal sealed partial class VoxelWorkspace<T>
{
    private readonly List<(double TauSeconds, T[] Cosines, T[] Sines)> probeFactors = [];
    private int probeFactorCount;

    /// <summary>Adds the probe of every candidate at position k to <paramref name="gates"/>[c].</summary>
    private void AddProbes(in VoxelOperation active, VoxelOperation[] candidates, int k, VoxelDataSet voxels, int v, double[] gates)
    {
        LongitudinalMoments longitudinal = Longitudinal(k);
        probeScalars.Evaluate(candidates, voxels.B1[v], voxels.T1Seconds[v], voxels.T2Seconds[v]);
        for (int c = 0; c < candidates.Length; c++)
        {
            double tau = candidates[c].IdleSeconds;
            if (!IsFirstWithIdle(candidates, c)) continue; // probed with the first candidate of its idle time

            TransverseMoments transverse;
            if (tau == active.IdleSeconds)
                transverse = Transverse(k, ref Block(cosines, k), ref Block(sines, k));
            else
            {
                (T[] cos, T[] sin) = PrecessionFactors(tau);
                transverse = Transverse(k, ref First(cos), ref First(sin));
            }
            for (int d = c; d < candidates.Length; d++)
                if (candidates[d].IdleSeconds == tau) gates[d] += Probe(probeScalars.E1[d], probeScalars.E2[d], probeScalars.Rotation[d], transverse, longitudinal);
        }
    }

    private static bool IsFirstWithIdle(VoxelOperation[] candidates, int c)
    {
        for (int d = 0; d < c; d++)
            if (candidates[d].IdleSeconds == candidates[c].IdleSeconds) return false;
        return true;
    }

    /// <summary>⟨λ_{k+1}, o(m_k)⟩ summed over the spins, from the moments at position k (see the class summary).</summary>
    private static double Probe(double e1, double e2, in RfRotation r, in TransverseMoments t, in LongitudinalMoments z)
    {
        double transverse = r.R00 * t.XX + r.R01 * t.XY + r.R02 * t.XZ + r.R10 * t.YX + r.R11 * t.YY + r.R12 * t.YZ;
        return e2 * transverse + e1 * (r.R20 * z.X + r.R21 * z.Y + r.R22 * z.Z) + (1 - e1) * z.One;
    }

    /// <summary>cos θ, sin θ with θ = −ωτ of this voxel's spins: computed once per voxel and idle time.</summary>
    private (T[] Cosines, T[] Sines) PrecessionFactors(double tauSeconds)
    {
        for (int f = 0; f < probeFactorCount; f++)
            if (probeFactors[f].TauSeconds == tauSeconds) return (probeFactors[f].Cosines, probeFactors[f].Sines);
        if (probeFactorCount == probeFactors.Count) probeFactors.Add((0, new T[padded], new T[padded]));
        (_, T[] cosines, T[] sines) = probeFactors[probeFactorCount];
        probeFactors[probeFactorCount++] = (tauSeconds, cosines, sines);

        Vector<T> minusTau = VoxelOperationConstants<T>.Broadcast(-tauSeconds);
        ref Vector<T> om = ref First(omega), cos = ref First(cosines), sin = ref First(sines);
        for (int i = 0; i < vectors; i++)
            (Unsafe.Add(ref sin, i), Unsafe.Add(ref cos, i)) = SinCos(Unsafe.Add(ref om, i) * minusTau);
        return (cosines, sines);
    }

    /// <summary>Σⱼ μa·mb (a ∈ x, y; b ∈ x, y, z) with μ = Rz(θ)ᵀ·λ⊥_{k+1} for the given cos θ, sin θ, and m = m_k.</summary>
    private TransverseMoments Transverse(int k, ref Vector<T> cos, ref Vector<T> sin)
    {
        ref Vector<T> inX = ref State(k, 0), inY = ref State(k, 1), inZ = ref State(k, 2);
        ref Vector<T> gx = ref First(adjointX), gy = ref First(adjointY);
        Vector<T> xx = Vector<T>.Zero, xy = Vector<T>.Zero, xz = Vector<T>.Zero, yx = Vector<T>.Zero, yy = Vector<T>.Zero, yz = Vector<T>.Zero;
        for (int i = 0; i < vectors; i++)
        {
            Vector<T> c = Unsafe.Add(ref cos, i), s = Unsafe.Add(ref sin, i), lx = Unsafe.Add(ref gx, i), ly = Unsafe.Add(ref gy, i);
            Vector<T> mx = Unsafe.Add(ref inX, i), my = Unsafe.Add(ref inY, i), mz = Unsafe.Add(ref inZ, i);
            Vector<T> mux = MultiplyAdd(c, lx, s * ly), muy = c * ly - s * lx;
            xx = MultiplyAdd(mux, mx, xx); xy = MultiplyAdd(mux, my, xy); xz = MultiplyAdd(mux, mz, xz);
            yx = MultiplyAdd(muy, mx, yx); yy = MultiplyAdd(muy, my, yy); yz = MultiplyAdd(muy, mz, yz);
        }
        return new TransverseMoments(Sum(xx), Sum(xy), Sum(xz), Sum(yx), Sum(yy), Sum(yz));
    }

    /// <summary>Σⱼ λz·(mx, my, mz, 1) with λ = λ_{k+1}, m = m_k.</summary>
    private LongitudinalMoments Longitudinal(int k)
    {
        ref Vector<T> inX = ref State(k, 0), inY = ref State(k, 1), inZ = ref State(k, 2), gz = ref First(adjointZ);
        Vector<T> x = Vector<T>.Zero, y = Vector<T>.Zero, z = Vector<T>.Zero, one = Vector<T>.Zero;
        for (int i = 0; i < vectors; i++)
        {
            Vector<T> lz = Unsafe.Add(ref gz, i);
            x = MultiplyAdd(lz, Unsafe.Add(ref inX, i), x);
            y = MultiplyAdd(lz, Unsafe.Add(ref inY, i), y);
            z = MultiplyAdd(lz, Unsafe.Add(ref inZ, i), z);
            one += lz;
        }
        return new LongitudinalMoments(Sum(x), Sum(y), Sum(z), Sum(one));
    }

    private readonly record struct TransverseMoments(double XX, double XY, double XZ, double YX, double YY, double YZ);

    private readonly record struct LongitudinalMoments(double X, double Y, double Z, double One);
}
