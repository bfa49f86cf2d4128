using PureHDF.VOL.Native;

namespace SeqZero.Phantoms.Loaders;

/// <summary>Loads a JEMRIS sample HDF5 file: /sample/data of HDF5 size [Z,] Y, X, 5 (C order, x fastest after the
/// channel) with channels M0, R1, R2, R2* [1/ms], Δω [rad/s, as KomaMRI reads it]; /sample/resolution and
/// /sample/offset (3 values) in mm. Grid as JEMRIS centres it: x_i = (i − (X−1)/2)·Δx + offset_x. Unit conversions,
/// once: T1 = 10⁻³/R1 s, T2 = 10⁻³/R2 s, T2' = 10⁻³/(R2* − R2) s (+∞ when R2* is 0 or equals R2), ΔB0 = Δω/2π Hz,
/// positions mm → m. Voxels with M0 = 0 are background.</summary>
public static class JemrisSampleLoader
{
    private const double MillimetersToMeters = 1e-3;
    private const double PerMillisecondToSeconds = 1e-3; // T [s] = 1e-3 / R [1/ms]
    private const int Channels = 5;
    private static readonly string[] ChannelNames = ["M0", "R1", "R2", "R2*", "Δω"];

    /// <summary>The sample as a spin list: one spin per voxel with M0 ≠ 0, in file order (x fastest, then y, z).</summary>
    public static SpinPhantom LoadSpins(string path)
    {
        Grid g = ReadGrid(path);
        var spins = new SpinPhantom(g.Voxels.Count(v => g.Data[v * Channels] != 0), path);
        int s = 0;
        foreach (int v in g.Voxels)
        {
            if (g.Data[v * Channels] == 0) continue;
            int x = v % g.SizeX, y = v / g.SizeX % g.SizeY, z = v / (g.SizeX * g.SizeY);
            spins.XMeters[s] = g.Position(0, x, g.SizeX);
            spins.YMeters[s] = g.Position(1, y, g.SizeY);
            spins.ZMeters[s] = g.Position(2, z, g.SizeZ);
            Convert(g, v, out spins.ProtonDensity[s], out spins.T1Seconds[s], out spins.T2Seconds[s], out spins.T2PrimeSeconds[s], out spins.B0Hertz[s]);
            s++;
        }
        spins.Validate();
        return spins;
    }

    /// <summary>A single-slice sample (Z = 1) as a voxel phantom on the same grid: VoxelPhantom x = JEMRIS x, voxel size
    /// = resolution, slice thickness = z resolution, B1 = 1, D = 0, one coil. Positions then follow VoxelPhantom's FFT grid ((i − X/2)·Δx), so
    /// JEMRIS's centring ((X−1)/2) and its offset are not carried over: a shift of half a voxel for even X plus the
    /// offset.</summary>
    public static VoxelPhantom LoadVoxels(string path)
    {
        Grid g = ReadGrid(path);
        if (g.SizeZ != 1) throw new PhantomException(path, "/sample/data", $"has {g.SizeZ} slices; a voxel phantom needs a single 2D slice.");
        var phantom = new VoxelPhantom(g.SizeX, g.SizeY, g.Resolution[0] * MillimetersToMeters, g.Resolution[1] * MillimetersToMeters,
            g.Resolution[2] * MillimetersToMeters, path);
        Array.Fill(phantom.T2PrimeSeconds, double.PositiveInfinity);
        foreach (int v in g.Voxels)
        {
            if (g.Data[v * Channels] == 0) continue;
            Convert(g, v, out phantom.ProtonDensity[v], out phantom.T1Seconds[v], out phantom.T2Seconds[v], out phantom.T2PrimeSeconds[v], out phantom.B0Hertz[v]);
        }
        phantom.Validate();
        return phantom;
    }

    private sealed record Grid(double[] Data, int SizeX, int SizeY, int SizeZ, double[] Resolution, double[] Offset, string Path)
    {
        public IEnumerable<int> Voxels => Enumerable.Range(0, SizeX * SizeY * SizeZ);

        public double Position(int axis, int index, int size) =>
            ((index - (size - 1) / 2.0) * Resolution[axis] + Offset[axis]) * MillimetersToMeters;
    }

    private static Grid ReadGrid(string path)
    {
        using NativeFile file = Hdf5Datasets.Open(path);
        (double[] data, int[] dims) = Hdf5Datasets.Read(file, path, "/sample/data");
        if (dims.Length is < 3 or > 4 || dims[^1] != Channels)
            throw new PhantomException(path, "/sample/data", $"has size {string.Join("×", dims)}; expected [Z×]Y×X×5 (M0, R1, R2, R2*, Δω per voxel).");
        int sizeX = dims[^2], sizeY = dims[^3], sizeZ = dims.Length == 4 ? dims[0] : 1;
        for (int i = 0; i < data.Length; i++)
            if (!double.IsFinite(data[i]))
                throw new PhantomException(path, ChannelNames[i % Channels],
                    $"voxel (x={i / Channels % sizeX}, y={i / Channels / sizeX % sizeY}, z={i / Channels / sizeX / sizeY}) is {data[i]}; every entry of /sample/data must be finite.");
        double[] resolution = Hdf5Datasets.ReadVector(file, path, "/sample/resolution", 3, "x, y, z");
        double[] offset = Hdf5Datasets.ReadVector(file, path, "/sample/offset", 3, "x, y, z");
        LoaderChecks.RequireFinite(path, "/sample/offset", offset);
        if (resolution.Any(r => !(r > 0) || !double.IsFinite(r)))
            throw new PhantomException(path, "/sample/resolution", $"({string.Join(", ", resolution)}) mm must be positive.");
        return new Grid(data, sizeX, sizeY, sizeZ, resolution, offset, path);
    }

    private static void Convert(Grid g, int voxel, out double pd, out double t1, out double t2, out double t2Prime, out double b0)
    {
        ReadOnlySpan<double> c = g.Data.AsSpan(voxel * Channels, Channels);
        int x = voxel % g.SizeX, y = voxel / g.SizeX % g.SizeY;
        if (!(c[1] > 0)) throw new PhantomException(g.Path, "R1", $"voxel (x={x}, y={y}) has M0 = {c[0]} but R1 = {c[1]} 1/ms; R1 must be positive.");
        if (!(c[2] > 0)) throw new PhantomException(g.Path, "R2", $"voxel (x={x}, y={y}) has M0 = {c[0]} but R2 = {c[2]} 1/ms; R2 must be positive.");
        if (c[3] != 0 && c[3] < c[2]) throw new PhantomException(g.Path, "R2*", $"voxel (x={x}, y={y}): R2* = {c[3]} 1/ms is below R2 = {c[2]} 1/ms (use 0 for none).");
        pd = c[0];
        t1 = PerMillisecondToSeconds / c[1];
        t2 = PerMillisecondToSeconds / c[2];
        t2Prime = c[3] == 0 || c[3] == c[2] ? double.PositiveInfinity : PerMillisecondToSeconds / (c[3] - c[2]);
        b0 = c[4] / (2 * Math.PI);
    }
}
