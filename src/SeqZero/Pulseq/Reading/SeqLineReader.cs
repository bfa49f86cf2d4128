using System.Security.Cryptography;

namespace SeqZero.Pulseq.Reading;

/// <summary>Streaming line source for the .seq reader. Reads bytes in fixed chunks (memory independent of file size),
/// counts lines, strips '#' comments and surrounding blanks, skips empty lines, and feeds the MD5 of every byte before
/// the newline that precedes "[SIGNATURE]" (the signature's rule) to an incremental hash.</summary>
internal sealed class SeqLineReader : IDisposable
{
    /// <summary>Longest accepted line [bytes]; a longer one is refused instead of growing the buffer without bound.</summary>
    public const int MaxLineBytes = 1 << 20;

    private const int ChunkBytes = 1 << 16;
    private readonly Stream stream;
    private readonly IncrementalHash md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private byte[] buffer = new byte[ChunkBytes];
    private int start, end;
    private bool endOfStream, hashing = true;
    private int pendingTerminatorBytes; // newline bytes of the previous line, hashed only once the next line comes

    public SeqLineReader(Stream stream, string path)
    {
        this.stream = stream;
        Path = path;
    }

    /// <summary>The file name used in error messages.</summary>
    public string Path { get; }

    /// <summary>1-based number of the last line read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Total bytes consumed so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next line that has content after removing a '#' comment and blanks.</summary>
    public bool TryReadContentLine(out ReadOnlySpan<byte> line)
    {
        while (TryReadRawLine(out line))
        {
            int hash = line.IndexOf((byte)'#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim(" \t\r\f\v"u8);
            if (!line.IsEmpty) return true;
        }
        return false;
    }

    /// <summary>MD5 (lower-case hex) of the hashed part of the file.</summary>
    public string HashHex() => Convert.ToHexStringLower(md5.GetHashAndReset());

    public PulseqFormatException Error(string detail) => new(Path, LineNumber, detail);

    private bool TryReadRawLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Emit(newline, 1);
                return true;
            }
            if (endOfStream)
            {
                if (start == end)
                {
                    line = default;
                    return false;
                }
                line = Emit(end - start, 0);
                return true;
            }
            Fill();
        }
    }

    private ReadOnlySpan<byte> Emit(int length, int terminatorBytes)
    {
        var line = new ReadOnlySpan<byte>(buffer, start, length);
        LineNumber++;
        BytesRead += length + terminatorBytes;
        if (hashing && line.TrimEnd((byte)'\r').SequenceEqual("[SIGNATURE]"u8)) hashing = false;
        if (hashing)
        {
            if (pendingTerminatorBytes > 0) md5.AppendData("\n"u8);
            md5.AppendData(line);
            pendingTerminatorBytes = terminatorBytes;
        }
        start += length + terminatorBytes;
        return line;
    }

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxLineBytes)
            {
                LineNumber++;
                throw Error($"line longer than {MaxLineBytes} bytes");
            }
            Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
        }
        int read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0) endOfStream = true;
        end += read;
    }

    public void Dispose() => md5.Dispose();
}
