using System.Text;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

public class PulseqTimingCheckTests
{
    private const string Header = "[VERSION]\nmajor 1\nminor 5\nrevision 1\n[DEFINITIONS]\nGradientRasterTime 1e-05\nBlockDurationRaster 1e-05\n";

    private static IReadOnlyList<PulseqTimingViolation> Check(string text, PulseqHardwareLimits? limits = null) =>
        PulseqTimingCheck.Check(PulseqDecoder.Decode(PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.seq")),
            limits ?? new PulseqHardwareLimits());

    [Theory]
    [MemberData(nameof(PulseqTestData.AllSeqFilesData), MemberType = typeof(PulseqTestData))]
    public void Check_SharedFile_Passes(string relative)
    {
        DecodedSequence sequence = PulseqDecoder.Decode(PulseqReader.ReadFile(PulseqTestData.FromDataRoot(relative)));

        Assert.Empty(PulseqTimingCheck.Check(sequence, new PulseqHardwareLimits()));
    }

    [Fact]
    public void Check_TrapezoidFillingBlock_Passes()
    {
        var v = Check(Header + "[BLOCKS]\n1 10 0 0 0 0 0 0\n2 50 0 1 0 0 0 0\n[TRAP]\n1 1000 100 300 100 0\n");

        Assert.Empty(v); // 100 + 300 + 100 µs fits 50 × 10 µs exactly
    }

    [Fact]
    public void Check_TrapezoidOverrunsBlock_ReportsBlockNumber()
    {
        var v = Check(Header + "[BLOCKS]\n1 10 0 0 0 0 0 0\n2 40 0 1 0 0 0 0\n[TRAP]\n1 1000 100 300 100 0\n");

        PulseqTimingViolation only = Assert.Single(v);
        Assert.Equal(2, only.Block);
        Assert.Equal("Gx ends at 500 µs, after the block end 400 µs", only.Message);
    }

    [Fact]
    public void Check_RampOffRaster_Reported()
    {
        var v = Check(Header + "[BLOCKS]\n1 60 0 0 1 0 0 0\n[TRAP]\n1 1000 105 300 95 0\n");

        Assert.Contains(v, x => x.Block == 1 && x.Message == "Gy trapezoid ramp/flat time 105 µs is not on the gradient raster");
    }

    [Fact]
    public void Check_DiscontinuousArbitraryGradient_Reported()
    {
        // block 1 ends at 1000 Hz/m, block 2 starts at 0: a jump at the boundary
        string text = Header + "[BLOCKS]\n1 2 0 1 0 0 0 0\n2 2 0 0 0 0 0 0\n[GRADIENTS]\n1 1000 0 1000 1 0 0\n[SHAPES]\nshape_id 1\nnum_samples 2\n0.5\n1\n";

        var v = Check(text);

        PulseqTimingViolation only = Assert.Single(v);
        Assert.Equal(2, only.Block);
        Assert.Equal("Gx starts at 0 Hz/m but the previous block ends at 1000 Hz/m", only.Message);
    }

    [Fact]
    public void Check_SlewAndAmplitudeLimits_ReportedPerAxis()
    {
        var v = Check(Header + "[BLOCKS]\n1 60 0 0 0 1 0 0\n[TRAP]\n1 2000000 100 300 100 0\n",
            new PulseqHardwareLimits(MaxGradientHzPerMeter: 1e6, MaxSlewHzPerMeterPerSecond: 1e10));

        Assert.Contains(v, x => x.Block == 1 && x.Message.StartsWith("Gz amplitude 2e+06 Hz/m exceeds 1e+06", StringComparison.Ordinal));
        Assert.Contains(v, x => x.Block == 1 && x.Message.StartsWith("Gz slew rate 2e+10 Hz/m/s exceeds 1e+10", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RfDeadTime_Reported()
    {
        string text = Header + "[BLOCKS]\n1 100 1 0 0 0 0 0\n[RF]\n1 250 1 0 0 0 10 0 0 0 0 e\n[SHAPES]\nshape_id 1\nnum_samples 2\n1\n1\n";

        var v = Check(text, new PulseqHardwareLimits(RfDeadTimeSeconds: 100e-6));

        Assert.Contains(v, x => x.Block == 1 && x.Message == "RF delay 10 µs is shorter than the RF dead time 100 µs");
    }
}
