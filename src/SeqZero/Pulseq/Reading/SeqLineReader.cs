using System.Security.Cryptography;

namespace SeqZero.Pulseq.Reading;

/// <summary>Streaming line source for the .seq reader. Reads bytes in fixed chunks (memory independent of file size),
/// counts lines, strips '#' comments and surrounding blanks, skips empty lines, and feeds the MD5 of every byte before
/// the newline that precedes "[SIGNATURE]" (the signature's rule) to an incremental hash, a buffer at a time.</summary>
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
    private int hashFrom;          // buffer position up to which the content is hashed
    private bool pendingNewline;   // a '\n' held back from the hash: it is not hashed if "[SIGNATURE]" follows it

    public SeqLineReader(Stream stream, string path)
    {
        this.stream = stream;
        Path = path;
    }

    /// <summary>The file name used in error messages.</summary>
    public string Path { get; }

    /// <summary>1-based number of the last line read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line that has content after removing a '#' comment and blanks.</summary>
    public bool TryReadContentLine(out ReadOnlySpan<byte> line)
    {
        while (TryReadRawLine(out line))
        {
            int hash = line.IndexOf((byte)'#');
            if (hash >= 0) line = line[..hash];
            int first = 0, last = line.Length - 1;
            while (first <= last && IsSpace(line[first])) first++;
            while (last >= first && IsSpace(line[last])) last--;
            if (first <= last)
            {
                line = line[first..(last + 1)];
                return true;
            }
        }
        return false;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v';

    /// <summary>MD5 (lower-case hex) of the hashed part of the file.</summary>
    public string HashHex()
    {
        if (hashing) HashConsumed(start, holdBackNewline: false);
        hashing = false;
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

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
        if (hashing && length >= 11 && line[0] == (byte)'[' && line.TrimEnd((byte)'\r').SequenceEqual("[SIGNATURE]"u8))
        {
            // everything before this line except the newline that ends the previous line
            if (start > hashFrom) HashConsumed(start, holdBackNewline: true);
            hashing = false;
        }
        start += length + terminatorBytes;
        return line;
    }

    /// <summary>Hashes buffer[hashFrom..end) after a held-back newline; holds back a final '\n' when asked.</summary>
    private void HashConsumed(int hashEnd, bool holdBackNewline)
    {
        if (hashEnd <= hashFrom) return;
        if (pendingNewline) md5.AppendData("\n"u8);
        pendingNewline = holdBackNewline && buffer[hashEnd - 1] == (byte)'\n';
        md5.AppendData(buffer, hashFrom, pendingNewline ? hashEnd - 1 - hashFrom : hashEnd - hashFrom);
        hashFrom = hashEnd;
    }

    private void Fill()
    {
        if (hashing) HashConsumed(start, holdBackNewline: true);
        hashFrom = 0;
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
