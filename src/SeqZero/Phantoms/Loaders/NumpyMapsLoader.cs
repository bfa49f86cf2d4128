using System.Numerics;
using System.Text.Json;
using SeqZero.IO;

namespace SeqZero.Phantoms.Loaders;

/// <summary>Loads a voxel phantom from NumPy maps named as MRzero-Core exports them (reference/mrzero-core/phantom_N32):
/// a folder of NAME.npy files or one .npz with members NAME. Required PD, T1, T2; optional T2dash, B0, B1, D, coil_sens.
/// Maps are indexed [x, y] (shape (X, Y) or (X, Y, 1)); B1 and coil_sens may carry a leading coil axis (B1: one coil).
/// Units: T1, T2, T2dash [s], B0 [Hz], B1 relative (complex), D [10⁻³ mm²/s = 10⁻⁹ m²/s, MRzero's unit; converted].
/// Field of view [m]: a 'FOV' array (x, y, z), else phantom.json "size_m" next to the maps, else 0.2 × 0.2 × 0.008 m.
/// Missing optional maps take MRzero's load_mat defaults (T2' 30 ms, D 10⁻⁹ m²/s) or B0 0, B1 1, one coil of 1.</summary>
public static class NumpyMapsLoader
{
    private const double MrzeroDiffusionUnitInSquareMetersPerSecond = 1e-9; // 10⁻³ mm²/s
    private static readonly double[] DefaultSizeMeters = [MrzeroMatLoader.DefaultFovMeters, MrzeroMatLoader.DefaultFovMeters, MrzeroMatLoader.DefaultSliceThicknessMeters];

    public static VoxelPhantom Load(string path)
    {
        Func<string, NpyArray?> map = Directory.Exists(path) ? FolderMaps(path) : ArchiveMaps(path);

        // grid from PD; every other map must match it
        NpyArray pd = Require(map, "PD", path);
        int[] shape = PlaneShape(pd, path, "PD", allowCoilAxis: false).Plane;
        int sizeX = shape[0], sizeY = shape[1];
        double[] size = FieldOfView(map, path);
        var phantom = new VoxelPhantom(sizeX, sizeY, size[0] / sizeX, size[1] / sizeY, size[2], path);

        CopyReal(pd, "PD", phantom.ProtonDensity, phantom, 1);
        CopyReal(Require(map, "T1", path), "T1", phantom.T1Seconds, phantom, 1);
        CopyReal(Require(map, "T2", path), "T2", phantom.T2Seconds, phantom, 1);
        if (map("T2dash") is { } t2dash) CopyReal(t2dash, "T2dash", phantom.T2PrimeSeconds, phantom, 1, allowInfinity: true);
        else Array.Fill(phantom.T2PrimeSeconds, MrzeroMatLoader.DefaultT2PrimeSeconds);
        if (map("D") is { } d) CopyReal(d, "D", phantom.DiffusionSquareMetersPerSecond, phantom, MrzeroDiffusionUnitInSquareMetersPerSecond);
        else Array.Fill(phantom.DiffusionSquareMetersPerSecond, MrzeroMatLoader.DefaultDiffusionSquareMetersPerSecond);
        if (map("B0") is { } b0) CopyReal(b0, "B0", phantom.B0Hertz, phantom, 1);
        if (map("B1") is { } b1)
        {
            Complex[][] coils = Coils(b1, "B1", phantom);
            if (coils.Length != 1) throw new PhantomException(path, "B1", $"has {coils.Length} transmit channels; one is supported.");
            coils[0].CopyTo(phantom.B1, 0);
        }
        if (map("coil_sens") is { } coilSens) phantom.SetCoilSensitivities(Coils(coilSens, "coil_sens", phantom));
        phantom.Validate();
        return phantom;
    }

    private static Func<string, NpyArray?> FolderMaps(string folder) => name =>
    {
        string file = Path.Combine(folder, name + ".npy");
        return File.Exists(file) ? Unreadable(file, name, () => NpyReader.Read(file)) : null;
    };

    private static Func<string, NpyArray?> ArchiveMaps(string path)
    {
        IReadOnlyDictionary<string, NpyArray> arrays = Unreadable(path, "archive", () => NpzReader.Read(path));
        return name => arrays.GetValueOrDefault(name);
    }

    /// <summary>Runs a NumPy read, reporting a malformed file as a <see cref="PhantomException"/> for the map.</summary>
    private static T Unreadable<T>(string path, string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            string detail = e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message[(path.Length + 1)..].TrimStart(':', ' ') : e.Message;
            throw new PhantomException(path, name, detail, e);
        }
    }

    private static NpyArray Require(Func<string, NpyArray?> map, string name, string path) => map(name)
        ?? throw new PhantomException(path, name, "map is missing; NumPy phantoms need PD, T1 and T2 (optional T2dash, B0, B1, D, coil_sens).");

    private static double[] FieldOfView(Func<string, NpyArray?> map, string path)
    {
        if (map("FOV") is { } fov)
        {
            if (fov.Real.Length != 3 || fov.Real.Any(v => !(v > 0) || !double.IsFinite(v)))
                throw new PhantomException(path, "FOV", $"({string.Join(", ", fov.Real)}) must be three positive sizes in metres.");
            return fov.Real;
        }
        string json = Path.Combine(path, "phantom.json");
        if (!Directory.Exists(path) || !File.Exists(json)) return DefaultSizeMeters;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
            if (!doc.RootElement.TryGetProperty("size_m", out JsonElement sizeElement)) return DefaultSizeMeters;
            double[] size = sizeElement.EnumerateArray().Select(e => e.GetDouble()).ToArray();
            if (size.Length != 3 || size.Any(v => !(v > 0) || !double.IsFinite(v))) throw new FormatException("size_m must hold three positive numbers");
            return size;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new PhantomException(json, "size_m", $"cannot be read ({e.Message.TrimEnd('.')}).", e);
        }
    }

    /// <summary>The (X, Y) plane of a map shaped (X, Y), (X, Y, 1) or, with a coil axis, (C, X, Y[, 1]).</summary>
    private static (int Coils, int[] Plane) PlaneShape(NpyArray a, string path, string name, bool allowCoilAxis)
    {
        IReadOnlyList<int> s = a.Shape;
        int[] dims = s.Count > 2 && s[^1] == 1 ? s.Take(s.Count - 1).ToArray() : s.ToArray();
        if (dims.Length == 2) return (1, dims);
        if (allowCoilAxis && dims.Length == 3) return (dims[0], dims[1..]);
        throw new PhantomException(path, name, $"has shape ({string.Join(", ", s)}); expected (X, Y){(allowCoilAxis ? " or (coils, X, Y)" : "")} for one 2D slice.");
    }

    private static void RequireSamePlane(int[] plane, VoxelPhantom phantom, string name)
    {
        if (plane[0] != phantom.SizeX || plane[1] != phantom.SizeY)
            throw new PhantomException(phantom.Source, name, $"is {plane[0]}×{plane[1]}, PD is {phantom.SizeX}×{phantom.SizeY}.");
    }

    /// <summary>Copies a real [x, y] map into row-major y·X + x, times <paramref name="scale"/> (unit conversion).</summary>
    private static void CopyReal(NpyArray a, string name, double[] target, VoxelPhantom phantom, double scale, bool allowInfinity = false)
    {
        RequireSamePlane(PlaneShape(a, phantom.Source, name, allowCoilAxis: false).Plane, phantom, name);
        if (a.IsComplex) throw new PhantomException(phantom.Source, name, $"is complex ({a.Descriptor}); expected a real map.");
        LoaderChecks.RequireFinite(phantom.Source, name, a.Real, allowInfinity);
        for (int x = 0; x < phantom.SizeX; x++)
        for (int y = 0; y < phantom.SizeY; y++)
            target[phantom.Index(x, y)] = scale * a.Real[x * phantom.SizeY + y];
    }

    private static Complex[][] Coils(NpyArray a, string name, VoxelPhantom phantom)
    {
        (int coils, int[] plane) = PlaneShape(a, phantom.Source, name, allowCoilAxis: true);
        RequireSamePlane(plane, phantom, name);
        LoaderChecks.RequireFinite(phantom.Source, name, a.Real);
        if (a.Imaginary is not null) LoaderChecks.RequireFinite(phantom.Source, name, a.Imaginary);
        int n = phantom.VoxelCount;
        var maps = new Complex[coils][];
        for (int c = 0; c < coils; c++)
        {
            maps[c] = new Complex[n];
            for (int x = 0; x < phantom.SizeX; x++)
            for (int y = 0; y < phantom.SizeY; y++)
            {
                int source = c * n + x * phantom.SizeY + y;
                maps[c][phantom.Index(x, y)] = new Complex(a.Real[source], a.Imaginary?[source] ?? 0);
            }
        }
        return maps;
    }
}
