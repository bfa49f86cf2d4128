namespace SeqZero.Pulseq.Reading;

/// <summary>Where rows came from, for error messages: a text file (row locations are line numbers, "path:line: …") or a
/// binary file (row locations are byte offsets, "path@offset: …").</summary>
internal readonly record struct PulseqSource(string Path, bool IsBinary)
{
    public PulseqFormatException Error(long location, string detail) =>
        IsBinary ? PulseqFormatException.AtByte(Path, location, detail) : new PulseqFormatException(Path, (int)location, detail);
}
