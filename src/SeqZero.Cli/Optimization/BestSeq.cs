using SeqZero.Pulseq;
using SeqZero.Pulseq.Conversion;
using SeqZero.Pulseq.Writing;
using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>best.seq: the optimised sequence as a signed Pulseq 1.5.1 file within default hardware limits (40 mT/m,
/// 170 T/m/s, 1 ms block pulses): events whose moments need more time than they have are stretched to the minimum time
/// (as the MRzero paper does) and each pulse adds its duration, so the file runs a little longer than the model.</summary>
internal static class BestSeq
{
    public static void Write(Sequence best, string path, TextWriter log)
    {
        var file = SequenceToPulseq.Convert(best, new PulseqExportOptions());
        PulseqWriter.WriteFile(file, PulseqVersion.V151, path);
        log.WriteLine($"best.seq: {file.Blocks.Count} blocks (Pulseq 1.5.1, signed)");
    }
}
