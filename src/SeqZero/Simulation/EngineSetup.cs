using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Sequences;

namespace SeqZero.Simulation;

/// <summary>Everything the isochromat engine precomputes once per (sequence, voxels, isochromats): the compiled passes,
/// the T2' classes (voxels sharing one T2' value share their isochromat frequencies) and, per pass signature and T2'
/// class, the isochromat phase factors bⱼ = e^{−i(2π g·δrⱼ + ωⱼτ/T2')} — so no transcendental function is evaluated per
/// spin and event.</summary>
internal sealed class EngineSetup<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public EngineSetup(Sequence sequence, VoxelSet voxels, Isochromats isochromats, bool perfectSpoiling, bool diffusion)
    {
        PerfectSpoiling = perfectSpoiling;
        ValidateVoxels(voxels);
        Sequence = new CompiledSequence(sequence);
        if (diffusion && voxels.DiffusionSquareMetersPerSecond.Any(d => d > 0)) Diffusion = new DiffusionWeighting(sequence, Sequence);
        Voxels = voxels;
        Isochromats = isochromats;
        SpinsPerVoxel = isochromats.Count;
        CoilCount = voxels.CoilCount;

        // T2' classes: distinct values in order of first appearance
        var classOf = new Dictionary<double, int>();
        T2PrimeClass = new int[voxels.Count];
        var inverseT2Prime = new List<double>();
        for (int v = 0; v < voxels.Count; v++)
        {
            double t2p = voxels.T2PrimeSeconds[v];
            if (!classOf.TryGetValue(t2p, out int c))
            {
                c = classOf.Count;
                classOf.Add(t2p, c);
                inverseT2Prime.Add(double.IsPositiveInfinity(t2p) ? 0 : 1 / t2p);
            }
            T2PrimeClass[v] = c;
        }
        InverseT2Prime = [.. inverseT2Prime];
        // processing order: voxels grouped by T2' class, so SIMD lanes (one voxel each) mostly share isochromat factors
        Order = [.. Enumerable.Range(0, voxels.Count).OrderBy(v => T2PrimeClass[v])];
        ClassCount = Math.Max(1, InverseT2Prime.Length);

        LorentzFrequency = [.. isochromats.LorentzFrequency.Select(T.CreateTruncating)];
        BuildPhaseTables();

        // receiver weights W = PD·coil/S
        ReceiveWeight = new Complex[voxels.Count * CoilCount];
        for (int v = 0; v < voxels.Count; v++)
        for (int c = 0; c < CoilCount; c++)
            ReceiveWeight[v * CoilCount + c] = voxels.ProtonDensity[v] * voxels.CoilSensitivities[c][v] / SpinsPerVoxel;
    }

    public CompiledSequence Sequence { get; }
    public bool PerfectSpoiling { get; }
    /// <summary>b-values per pass when any voxel diffuses and diffusion is simulated; null otherwise.</summary>
    public DiffusionWeighting? Diffusion { get; }
    public VoxelSet Voxels { get; }
    public Isochromats Isochromats { get; }
    public int SpinsPerVoxel { get; }
    public int CoilCount { get; }
    public int ClassCount { get; }
    public int[] T2PrimeClass { get; }
    /// <summary>Voxel indices in processing order (stable-sorted by T2' class).</summary>
    public int[] Order { get; }
    /// <summary>1/T2' per class [1/s] (0 for T2' = ∞).</summary>
    public double[] InverseT2Prime { get; }
    public T[] LorentzFrequency { get; }
    /// <summary>Real and imaginary parts of bⱼ, laid out [signature][class][isochromat].</summary>
    public T[] PhaseRe { get; private set; } = [];
    public T[] PhaseIm { get; private set; } = [];
    /// <summary>PD·coil/S per voxel and coil, laid out [voxel][coil].</summary>
    public Complex[] ReceiveWeight { get; }

    /// <summary>Offset of the isochromat factors of a signature and T2' class in <see cref="PhaseRe"/>.</summary>
    public int PhaseOffset(int signature, int t2PrimeClass) => (signature * ClassCount + t2PrimeClass) * SpinsPerVoxel;

    private void BuildPhaseTables()
    {
        Signature[] signatures = Sequence.Signatures;
        int s = SpinsPerVoxel;
        PhaseRe = new T[signatures.Length * ClassCount * s];
        PhaseIm = new T[PhaseRe.Length];
        Isochromats iso = Isochromats;
        double dx = Voxels.VoxelSizeXMeters, dy = Voxels.VoxelSizeYMeters, dz = Voxels.VoxelSizeZMeters;
        Parallel.For(0, signatures.Length, id =>
        {
            Signature g = signatures[id];
            for (int c = 0; c < ClassCount; c++)
            {
                double t2PrimeRate = InverseT2Prime.Length == 0 ? 0 : InverseT2Prime[c];
                int offset = (id * ClassCount + c) * s;
                for (int j = 0; j < s; j++)
                {
                    double phase = -(2 * Math.PI * (g.MomentX * iso.OffsetX[j] * dx + g.MomentY * iso.OffsetY[j] * dy + g.MomentZ * iso.OffsetZ[j] * dz)
                                     + iso.LorentzFrequency[j] * t2PrimeRate * g.DurationSeconds);
                    (double sin, double cos) = Math.SinCos(phase);
                    PhaseRe[offset + j] = T.CreateTruncating(cos);
                    PhaseIm[offset + j] = T.CreateTruncating(sin);
                }
            }
        });
    }

    private static void ValidateVoxels(VoxelSet voxels)
    {
        for (int v = 0; v < voxels.Count; v++)
        {
            if (!(voxels.T1Seconds[v] > 0) || !double.IsFinite(voxels.T1Seconds[v]))
                throw new ArgumentException($"Voxel {v}: T1 = {voxels.T1Seconds[v]} s; T1 must be positive and finite.", nameof(voxels));
            if (!(voxels.T2Seconds[v] > 0) || !double.IsFinite(voxels.T2Seconds[v]))
                throw new ArgumentException($"Voxel {v}: T2 = {voxels.T2Seconds[v]} s; T2 must be positive and finite.", nameof(voxels));
            if (!(voxels.T2PrimeSeconds[v] > 0))
                throw new ArgumentException($"Voxel {v}: T2' = {voxels.T2PrimeSeconds[v]} s; T2' must be positive (∞ for none).", nameof(voxels));
            if (!(voxels.DiffusionSquareMetersPerSecond[v] >= 0) || !double.IsFinite(voxels.DiffusionSquareMetersPerSecond[v]))
                throw new ArgumentException($"Voxel {v}: D = {voxels.DiffusionSquareMetersPerSecond[v]} m²/s; D must be ≥ 0.", nameof(voxels));
            if (!double.IsFinite(voxels.B0Hertz[v]) || !double.IsFinite(voxels.ProtonDensity[v]))
                throw new ArgumentException($"Voxel {v}: B0 or PD is not finite.", nameof(voxels));
        }
    }
}
