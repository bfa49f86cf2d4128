using PureHDF.VOL.Native;

namespace SeqZero.Phantoms.Loaders;

/// <summary>Opens any phantom the tools accept, from one specification string:
/// "builtin:brain" / "builtin:sphere" (<see cref="BuiltInPhantoms"/>), "*.mat" (MRzero MAT, <see cref="MrzeroMatLoader"/>),
/// "*.h5" / "*.hdf5" (JEMRIS sample single slice, or Koma flat spin list on a regular grid), "*.npz" or a folder of
/// .npy maps (<see cref="NumpyMapsLoader"/>). Anything else is a <see cref="PhantomException"/>.</summary>
public static class PhantomLoader
{
    /// <summary>Matrix of built-in phantoms when none is asked for.</summary>
    public const int DefaultBuiltInMatrix = 64;
    private const string BuiltInPrefix = "builtin:";

    /// <summary>Loads <paramref name="spec"/> as a voxel phantom; with <paramref name="matrix"/>, resamples file phantoms
    /// to matrix×matrix (<see cref="PhantomResampler"/>) and builds built-ins at that size.</summary>
    public static VoxelPhantom Load(string spec, int? matrix = null)
    {
        if (matrix is < 1) throw new ArgumentOutOfRangeException(nameof(matrix), matrix, "The matrix must be at least 1.");
        if (spec.StartsWith(BuiltInPrefix, StringComparison.Ordinal))
            return BuiltInPhantoms.Create(spec[BuiltInPrefix.Length..], matrix ?? DefaultBuiltInMatrix);

        VoxelPhantom phantom = Directory.Exists(spec) ? NumpyMapsLoader.Load(spec) : Extension(spec) switch
        {
            ".mat" => MrzeroMatLoader.Load(RequireFile(spec)),
            ".npz" => NumpyMapsLoader.Load(RequireFile(spec)),
            ".h5" or ".hdf5" => IsJemris(RequireFile(spec)) ? JemrisSampleLoader.LoadVoxels(spec) : SpinGrid.ToVoxelPhantom(KomaPhantomLoader.Load(spec)),
            _ => throw Unknown(spec),
        };
        return matrix is { } n && (phantom.SizeX != n || phantom.SizeY != n) ? PhantomResampler.Resample(phantom, n) : phantom;
    }

    /// <summary>Loads an HDF5 phantom (JEMRIS sample or Koma flat file) as a spin list, keeping its own positions.</summary>
    public static SpinPhantom LoadSpins(string spec) => Extension(spec) switch
    {
        ".h5" or ".hdf5" => IsJemris(RequireFile(spec)) ? JemrisSampleLoader.LoadSpins(spec) : KomaPhantomLoader.Load(spec),
        _ => throw new PhantomException(spec, "phantom", "spin lists are read from JEMRIS or Koma HDF5 files (.h5)."),
    };

    private static string Extension(string spec) => Path.GetExtension(spec).ToLowerInvariant();

    private static string RequireFile(string path) => File.Exists(path) ? path
        : throw new PhantomException(path, "phantom", "no such file.");

    private static PhantomException Unknown(string spec) => File.Exists(spec)
        ? new PhantomException(spec, "phantom", "unknown file type; use .mat (MRzero), .h5 (JEMRIS/Koma), .npz or a folder of .npy maps.")
        : new PhantomException(spec, "phantom", "no such file or folder; use builtin:brain, builtin:sphere, a .mat, .h5, .npz file or a folder of .npy maps.");

    /// <summary>True for a JEMRIS sample (/sample/data), false for a Koma flat file (root dataset x).</summary>
    private static bool IsJemris(string path)
    {
        using NativeFile file = Hdf5Datasets.Open(path);
        if (file.LinkExists("/sample/data")) return true;
        if (file.LinkExists("x")) return false;
        throw new PhantomException(path, "HDF5 layout", "neither a JEMRIS sample (/sample/data) nor a Koma phantom (x, y, ρ, T1, T2).");
    }
}
