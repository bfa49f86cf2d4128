using System.Numerics;
using SeqZero.IO;

namespace SeqZero.Phantoms.Loaders;

/// <summary>Loads an MRzero MAT phantom (e.g. numerical_brain_cropped.mat) the way MRzero-Core's
/// VoxelGridPhantom.load_mat reads it: the file holds one numeric array of size X×Y×5 (or X×Y×1×5); the last axis is
/// PD, T1 [s], T2 [s], B0 [Hz], B1 [relative, real]. MATLAB's first axis is x, so the column-major page (x fastest) is
/// already <see cref="VoxelPhantom"/> order y·SizeX + x. Like MRzero: T2' = 30 ms and D = 10⁻³ mm²/s (10⁻⁹ m²/s)
/// everywhere, field of view 0.2 m × 0.2 m whatever X and Y, slice 8 mm, one coil of sensitivity 1.</summary>
public static class MrzeroMatLoader
{
    /// <summary>MRzero-Core load_mat defaults.</summary>
    public const double DefaultT2PrimeSeconds = 0.03;
    public const double DefaultDiffusionSquareMetersPerSecond = 1e-9;
    public const double DefaultFovMeters = 0.2;
    public const double DefaultSliceThicknessMeters = 8e-3;
    private const int Channels = 5;
    private static readonly string[] ChannelNames = ["PD", "T1", "T2", "B0", "B1"];

    public static VoxelPhantom Load(string path)
    {
        MatFile file;
        try
        {
            file = MatV5Reader.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new PhantomException(path, "MAT file", e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message[(path.Length + 2)..] : e.Message, e);
        }

        // the one numeric array X×Y×5 (MRzero requires exactly one array in the file)
        MatArray[] numeric = file.Variables.Where(v => v.IsNumeric).ToArray();
        if (numeric.Length != 1)
            throw new PhantomException(path, "maps", $"expected one numeric array of size X×Y×5, found {numeric.Length} ({string.Join(", ", file.Variables)}).");
        MatArray data = numeric[0];
        IReadOnlyList<int> dims = data.Dimensions;
        bool planar = dims.Count == 3 || dims.Count == 4 && dims[2] == 1;
        if (!planar || dims[^1] != Channels)
            throw new PhantomException(path, data.Name, $"has size {string.Join("×", dims)}; expected X×Y×5 (PD, T1, T2, B0, B1) for one 2D slice.");
        if (data.IsComplex) throw new PhantomException(path, data.Name, "is complex; MRzero MAT phantoms hold real maps.");
        int sizeX = dims[0], sizeY = dims[1], voxels = sizeX * sizeY;
        for (int c = 0; c < Channels; c++)
            LoaderChecks.RequireFinite(path, ChannelNames[c], data.Real.AsSpan(c * voxels, voxels));

        var phantom = new VoxelPhantom(sizeX, sizeY, DefaultFovMeters / sizeX, DefaultFovMeters / sizeY, DefaultSliceThicknessMeters, path);
        data.Real.AsSpan(0, voxels).CopyTo(phantom.ProtonDensity);
        data.Real.AsSpan(voxels, voxels).CopyTo(phantom.T1Seconds);
        data.Real.AsSpan(2 * voxels, voxels).CopyTo(phantom.T2Seconds);
        data.Real.AsSpan(3 * voxels, voxels).CopyTo(phantom.B0Hertz);
        for (int i = 0; i < voxels; i++) phantom.B1[i] = new Complex(data.Real[4 * voxels + i], 0);
        Array.Fill(phantom.T2PrimeSeconds, DefaultT2PrimeSeconds);
        Array.Fill(phantom.DiffusionSquareMetersPerSecond, DefaultDiffusionSquareMetersPerSecond);
        phantom.Validate();
        return phantom;
    }
}
