using System.Text;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

/// <summary>Each malformed variant of a small valid 1.5 file must fail with "path:line: detail" naming the right line.</summary>
public class PulseqMalformedInputTests
{
    private const string Path = "bad.seq";

    // line numbers matter: the tests below replace single lines of this text
    private static readonly string[] Valid =
    [
        "# test file",                       // 1
        "[VERSION]",                         // 2
        "major 1",                           // 3
        "minor 5",                           // 4
        "revision 1",                        // 5
        "[DEFINITIONS]",                     // 6
        "GradientRasterTime 1e-05",          // 7
        "RadiofrequencyRasterTime 1e-06",    // 8
        "BlockDurationRaster 1e-05",         // 9
        "[BLOCKS]",                          // 10
        "1 100 1 0 0 1 0 0",                 // 11
        "2 100 0 2 0 0 1 1",                 // 12
        "[RF]",                              // 13
        "1 250 1 2 3 500 0 0 0 0 0 e",       // 14
        "[GRADIENTS]",                       // 15
        "2 1000 0 0 4 0 0",                  // 16
        "[TRAP]",                            // 17
        "1 2000 100 500 100 0",              // 18
        "[ADC]",                             // 19
        "1 64 10000 0 0 0 0 0 0",            // 20
        "[EXTENSIONS]",                      // 21
        "1 1 1 0",                           // 22
        "extension LABELSET 1",              // 23
        "1 5 LIN",                           // 24
        "[SHAPES]",                          // 25
        "shape_id 1",                        // 26
        "num_samples 2",                     // 27
        "1",                                 // 28
        "1",                                 // 29
        "shape_id 2",                        // 30
        "num_samples 2",                     // 31
        "0",                                 // 32
        "0",                                 // 33
        "shape_id 3",                        // 34
        "num_samples 2",                     // 35
        "0",                                 // 36
        "1000",                              // 37
        "shape_id 4",                        // 38
        "num_samples 5",                     // 39
        "0",                                 // 40
        "0.5",                               // 41
        "0.5",                               // 42
        "2",                                 // 43
    ];

    private static void Read(string text) => PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), Path);

    private static string With(int line, string replacement)
    {
        string[] lines = (string[])Valid.Clone();
        lines[line - 1] = replacement;
        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public void Read_ValidTemplate_Succeeds()
    {
        var file = PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', Valid))), Path);

        Assert.Equal(2, file.Blocks.Count);
        Assert.Equal([0, 0.5, 1, 1.5, 2], file.Shapes[4].Samples); // derivative 0, then 0.5 four times ("0.5 0.5 2")
    }

    [Theory]
    [InlineData(3, "major 2", 2, "unsupported Pulseq version 2.5.1")]
    [InlineData(4, "minor 1", 2, "unsupported Pulseq version 1.1.1")]
    [InlineData(4, "minor x", 4, "minor: expected an integer, found 'x'")]
    [InlineData(5, "patch 1", 5, "unknown key 'patch'")]
    [InlineData(7, "GradientRasterTime -1e-05", 7, "GradientRasterTime = -1E-05 s must be in (0, 1] s")]
    [InlineData(9, "BlockDurationRaster abc", 9, "BlockDurationRaster: expected a finite number, found 'abc'")]
    [InlineData(9, "Num_Blocks 1e12", 9, "Num_Blocks = 1000000000000 but [BLOCKS] has 2 rows")]
    [InlineData(11, "1 100 1 0 0 1 0", 11, "[BLOCKS] expects 8 columns (Pulseq 1.5.1), found 7")]
    [InlineData(11, "1 100 1 0 0 1 0 0 0", 11, "[BLOCKS] expects 8 columns (Pulseq 1.5.1), found 9")]
    [InlineData(11, "3 100 1 0 0 1 0 0", 11, "block id 3 out of sequence (expected 1)")]
    [InlineData(11, "1 -100 1 0 0 1 0 0", 11, "duration = -100 is outside")]
    [InlineData(11, "1 100 7 0 0 1 0 0", 11, "block refers to RF id 7, which [RF] does not define")]
    [InlineData(11, "1 100 1 9 0 1 0 0", 11, "block refers to Gx id 9, which neither [GRADIENTS] nor [TRAP] defines")]
    [InlineData(11, "1 100 1 0 0 1 5 0", 11, "block refers to ADC id 5, which [ADC] does not define")]
    [InlineData(11, "1 100 1 0 0 1 0 4", 11, "block refers to extension id 4, which [EXTENSIONS] does not define")]
    [InlineData(11, "1 100 1.5 0 0 1 0 0", 11, "RF id: expected an integer, found '1.5'")]
    [InlineData(14, "1 250 1 2 3 500 0 0 0 0 0", 14, "[RF] expects 12 columns (Pulseq 1.5.1), found 11")]
    [InlineData(14, "1 250 1 2 3 500 0 0 0 0 0 q", 14, "use 'q' is not one of e r i s p o u")]
    [InlineData(14, "1 250 1 2 3 500 -5 0 0 0 0 e", 14, "delay = -5 must be in")]
    [InlineData(14, "1 250 1 2 3 500 0 0 0 nan 0 e", 14, "freq: expected a finite number, found 'nan'")]
    [InlineData(14, "1 250 8 2 3 500 0 0 0 0 0 e", 14, "RF magnitude shape id 8 is not defined in [SHAPES]")]
    [InlineData(14, "1 250 1 4 3 500 0 0 0 0 0 e", 14, "RF phase shape has 5 samples, the magnitude/amplitude shape 2")]
    [InlineData(16, "2 1000 0 0 4 0", 16, "[GRADIENTS] expects 7 columns (Pulseq 1.5.1), found 6")]
    [InlineData(16, "2 1000 0 0 4 1 0", 16, "time shape has 2 samples, the magnitude/amplitude shape 5")]
    [InlineData(16, "1 1000 0 0 4 0 0", 18, "gradient id 1 already used by [GRADIENTS] at line 16")]
    [InlineData(18, "1 2000 100 500 100", 18, "[TRAP] expects 6 columns (Pulseq 1.5.1), found 5")]
    [InlineData(18, "1 2000 -100 500 100 0", 18, "rise = -100 must be in")]
    [InlineData(18, "1 2000 1e300 500 100 0", 18, "rise = 1E+300 must be in")]
    [InlineData(20, "1 64 0 0 0 0 0 0 0", 20, "dwell must be > 0 ns")]
    [InlineData(20, "1 0 10000 0 0 0 0 0 0", 20, "num = 0 is outside [1, 2147483647]")]
    [InlineData(20, "1 1000000000000 10000 0 0 0 0 0 0", 20, "num = 1000000000000 is outside")]
    [InlineData(20, "1 64 10000 0 0 0 0 0 9", 20, "ADC phase shape id 9 is not defined")]
    [InlineData(20, "1 64 10000 0 0 0 0 0 3", 20, "ADC phase shape 3 length differs from num = 64")]
    [InlineData(22, "1 2 1 0", 22, "extension type 2 has no \"extension NAME 2\" specification")]
    [InlineData(22, "1 1 7 0", 22, "extension LABELSET has no entry with id 7")]
    [InlineData(22, "1 1 1 1", 22, "extension list never ends (cycle through next_id)")]
    [InlineData(22, "1 1 1 5", 22, "extension list continues with id 5, which [EXTENSIONS] does not define")]
    [InlineData(24, "1 five LIN", 24, "value: expected an integer, found 'five'")]
    [InlineData(24, "1 5", 24, "missing label (column 3)")]
    [InlineData(27, "num_samples 1e12", 27, "num_samples = 1000000000000 exceeds the limit of 16777216")]
    [InlineData(27, "num_samples 3", 26, "run of 1 at coded value 1 lacks its repeat count")]
    [InlineData(27, "num_samples 0", 27, "num_samples = 0 is outside")]
    [InlineData(42, "0.75", 38, "coded values expand to 4 samples, num_samples says 5")]
    [InlineData(28, "one", 28, "sample: expected a finite number, found 'one'")]
    [InlineData(30, "shape_id 1", 30, "shape id 1 defined twice (first at line 26)")]
    [InlineData(37, "-1", 14, "time shape 3 decreases at sample 2")]
    [InlineData(43, "1000000", 38, "repeat count 1000000 at coded value 4 is not an integer in [0, 5]")]
    [InlineData(43, "0.25", 38, "repeat count 0.25 at coded value 4 is not an integer")]
    [InlineData(10, "[BLOCK]", 10, "unknown section [BLOCK]")]
    [InlineData(10, "[BLOCKS", 10, "malformed section header '[BLOCKS'")]
    [InlineData(13, "[BLOCKS]", 13, "section [BLOCKS] appears twice")]
    [InlineData(21, "[DELAYS]", 21, "[DELAYS] does not exist in Pulseq 1.5.1")]
    [InlineData(23, "extension LABELSET", 23, "missing extension type id (column 3)")]
    public void Read_MalformedLine_ThrowsWithLineAndDetail(int line, string replacement, int expectedLine, string expectedDetail)
    {
        var e = Assert.Throws<PulseqFormatException>(() => Read(With(line, replacement)));

        Assert.Equal(expectedLine, e.Line);
        Assert.Contains(expectedDetail, e.Detail);
        Assert.StartsWith($"{Path}:{expectedLine}: ", e.Message);
    }

    [Fact]
    public void Read_RowsBeforeVersion_Throws()
    {
        var e = Assert.Throws<PulseqFormatException>(() => Read("[BLOCKS]\n1 1 0 0 0 0 0 0\n"));

        Assert.Equal(1, e.Line);
        Assert.Contains("[BLOCKS] before [VERSION]", e.Detail);
    }

    [Fact]
    public void Read_DataBeforeAnySection_Throws()
    {
        var e = Assert.Throws<PulseqFormatException>(() => Read("major 1\n"));

        Assert.Contains("data before the first section header", e.Message);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsNoVersion()
    {
        var e = Assert.Throws<PulseqFormatException>(() => Read(""));

        Assert.Equal($"{Path}:0: no [VERSION] section", e.Message);
    }

    [Fact]
    public void Read_VersionWithoutRevision_ThrowsAtVersionHeader()
    {
        var e = Assert.Throws<PulseqFormatException>(() => Read("[VERSION]\nmajor 1\nminor 4\n[BLOCKS]\n"));

        Assert.Equal(1, e.Line);
        Assert.Contains("[VERSION] needs major, minor and revision", e.Detail);
    }

    [Fact]
    public void Read_HugeLine_RefusedWithoutGrowingForever()
    {
        string text = "[VERSION]\nmajor 1\nminor 5\nrevision 1\n[DEFINITIONS]\nName " + new string('x', SeqLineReader.MaxLineBytes + 10);

        var e = Assert.Throws<PulseqFormatException>(() => Read(text));

        Assert.Equal(6, e.Line);
        Assert.Contains("line longer than", e.Detail);
    }

    [Fact]
    public void Read_Version13BlocksWithEightColumns_AcceptsDelayIds()
    {
        const string text = "[VERSION]\nmajor 1\nminor 3\nrevision 0\n[BLOCKS]\n1 1 0 0 0 0 0 0\n[DELAYS]\n1 250\n";

        var file = PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), Path);

        Assert.Equal(250e-6, file.Delays[1]);
    }

    [Fact]
    public void Read_Version12DelayIdMissing_ThrowsDangling()
    {
        const string text = "[VERSION]\nmajor 1\nminor 2\nrevision 0\n[BLOCKS]\n1 2 0 0 0 0 0\n[DELAYS]\n1 250\n";

        var e = Assert.Throws<PulseqFormatException>(() => Read(text));

        Assert.Equal(6, e.Line);
        Assert.Contains("delay id 2", e.Detail);
    }

    [Fact]
    public void Read_UnknownExtension_KeptAndReported()
    {
        string text = With(23, "extension MYEXT 1").Replace("1 5 LIN", "1 5 7 foo");

        var file = PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), Path);

        Assert.Equal(["5", "7", "foo"], file.UnknownExtensions["MYEXT"][1].Tokens);
        Assert.Contains(file.Warnings, w => w.Contains("unknown extension MYEXT"));
    }
}
