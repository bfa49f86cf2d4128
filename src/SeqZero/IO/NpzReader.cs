using System.IO.Compression;

namespace SeqZero.IO;

/// <summary>Reads NumPy .npz archives (numpy.savez / savez_compressed): a zip of .npy members, stored or deflated.
/// Arrays are keyed by member name without ".npy"; members with other extensions are ignored.</summary>
public static class NpzReader
{
    // deflate cannot expand data by more than ~1032:1; a member claiming more is corrupt or hostile
    private const long MaxDeflateRatio = 1032;

    public static IReadOnlyDictionary<string, NpyArray> Read(string path)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a readable .npz (zip) archive ({e.Message.TrimEnd('.')}).", e);
        }
        using (archive)
        {
            var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
            foreach (ZipArchiveEntry entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal)) continue;
                string source = $"{path}:{entry.FullName}";
                try
                {
                    using Stream stream = entry.Open();
                    long available = Math.Min(entry.Length, Math.Max(entry.CompressedLength, 1) * MaxDeflateRatio);
                    arrays[entry.FullName[..^4]] = NpyReader.Read(stream, source, available);
                }
                catch (InvalidDataException e) when (!e.Message.StartsWith(source, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{source}: the compressed member is corrupt ({e.Message.TrimEnd('.')}).", e);
                }
            }
            return arrays;
        }
    }
}
