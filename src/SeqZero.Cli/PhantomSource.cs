using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;

namespace SeqZero.Cli;

/// <summary>Resolves the --phantom option: built-ins at the requested matrix and field of view; files through
/// <see cref="PhantomLoader"/>, resampled to the matrix.</summary>
internal static class PhantomSource
{
    private const string BuiltInPrefix = "builtin:";

    public static VoxelPhantom Load(string spec, int matrix, double fovMeters) =>
        spec.StartsWith(BuiltInPrefix, StringComparison.Ordinal)
            ? BuiltInPhantoms.Create(spec[BuiltInPrefix.Length..], matrix, fovMeters)
            : PhantomLoader.Load(spec, matrix);
}
