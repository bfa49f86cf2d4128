using System.Numerics;

namespace SeqZero.Phantoms;

/// <summary>A 2D grid of voxels with tissue and system maps, stored row-major: index = y·SizeX + x (y rows, x columns,
/// row 0 at the most negative y). Voxel (x, y) sits at ((x − SizeX/2)·Δx, (y − SizeY/2)·Δy, 0): the grid of
/// FOV·fftshift(fftfreq(N)), so the centre voxel N/2 is at r = 0 and no half-voxel shift appears in FFT recon.</summary>
public sealed class VoxelPhantom
{
    public VoxelPhantom(int sizeX, int sizeY, double voxelSizeXMeters, double voxelSizeYMeters, double sliceThicknessMeters,
        string source = "phantom")
    {
        if (sizeX < 1 || sizeY < 1) throw new PhantomException(source, "size", $"{sizeX}×{sizeY} voxels is empty.");
        SizeX = sizeX; SizeY = sizeY;
        VoxelSizeXMeters = voxelSizeXMeters; VoxelSizeYMeters = voxelSizeYMeters; SliceThicknessMeters = sliceThicknessMeters;
        Source = source;
        int n = sizeX * sizeY;
        ProtonDensity = new double[n];
        T1Seconds = Fill(n, 1.0);
        T2Seconds = Fill(n, 0.1);
        T2PrimeSeconds = Fill(n, 0.03);
        DiffusionSquareMetersPerSecond = new double[n];
        B0Hertz = new double[n];
        B1 = new Complex[n];
        Array.Fill(B1, Complex.One);
        CoilSensitivities = [new Complex[n]];
        Array.Fill(CoilSensitivities[0], Complex.One);
    }

    /// <summary>Where the maps came from (file path or built-in name); used in error messages.</summary>
    public string Source { get; }
    public int SizeX { get; }
    public int SizeY { get; }
    public int VoxelCount => SizeX * SizeY;
    public double VoxelSizeXMeters { get; }
    public double VoxelSizeYMeters { get; }
    public double SliceThicknessMeters { get; }
    public double FovXMeters => SizeX * VoxelSizeXMeters;
    public double FovYMeters => SizeY * VoxelSizeYMeters;

    /// <summary>Proton density, relative (equilibrium Mz per voxel).</summary>
    public double[] ProtonDensity { get; }
    public double[] T1Seconds { get; }
    public double[] T2Seconds { get; }
    /// <summary>Reversible dephasing time T2' [s]: Lorentzian spread of half-width 1/(2π·T2') Hz inside each voxel.</summary>
    public double[] T2PrimeSeconds { get; }
    /// <summary>Apparent diffusion coefficient D [m²/s].</summary>
    public double[] DiffusionSquareMetersPerSecond { get; }
    /// <summary>Off-resonance ΔB0 [Hz]; M⊥ precesses as e^{−i2π·ΔB0·t}.</summary>
    public double[] B0Hertz { get; }
    /// <summary>Transmit field relative to nominal: |B1| scales flip angles, arg B1 adds to the pulse phase.</summary>
    public Complex[] B1 { get; }
    /// <summary>Receive sensitivities, one map per coil.</summary>
    public Complex[][] CoilSensitivities { get; private set; }

    public int CoilCount => CoilSensitivities.Length;

    /// <summary>x position of column <paramref name="x"/> [m].</summary>
    public double PositionX(int x) => (x - SizeX / 2) * VoxelSizeXMeters;

    /// <summary>y position of row <paramref name="y"/> [m].</summary>
    public double PositionY(int y) => (y - SizeY / 2) * VoxelSizeYMeters;

    public int Index(int x, int y) => y * SizeX + x;

    /// <summary>Replaces the receive coils; every map must have <see cref="VoxelCount"/> entries.</summary>
    public void SetCoilSensitivities(Complex[][] maps)
    {
        if (maps.Length == 0) throw new PhantomException(Source, "coil_sens", "at least one coil map is needed.");
        for (int c = 0; c < maps.Length; c++)
            if (maps[c].Length != VoxelCount)
                throw new PhantomException(Source, $"coil_sens[{c}]", $"has {maps[c].Length} values, the grid has {VoxelCount}.");
        CoilSensitivities = maps;
    }

    /// <summary>Checks every map for the physics the simulator assumes; throws <see cref="PhantomException"/> naming
    /// the first bad field and voxel.</summary>
    public void Validate()
    {
        for (int i = 0; i < VoxelCount; i++)
        {
            double pd = ProtonDensity[i];
            if (!double.IsFinite(pd)) Fail("PD", i, pd, "is not a finite number");
            if (pd == 0) continue; // empty voxels are never simulated
            if (!(T1Seconds[i] > 0) || !double.IsFinite(T1Seconds[i])) Fail("T1", i, T1Seconds[i], "must be a positive number of seconds");
            if (!(T2Seconds[i] > 0) || !double.IsFinite(T2Seconds[i])) Fail("T2", i, T2Seconds[i], "must be a positive number of seconds");
            if (!(T2PrimeSeconds[i] > 0) || double.IsNaN(T2PrimeSeconds[i])) Fail("T2'", i, T2PrimeSeconds[i], "must be positive (use +∞ for none)");
            if (!(DiffusionSquareMetersPerSecond[i] >= 0) || !double.IsFinite(DiffusionSquareMetersPerSecond[i])) Fail("D", i, DiffusionSquareMetersPerSecond[i], "must be ≥ 0");
            if (!double.IsFinite(B0Hertz[i])) Fail("B0", i, B0Hertz[i], "is not a finite number");
            if (!double.IsFinite(B1[i].Real) || !double.IsFinite(B1[i].Imaginary)) Fail("B1", i, double.NaN, "is not a finite complex number");
            for (int c = 0; c < CoilCount; c++)
            {
                Complex s = CoilSensitivities[c][i];
                if (!double.IsFinite(s.Real) || !double.IsFinite(s.Imaginary)) Fail($"coil_sens[{c}]", i, double.NaN, "is not a finite complex number");
            }
        }
        if (!(VoxelSizeXMeters > 0) || !(VoxelSizeYMeters > 0) || !(SliceThicknessMeters > 0))
            throw new PhantomException(Source, "voxel size", $"{VoxelSizeXMeters}×{VoxelSizeYMeters}×{SliceThicknessMeters} m must be positive.");
    }

    private void Fail(string field, int index, double value, string rule) =>
        throw new PhantomException(Source, field, $"voxel (x={index % SizeX}, y={index / SizeX}) is {value}; {rule}.");

    private static double[] Fill(int n, double value)
    {
        double[] a = new double[n];
        Array.Fill(a, value);
        return a;
    }
}
