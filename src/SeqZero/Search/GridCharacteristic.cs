using System.Numerics;
using System.Runtime.InteropServices;

namespace SeqZero.Search;

/// <summary>χ_v(t) = (1/S)·Σⱼ e^{−iωⱼt}, ωⱼ = 2π(ΔB0 + fⱼ) + wⱼ/T2', of every grid voxel at the three times a two-RF
/// readout needs: Δt1 + Δt2, Δt2 − Δt1 and Δt2 (all grid pairs). Computed once per grid in double.</summary>
internal sealed class GridCharacteristic
{
    private readonly Complex[][] sum, difference, second;
    private readonly int idle2Count;

    public GridCharacteristic(GridVoxelLayout layout, SpinSet spins, double[] idle1, double[] idle2, int threads)
    {
        idle2Count = idle2.Length;
        sum = New(idle1.Length * idle2.Length, layout.Padded);
        difference = New(idle1.Length * idle2.Length, layout.Padded);
        second = New(idle2.Length, layout.Padded);
        int width = Vector<double>.Count, padded = (spins.Count + width - 1) / width * width;
        double[] twoPiLinear = new double[padded], lorentz = new double[padded], weight = new double[padded];
        for (int j = 0; j < spins.Count; j++)
        {
            twoPiLinear[j] = 2 * Math.PI * spins.LinearOffsetHertz[j];
            lorentz[j] = spins.LorentzFrequency[j];
            weight[j] = 1.0 / spins.Count;
        }
        Parallel.For(0, layout.Padded, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new double[padded], (i, _, omega) =>
        {
            int v = layout.Voxel[i];
            if (v < 0) return omega;
            for (int j = 0; j < padded; j++) omega[j] = twoPiLinear[j] + lorentz[j] / layout.Voxels.T2PrimeSeconds[v];
            double twoPiB0 = 2 * Math.PI * layout.Voxels.B0Hertz[v];
            for (int j1 = 0; j1 < idle1.Length; j1++)
            for (int j2 = 0; j2 < idle2.Length; j2++)
            {
                sum[j1 * idle2.Length + j2][i] = At(omega, weight, twoPiB0, idle1[j1] + idle2[j2]);
                difference[j1 * idle2.Length + j2][i] = At(omega, weight, twoPiB0, idle2[j2] - idle1[j1]);
            }
            for (int j2 = 0; j2 < idle2.Length; j2++) second[j2][i] = At(omega, weight, twoPiB0, idle2[j2]);
            return omega;
        }, _ => { });
    }

    public Complex[] Sum(int j1, int j2) => sum[j1 * idle2Count + j2];
    public Complex[] Difference(int j1, int j2) => difference[j1 * idle2Count + j2];
    public Complex[] Second(int j2) => second[j2];

    private static Complex[][] New(int count, int length) => [.. Enumerable.Range(0, count).Select(_ => new Complex[length])];

    /// <summary>e^{−i2πΔB0·t}·Σⱼ weightⱼ·e^{−iω'ⱼt} with ω' the spin offsets without ΔB0 (padded spins weigh 0).</summary>
    private static Complex At(double[] omega, double[] weight, double twoPiB0, double t)
    {
        ReadOnlySpan<Vector<double>> om = MemoryMarshal.Cast<double, Vector<double>>(omega), w = MemoryMarshal.Cast<double, Vector<double>>(weight);
        var minusT = new Vector<double>(-t);
        Vector<double> re = Vector<double>.Zero, im = Vector<double>.Zero;
        for (int j = 0; j < om.Length; j++)
        {
            (Vector<double> s, Vector<double> c) = Vector.SinCos(om[j] * minusT);
            re += w[j] * c; im += w[j] * s;
        }
        return new Complex(Vector.Sum(re), Vector.Sum(im)) * Complex.FromPolarCoordinates(1, -twoPiB0 * t);
    }
}
