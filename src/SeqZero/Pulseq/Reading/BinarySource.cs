using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SeqZero.Pulseq.Reading;

/// <summary>Little-endian primitive reads from a seekable stream through a fixed buffer, tracking the byte offset for
/// "path@offset: detail" errors. Reading past the end throws <see cref="PulseqFormatException"/>, never EndOfStream.</summary>
internal sealed class BinarySource(Stream stream, string path)
{
    private const int BufferBytes = 1 << 16;
    private readonly byte[] buffer = new byte[BufferBytes];
    private int position, filled;

    public string Path { get; } = path;

    /// <summary>Offset of the next unread byte from the start of the file.</summary>
    public long Offset { get; private set; }

    public long Length { get; } = stream.Length;

    public long Remaining => Length - Offset;

    public bool AtEnd => Remaining == 0;

    public PulseqFormatException Error(long at, string detail) => PulseqFormatException.AtByte(Path, at, detail);

    public int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int), what));

    public long Int64(string what) => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long), what));

    public double Float64(string what) => BinaryPrimitives.ReadDoubleLittleEndian(Take(sizeof(double), what));

    public float Float32(string what) => BinaryPrimitives.ReadSingleLittleEndian(Take(sizeof(float), what));

    public byte Byte(string what) => Take(1, what)[0];

    /// <summary>An int32 in [min, max].</summary>
    public int Int32(string what, int min, int max)
    {
        long at = Offset;
        int value = Int32(what);
        return value >= min && value <= max ? value : throw Error(at, $"{what} = {value} must be in [{min}, {max}]");
    }

    /// <summary>A record count (int64) that the rest of the file can hold at <paramref name="minRecordBytes"/> bytes per
    /// record: a hostile count is refused here, before anything is allocated for it.</summary>
    public int Count(string what, int minRecordBytes)
    {
        long at = Offset;
        long count = Int64(what);
        if (count < 0 || count > Remaining / minRecordBytes || count > int.MaxValue)
        {
            throw Error(at, $"{what} = {count}, but the {Remaining} bytes left hold at most {Remaining / minRecordBytes} records of ≥ {minRecordBytes} bytes");
        }
        return (int)count;
    }

    /// <summary>ASCII/UTF-8 text of <paramref name="length"/> bytes (length already checked against a limit).</summary>
    public string Text(int length, string what)
    {
        if (length > Remaining) throw Error(Offset, $"{what}: {length} bytes asked, {Remaining} left");
        var bytes = new byte[length];
        for (int done = 0; done < length;)
        {
            int chunk = Math.Min(BufferBytes, length - done);
            Take(chunk, what).CopyTo(bytes.AsSpan(done));
            done += chunk;
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>MD5 (lower-case hex) of the first <paramref name="length"/> bytes of the file; reading continues where it was.</summary>
    public string Md5OfPrefix(long length)
    {
        long resume = stream.Position;
        stream.Position = 0;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var chunk = new byte[BufferBytes];
        for (long done = 0; done < length;)
        {
            int read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, length - done));
            if (read == 0) break;
            md5.AppendData(chunk, 0, read);
            done += read;
        }
        stream.Position = resume;
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (filled - position < count)
        {
            if (count > Remaining) throw Error(Offset, $"unexpected end of file reading {what} ({count} bytes needed, {Remaining} left)");
            Buffer.BlockCopy(buffer, position, buffer, 0, filled - position);
            filled -= position;
            position = 0;
            while (filled < count)
            {
                int read = stream.Read(buffer, filled, BufferBytes - filled);
                if (read == 0) throw Error(Offset, $"unexpected end of file reading {what}");
                filled += read;
            }
        }
        var span = new ReadOnlySpan<byte>(buffer, position, count);
        position += count;
        Offset += count;
        return span;
    }
}
