using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Decoding;

/// <summary>A Pulseq sequence laid out in time (SI units): blocks with absolute start times and decoded RF, gradient and
/// ADC events. <see cref="File"/> keeps the tables it came from (labels, triggers, definitions, signature).</summary>
public sealed class DecodedSequence
{
    internal DecodedSequence(PulseqFile file, IReadOnlyList<DecodedBlock> blocks, double durationSeconds)
    {
        File = file;
        Blocks = blocks;
        DurationSeconds = durationSeconds;
    }

    public PulseqFile File { get; }
    public PulseqVersion Version => File.Version;
    public IReadOnlyList<DecodedBlock> Blocks { get; }

    /// <summary>Sum of the block durations [s].</summary>
    public double DurationSeconds { get; }
}
