using System.Globalization;
using System.Text.Json;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

public class PulseqReportTests
{
    /// <summary>Relative agreement required for the resolution of an axis that only carries numerical residue (k extent
    /// ~1e-4 1/m, > 1 km "resolution"): its value is float noise of summed moments, MATLAB's and ours differ at 1e-5.</summary>
    private const double ResidueAxisRelativeTolerance = 1e-4;

    /// <summary>Resolution above which an axis is numerical residue rather than encoding [mm].</summary>
    private const double ResidueAxisMillimeters = 1e3;

    private static PulseqReport Report(string path) => PulseqReport.Create(PulseqDecoder.Decode(PulseqReader.ReadFile(path)));

    [Theory]
    [InlineData("gre")]
    [InlineData("epi_rs")]
    [InlineData("fid")]
    public void Format_MatlabTestFile_ReproducesTestReportLines(string name)
    {
        // reference: Pulseq MATLAB Sequence.testReport output stored next to the file
        string[] expected = File.ReadAllLines(PulseqTestData.Seq("pulseq-matlab", name + ".matlab.out"));
        string[] actual = PulseqReportText.Format(Report(PulseqTestData.Seq("pulseq-matlab", name + ".seq")), name + ".seq")
            .TrimEnd('\n').Split('\n');

        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i].StartsWith("   Spatial resolution:", StringComparison.Ordinal) && Millimeters(expected[i]) > ResidueAxisMillimeters)
            {
                Assert.Equal(Millimeters(expected[i]), Millimeters(actual[i]), Millimeters(expected[i]) * ResidueAxisRelativeTolerance);
                continue;
            }
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Create_Gre_MatchesMatlabNumbers()
    {
        PulseqReport r = Report(PulseqTestData.Seq("pulseq-matlab", "gre.seq"));

        // gre.matlab.out: 320 blocks, 6.400640 s, TE 7.390 ms, TR 100.010 ms, flip 10°, 64 ADC events
        Assert.Equal(320, r.Blocks);
        Assert.Equal(6.400640, r.DurationSeconds, 1e-9);
        Assert.Equal(0.007390, r.EchoTimeSeconds!.Value, 5e-7);
        Assert.Equal(0.100010, r.RepetitionTimeSeconds!.Value, 5e-7);
        Assert.Equal([10.0], r.FlipAnglesDegrees.Select(f => Math.Round(f, 2)));
        Assert.Equal(64, r.AdcEvents);
        Assert.Empty(r.TimingViolations);
    }

    [Fact]
    public void FormatJson_Gre_HasRequiredFields()
    {
        PulseqReport r = Report(PulseqTestData.Seq("pulseq-matlab", "gre.seq"));

        using JsonDocument json = JsonDocument.Parse(PulseqReportJson.Format(r));
        JsonElement root = json.RootElement;

        Assert.Equal("1.5.1", root.GetProperty("version").GetString());
        Assert.Equal(320, root.GetProperty("blocks").GetInt32());
        Assert.Equal(6.40064, root.GetProperty("duration_s").GetDouble(), 1e-9);
        Assert.Equal(64, root.GetProperty("rf_events").GetInt32());
        Assert.Equal(64, root.GetProperty("adc_events").GetInt32());
        Assert.Equal(64 * 64, root.GetProperty("adc_samples").GetInt64()); // 64 ADC events of 64 samples ([ADC] of gre.seq)
        Assert.Equal(1, root.GetProperty("flip_angles_deg").GetArrayLength());
        Assert.Equal(0.00739, root.GetProperty("te_s").GetDouble(), 5e-7);
        Assert.Equal(0.10001, root.GetProperty("tr_s").GetDouble(), 5e-7);
        Assert.Equal(3, root.GetProperty("max_grad_hz_per_m").GetArrayLength());
        Assert.Equal(1190700, root.GetProperty("max_grad_hz_per_m")[0].GetDouble(), 0.5);
        Assert.Equal(6.26684e9, root.GetProperty("max_slew_hz_per_m_per_s")[0].GetDouble(), 1e4);
        Assert.Equal("valid", root.GetProperty("signature").GetString());
    }

    [Fact]
    public void Create_HugeAdcCount_SkipsKSpaceInsteadOfAllocating()
    {
        // one ADC of 40 M samples (4 s at 100 ns): k of every sample would take ~2 GB
        const string text = "[VERSION]\nmajor 1\nminor 5\nrevision 1\n[BLOCKS]\n1 400000 0 0 0 0 1 0\n[ADC]\n1 40000000 100 0 0 0 0 0 0\n";
        var file = PulseqReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "huge.seq");

        PulseqReport r = PulseqReport.Create(PulseqDecoder.Decode(file));

        Assert.Null(r.KSpace);
        Assert.Null(r.EchoTimeSeconds);
        Assert.Equal(40_000_000, r.AdcSamples);
        Assert.Contains("k-space analysis skipped: 40000000 ADC samples", PulseqReportText.Format(r, "huge.seq"));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(6.26684e9, "6.26684e+09")]
    [InlineData(5.0505e9, "5.0505e+09")]
    [InlineData(123456.7, "123457")]
    [InlineData(1234567, "1.23457e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001234, "1.234e-05")]
    [InlineData(4, "4")]
    [InlineData(2.5, "2.5")]
    public void G_Value_FormatsAsCPrintf(double value, string expected) => Assert.Equal(expected, PulseqReportText.G(value));

    private static double Millimeters(string line) =>
        double.Parse(line.Split(':')[1].Replace("mm", "").Trim(), CultureInfo.InvariantCulture);
}
