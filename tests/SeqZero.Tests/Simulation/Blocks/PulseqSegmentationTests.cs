using System.Text;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Tests.Simulation.Blocks;

public class PulseqSegmentationTests
{
    [Fact]
    public void FromDecoded_AdcLongerThanItsBlock_NamesTheBlockAndTheLostSamples()
    {
        // block 1 lasts 100 µs (10 × 10 µs); its ADC of 20 samples × 10 µs runs to 200 µs
        const string text = "[VERSION]\nmajor 1\nminor 5\nrevision 1\n[BLOCKS]\n1 10 0 0 0 0 1 0\n[ADC]\n1 20 10000 0 0 0 0 0 0\n";
        DecodedSequence decoded = PulseqDecoder.Decode(PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "long-adc.seq"));

        var error = Assert.Throws<PulseqFormatException>(() => PulseqSegmentation.FromDecoded(decoded, "long-adc.seq"));

        Assert.Contains("long-adc.seq:6", error.Message);
        Assert.Contains("block 1: 10 of 20 ADC samples fall after the block's end (100 µs)", error.Message);
    }
}
