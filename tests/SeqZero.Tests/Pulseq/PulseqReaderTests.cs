using SeqZero.Pulseq;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

public class PulseqReaderTests
{
    [Theory]
    [MemberData(nameof(PulseqTestData.AllSeqFilesData), MemberType = typeof(PulseqTestData))]
    public void ReadFile_SharedFile_ReadsAndDecodes(string relative)
    {
        PulseqFile file = PulseqReader.ReadFile(PulseqTestData.FromDataRoot(relative));
        DecodedSequence sequence = PulseqDecoder.Decode(file);

        Assert.NotEmpty(sequence.Blocks);
        Assert.True(sequence.DurationSeconds > 0);
        Assert.True(file.Version.IsSupported);
    }
}
