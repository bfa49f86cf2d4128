using SeqZero.Phantoms;

namespace SeqZero.Cli;

/// <summary>Resolves the --phantom option: "builtin:NAME" or a file.</summary>
internal static class PhantomSource
{
    public static VoxelPhantom Load(string spec, int matrix, double fovMeters)
    {
        const string prefix = "builtin:";
        if (spec.StartsWith(prefix, StringComparison.Ordinal)) return BuiltInPhantoms.Create(spec[prefix.Length..], matrix, fovMeters);
        throw new PhantomException(spec, "--phantom", $"phantom files are not readable yet; use builtin:{string.Join(" or builtin:", BuiltInPhantoms.Names)}.");
    }
}
