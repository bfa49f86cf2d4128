namespace SeqZero.Pulseq;

/// <summary>Malformed Pulseq input. Message is "path:line: detail" for text files, so editors and CI logs can jump to it,
/// and "path@offset: detail" for binary files (<see cref="ByteOffset"/> = the byte where the bad record starts).</summary>
public sealed class PulseqFormatException : FormatException
{
    public PulseqFormatException(string path, int line, string detail, Exception? inner = null)
        : base($"{path}:{line}: {detail}", inner)
    {
        Path = path;
        Line = line;
        Detail = detail;
    }

    private PulseqFormatException(string path, long byteOffset, string detail)
        : base($"{path}@{byteOffset}: {detail}")
    {
        Path = path;
        ByteOffset = byteOffset;
        Detail = detail;
    }

    /// <summary>An error in a binary file at <paramref name="byteOffset"/> bytes from its start.</summary>
    public static PulseqFormatException AtByte(string path, long byteOffset, string detail) => new(path, byteOffset, detail);

    /// <summary>The file that was being read (as given by the caller).</summary>
    public string Path { get; }

    /// <summary>1-based line number of the offending line (0 when the problem is the file as a whole or the file is binary).</summary>
    public int Line { get; }

    /// <summary>Byte offset of the offending record in a binary file (null for text files).</summary>
    public long? ByteOffset { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Detail { get; }
}
