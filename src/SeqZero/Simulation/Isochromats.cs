namespace SeqZero.Simulation;

/// <summary>The isochromats every voxel is split into: an offset inside the voxel (fractions of the voxel size, in
/// [−½, ½)) and a dimensionless Lorentzian frequency ωⱼ, so that isochromat j of a voxel with T2' precesses at
/// −ωⱼ/T2' rad/s. Σⱼ e^{−iωⱼt/T2'}/S → e^{−|t|/T2'} as S grows (Cauchy characteristic function).</summary>
public sealed class Isochromats
{
    /// <summary>Default isochromats per voxel: enough for a sinc-shaped intra-voxel dephasing and an FID envelope
    /// within a few per cent over 3·T2'.</summary>
    public const int DefaultCount = 32;

    // Roberts' R3 low-discrepancy sequence: αₖ = 1/φ₃ᵏ with φ₃ the real root of x⁴ = x + 1.
    private const double Phi3 = 1.2207440846057594;

    public Isochromats(double[] offsetX, double[] offsetY, double[] offsetZ, double[] lorentzFrequency)
    {
        int n = offsetX.Length;
        if (n < 1) throw new ArgumentException("At least one isochromat is needed.", nameof(offsetX));
        if (offsetY.Length != n || offsetZ.Length != n || lorentzFrequency.Length != n)
            throw new ArgumentException($"Isochromat arrays differ in length ({n}, {offsetY.Length}, {offsetZ.Length}, {lorentzFrequency.Length}).", nameof(offsetX));
        OffsetX = offsetX; OffsetY = offsetY; OffsetZ = offsetZ; LorentzFrequency = lorentzFrequency;
    }

    public int Count => OffsetX.Length;

    /// <summary>Offset from the voxel centre along x, in voxel sizes.</summary>
    public double[] OffsetX { get; }
    public double[] OffsetY { get; }
    public double[] OffsetZ { get; }
    /// <summary>ωⱼ, a standard-Cauchy quantile: frequency offset = ωⱼ/T2' [rad/s].</summary>
    public double[] LorentzFrequency { get; }

    /// <summary>Deterministic isochromats: positions from the R3 sequence (centred, so the mean offset is ≈ 0) and
    /// frequencies at the Cauchy quantiles tan(π(q − ½)), qⱼ = (j + ½)/S, assigned in a golden-ratio order so that
    /// position and frequency are uncorrelated. The same S always gives the same isochromats.</summary>
    public static Isochromats Deterministic(int count)
    {
        if (count < 1 || count > 1_000_000) throw new ArgumentOutOfRangeException(nameof(count), count, "Isochromats per voxel must be 1 … 1 000 000.");
        double[] x = new double[count], y = new double[count], z = new double[count], w = new double[count];
        double a1 = 1 / Phi3, a2 = 1 / (Phi3 * Phi3), a3 = 1 / (Phi3 * Phi3 * Phi3);
        double golden = (Math.Sqrt(5) - 1) / 2;
        for (int j = 0; j < count; j++)
        {
            x[j] = Frac(0.5 + a1 * j) - 0.5;
            y[j] = Frac(0.5 + a2 * j) - 0.5;
            z[j] = Frac(0.5 + a3 * j) - 0.5;
        }
        // isochromat j gets the quantile of rank(frac(j·g)): each quantile once, in an order unrelated to position
        int[] order = [.. Enumerable.Range(0, count).OrderBy(j => Frac(j * golden))];
        for (int rank = 0; rank < count; rank++)
            w[order[rank]] = count == 1 ? 0 : Math.Tan(Math.PI * ((rank + 0.5) / count - 0.5));
        return new Isochromats(x, y, z, w);
    }

    private static double Frac(double v) => v - Math.Floor(v);
}
