using System.Numerics;

namespace SeqZero.Phantoms;

/// <summary>The voxels a simulation runs on, as structure-of-arrays: only voxels with PD ≠ 0 of a phantom, or the
/// samples of a synthetic data set. Every voxel has the same size (the isochromat pattern is shared).
/// Units: positions m, T1/T2/T2' s, D m²/s, B0 Hz; B1 relative complex; coil sensitivities complex.</summary>
public sealed class VoxelSet
{
    public VoxelSet(int count, int coilCount, double voxelSizeXMeters, double voxelSizeYMeters, double voxelSizeZMeters)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "Voxel count must be ≥ 0.");
        if (coilCount < 1) throw new ArgumentOutOfRangeException(nameof(coilCount), coilCount, "At least one coil is needed.");
        Count = count;
        VoxelSizeXMeters = voxelSizeXMeters; VoxelSizeYMeters = voxelSizeYMeters; VoxelSizeZMeters = voxelSizeZMeters;
        PositionXMeters = new double[count]; PositionYMeters = new double[count]; PositionZMeters = new double[count];
        ProtonDensity = new double[count];
        T1Seconds = new double[count]; T2Seconds = new double[count]; T2PrimeSeconds = new double[count];
        DiffusionSquareMetersPerSecond = new double[count];
        B0Hertz = new double[count];
        B1 = new Complex[count];
        CoilSensitivities = new Complex[coilCount][];
        for (int c = 0; c < coilCount; c++) CoilSensitivities[c] = new Complex[count];
        MapIndex = new int[count];
        Array.Fill(MapIndex, -1);
    }

    public int Count { get; }
    public int CoilCount => CoilSensitivities.Length;
    public double VoxelSizeXMeters { get; }
    public double VoxelSizeYMeters { get; }
    public double VoxelSizeZMeters { get; }
    public double[] PositionXMeters { get; }
    public double[] PositionYMeters { get; }
    public double[] PositionZMeters { get; }
    public double[] ProtonDensity { get; }
    public double[] T1Seconds { get; }
    public double[] T2Seconds { get; }
    public double[] T2PrimeSeconds { get; }
    public double[] DiffusionSquareMetersPerSecond { get; }
    public double[] B0Hertz { get; }
    public Complex[] B1 { get; }
    public Complex[][] CoilSensitivities { get; }
    /// <summary>Index of each voxel in the phantom maps it came from (−1 for synthetic voxels).</summary>
    public int[] MapIndex { get; }

    /// <summary>The non-empty voxels (PD ≠ 0) of a validated phantom, in map order.</summary>
    public static VoxelSet FromPhantom(VoxelPhantom phantom)
    {
        phantom.Validate();
        int count = phantom.ProtonDensity.Count(pd => pd != 0);
        var set = new VoxelSet(count, phantom.CoilCount, phantom.VoxelSizeXMeters, phantom.VoxelSizeYMeters, phantom.SliceThicknessMeters);
        int v = 0;
        for (int y = 0; y < phantom.SizeY; y++)
        for (int x = 0; x < phantom.SizeX; x++)
        {
            int i = phantom.Index(x, y);
            if (phantom.ProtonDensity[i] == 0) continue;
            set.MapIndex[v] = i;
            set.PositionXMeters[v] = phantom.PositionX(x);
            set.PositionYMeters[v] = phantom.PositionY(y);
            set.ProtonDensity[v] = phantom.ProtonDensity[i];
            set.T1Seconds[v] = phantom.T1Seconds[i];
            set.T2Seconds[v] = phantom.T2Seconds[i];
            set.T2PrimeSeconds[v] = phantom.T2PrimeSeconds[i];
            set.DiffusionSquareMetersPerSecond[v] = phantom.DiffusionSquareMetersPerSecond[i];
            set.B0Hertz[v] = phantom.B0Hertz[i];
            set.B1[v] = phantom.B1[i];
            for (int c = 0; c < phantom.CoilCount; c++) set.CoilSensitivities[c][v] = phantom.CoilSensitivities[c][i];
            v++;
        }
        return set;
    }

    /// <summary>One voxel at the origin with the given tissue, B1 = 1, one coil of sensitivity 1 (for physics tests).</summary>
    public static VoxelSet Single(double protonDensity, double t1Seconds, double t2Seconds, double t2PrimeSeconds = double.PositiveInfinity,
        double b0Hertz = 0, double voxelSizeMeters = 1e-3)
    {
        var set = new VoxelSet(1, 1, voxelSizeMeters, voxelSizeMeters, voxelSizeMeters);
        set.ProtonDensity[0] = protonDensity;
        set.T1Seconds[0] = t1Seconds; set.T2Seconds[0] = t2Seconds; set.T2PrimeSeconds[0] = t2PrimeSeconds;
        set.B0Hertz[0] = b0Hertz;
        set.B1[0] = Complex.One;
        set.CoilSensitivities[0][0] = Complex.One;
        return set;
    }
}
