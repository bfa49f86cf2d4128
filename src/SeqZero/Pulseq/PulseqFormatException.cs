namespace SeqZero.Pulseq;

/// <summary>Malformed Pulseq input. Message is "path:line: detail" so editors and CI logs can jump to it.</summary>
public sealed class PulseqFormatException(string path, int line, string detail, Exception? inner = null)
    : FormatException($"{path}:{line}: {detail}", inner)
{
    /// <summary>The file that was being read (as given by the caller).</summary>
    public string Path { get; } = path;

    /// <summary>1-based line number of the offending line (0 when the problem is the file as a whole).</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Detail { get; } = detail;
}
