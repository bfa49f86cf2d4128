using System.Text;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;
using SeqZero.Pulseq.Writing;

namespace SeqZero.Tests.Pulseq;

public class PulseqWriterTests
{
    /// <summary>Relative agreement of decoded values after a write: the writer prints 6 (events) and 9 (shapes) significant
    /// digits and codes shapes in steps of 1e-7 of full scale (MATLAB's compressShape quantum).</summary>
    private const double RelativeTolerance = 2e-6;

    /// <summary>Absolute agreement of times [s]: times are printed in µs with 6 digits, far finer than any raster here.</summary>
    private const double TimeToleranceSeconds = 1e-9;

    private static PulseqFile ReadText(string text) => PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "written.seq");

    [Theory]
    [MemberData(nameof(PulseqTestData.AllSeqFilesData), MemberType = typeof(PulseqTestData))]
    public void Write_SharedFileAs151_RereadDecodesSameAndRewritesSameBytes(string relative)
    {
        PulseqFile original = PulseqReader.ReadFile(PulseqTestData.FromDataRoot(relative));

        string first = PulseqWriter.Write(original, PulseqVersion.V151);
        PulseqFile reread = ReadText(first);
        string second = PulseqWriter.Write(reread, PulseqVersion.V151);

        Assert.Equal(first, second);
        Assert.Equal(PulseqSignatureStatus.Valid, reread.Signature);
        AssertSameDecode(PulseqDecoder.Decode(original), PulseqDecoder.Decode(reread), compareRf: original.Version.AtLeast(1, 4));
    }

    [Theory]
    [MemberData(nameof(PulseqTestData.AllSeqFilesData), MemberType = typeof(PulseqTestData))]
    public void Write_SharedFileAs142_RewritesSameBytesOrRefuses(string relative)
    {
        PulseqFile original = PulseqReader.ReadFile(PulseqTestData.FromDataRoot(relative));
        string first;
        try
        {
            first = PulseqWriter.Write(original, PulseqVersion.V142);
        }
        catch (ArgumentException e)
        {
            Assert.Contains("1.4 cannot store", e.Message); // only 1.5 features may stop a 1.4 export
            return;
        }

        PulseqFile reread = ReadText(first);

        Assert.Equal(first, PulseqWriter.Write(reread, PulseqVersion.V142));
        DecodedSequence a = PulseqDecoder.Decode(original), b = PulseqDecoder.Decode(reread);
        Assert.Equal(a.Blocks.Count, b.Blocks.Count);
        Assert.Equal(a.DurationSeconds, b.DurationSeconds, TimeToleranceSeconds);
    }

    [Fact]
    public void Write_Gre151_MatchesMatlabTablesLineForLine()
    {
        // MATLAB wrote gre.seq as 1.5.1; our rewrite must reproduce its event tables and shapes (not the header comment)
        string path = PulseqTestData.Seq("pulseq-matlab", "gre.seq");
        string[] matlab = File.ReadAllLines(path);
        string[] ours = PulseqWriter.Write(PulseqReader.ReadFile(path), PulseqVersion.V151).Split('\n');

        string[] Section(string[] lines, string header) => [.. lines.SkipWhile(l => l != header).Skip(1).TakeWhile(l => l.Length > 0)];
        foreach (string header in new[] { "[BLOCKS]", "[RF]", "[TRAP]", "[ADC]", "[EXTENSIONS]", "extension LABELSET 1", "extension LABELINC 2" })
        {
            Assert.Equal(Section(matlab, header), Section(ours, header));
        }
        Assert.Equal(matlab.SkipWhile(l => l != "[SHAPES]").TakeWhile(l => l != "[SIGNATURE]"),
            ours.SkipWhile(l => l != "[SHAPES]").TakeWhile(l => l != "[SIGNATURE]"));
    }

    [Fact]
    public void Write_TamperedOutput_SignatureInvalid()
    {
        string text = PulseqWriter.Write(PulseqReader.ReadFile(PulseqTestData.Seq("pulseq-matlab", "fid.seq")), PulseqVersion.V151);
        string tampered = text.Replace("[BLOCKS]\n 1", "[BLOCKS]\n 1 ", StringComparison.Ordinal);

        Assert.NotEqual(text, tampered);
        Assert.Equal(PulseqSignatureStatus.Invalid, ReadText(tampered).Signature);
        Assert.Equal(PulseqSignatureStatus.Invalid, PulseqSignature.Verify(Encoding.UTF8.GetBytes(tampered)));
        Assert.Equal(PulseqSignatureStatus.Valid, PulseqSignature.Verify(PulseqSignature.Resign(Encoding.UTF8.GetBytes(tampered))));
    }

    [Fact]
    public void Write_Version13_RejectedAsTarget()
    {
        PulseqFile file = PulseqReader.ReadFile(PulseqTestData.Seq("pypulseq", "seq_trap_only.seq"));

        Assert.Throws<ArgumentException>(() => PulseqWriter.Write(file, new PulseqVersion(1, 3, 0)));
    }

    private static void AssertSameDecode(DecodedSequence a, DecodedSequence b, bool compareRf)
    {
        Assert.Equal(a.Blocks.Count, b.Blocks.Count);
        for (int i = 0; i < a.Blocks.Count; i++)
        {
            DecodedBlock x = a.Blocks[i], y = b.Blocks[i];
            Assert.Equal(x.StartSeconds, y.StartSeconds, TimeToleranceSeconds);
            Assert.Equal(x.DurationSeconds, y.DurationSeconds, TimeToleranceSeconds);
            for (int axis = 0; axis < 3; axis++) AssertSameGradient(x.Gradients[axis], y.Gradients[axis], i + 1);
            Assert.Equal(x.Rf is null, y.Rf is null);
            if (compareRf && x.Rf is not null) AssertSameRf(x.Rf, y.Rf!, i + 1);
            Assert.Equal(x.Adc?.NumSamples, y.Adc?.NumSamples);
            Assert.Equal(x.Adc?.PhaseRadians ?? 0, y.Adc?.PhaseRadians ?? 0, 1e-5);
            Assert.Equal(x.Extensions.Select(e => e.Name), y.Extensions.Select(e => e.Name));
        }
    }

    private static void AssertSameGradient(DecodedGradient? x, DecodedGradient? y, int block)
    {
        Assert.Equal(x is null, y is null);
        if (x is null || y is null) return;
        Assert.Equal(x.TimesSeconds.Length, y.TimesSeconds.Length);
        double scale = Math.Max(1, x.AmplitudesHzPerMeter.Max(Math.Abs));
        for (int k = 0; k < x.TimesSeconds.Length; k++)
        {
            Assert.True(Math.Abs(x.TimesSeconds[k] - y.TimesSeconds[k]) <= TimeToleranceSeconds, $"block {block} corner {k} time");
            Assert.True(Math.Abs(x.AmplitudesHzPerMeter[k] - y.AmplitudesHzPerMeter[k]) <= RelativeTolerance * scale,
                $"block {block} corner {k}: {x.AmplitudesHzPerMeter[k]} vs {y.AmplitudesHzPerMeter[k]}");
        }
    }

    private static void AssertSameRf(DecodedRf x, DecodedRf y, int block)
    {
        Assert.Equal(x.SignalHz.Length, y.SignalHz.Length);
        double scale = Math.Max(1e-12, x.SignalHz.Max(s => s.Magnitude));
        for (int k = 0; k < x.SignalHz.Length; k++)
        {
            Assert.True((x.SignalHz[k] - y.SignalHz[k]).Magnitude <= RelativeTolerance * scale, $"block {block} RF sample {k}");
            Assert.True(Math.Abs(x.TimesSeconds[k] - y.TimesSeconds[k]) <= TimeToleranceSeconds, $"block {block} RF time {k}");
        }
        Assert.Equal(x.CenterSeconds, y.CenterSeconds, TimeToleranceSeconds);
        Assert.Equal(x.Use, y.Use);
    }
}
