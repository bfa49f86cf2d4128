using System.Text.Json;
using SeqZero.Cli;

namespace SeqZero.Tests.Pulseq;

/// <summary>`seqzero seq …` end to end, in process.</summary>
public class SeqCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Report_Gre_PrintsMatlabLayout()
    {
        (int code, string output, _) = Run("seq", "report", PulseqTestData.Seq("pulseq-matlab", "gre.seq"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Number of blocks: 320", output);
        Assert.Contains("TE: 0.007390s", output);
    }

    [Fact]
    public void ReportJson_Fid_IsOneObjectWithSignature()
    {
        (int code, string output, _) = Run("seq", "report", PulseqTestData.Seq("pulseq-matlab", "fid.seq"), "--json");

        Assert.Equal(ExitCodes.Success, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(64, json.RootElement.GetProperty("blocks").GetInt32());
        Assert.Equal("valid", json.RootElement.GetProperty("signature").GetString());
        Assert.Equal(90.0, json.RootElement.GetProperty("flip_angles_deg")[0].GetDouble(), 0.005);
    }

    [Fact]
    public void Report_MalformedFile_ExitsTwoWithFileAndLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"seqzero-bad-{Guid.NewGuid():N}.seq");
        File.WriteAllText(path, "[VERSION]\nmajor 1\nminor 5\nrevision 0\n[BLOCKS]\n1 10 0 0 0 0 0\n");
        try
        {
            (int code, _, string error) = Run("seq", "report", path);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains($"{path}:6: [BLOCKS] expects 8 columns", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_LowGradientLimit_ExitsOneNamingBlocks()
    {
        (int code, string output, _) = Run("seq", "check", PulseqTestData.Seq("pulseq-matlab", "gre.seq"), "--max-grad", "25mT/m");

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("gre.seq: block 5: Gx amplitude 1.1907e+06 Hz/m exceeds 1.06444e+06 Hz/m", output); // 25 mT/m = 1.06444 MHz/m
    }

    [Fact]
    public void CheckJson_LowSlewLimit_ListsViolationsWithBlocks()
    {
        (int code, string output, _) = Run("seq", "check", PulseqTestData.Seq("pulseq-matlab", "gre.seq"), "--max-slew", "100T/m/s", "--json");

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        JsonElement first = json.RootElement.GetProperty("violations")[0];
        Assert.True(first.GetProperty("block").GetInt32() >= 1);
        Assert.Contains("slew rate", first.GetProperty("message").GetString());
    }

    [Fact]
    public void Check_SharedGre_Passes()
    {
        (int code, string output, _) = Run("seq", "check", PulseqTestData.Seq("pulseq-matlab", "gre.seq"), "--max-grad", "40mT/m", "--max-slew", "200T/m/s");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("timing check passed", output);
    }

    [Fact]
    public void Check_BadLimitUnit_ExitsTwo()
    {
        (int code, _, string error) = Run("seq", "check", PulseqTestData.Seq("pulseq-matlab", "gre.seq"), "--max-grad", "40G/cm");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--max-grad", error);
    }

    [Fact]
    public void ConvertThenSignature_Mprage120To142_WritesSignedFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"seqzero-conv-{Guid.NewGuid():N}.seq");
        try
        {
            (int code, _, _) = Run("seq", "convert", PulseqTestData.Seq("pypulseq", "simple_mprage120.seq"), path, "--version", "1.4.2");
            Assert.Equal(ExitCodes.Success, code);

            (int verify, string output, _) = Run("seq", "signature", path);

            Assert.Equal(ExitCodes.Success, verify);
            Assert.Contains("signature valid", output);
            Assert.StartsWith("# Pulseq sequence file\n# Created by SeqZero\n\n[VERSION]\nmajor 1\nminor 4\nrevision 2\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SignatureAdd_UnsignedFile_BecomesValid()
    {
        string path = Path.Combine(Path.GetTempPath(), $"seqzero-sign-{Guid.NewGuid():N}.seq");
        File.Copy(PulseqTestData.Seq("pypulseq", "simple_mprage130.seq"), path);
        try
        {
            Assert.Equal(ExitCodes.RuntimeFailure, Run("seq", "signature", path).Code); // absent

            Assert.Equal(ExitCodes.Success, Run("seq", "signature", path, "--add").Code);

            Assert.Equal(ExitCodes.Success, Run("seq", "signature", path).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plot_GreWindow_WritesPng()
    {
        string path = Path.Combine(Path.GetTempPath(), $"seqzero-plot-{Guid.NewGuid():N}.png");
        try
        {
            (int code, _, _) = Run("seq", "plot", PulseqTestData.Seq("pulseq-matlab", "gre.seq"), "--out", path, "--time-range", "0,0.2");

            Assert.Equal(ExitCodes.Success, code);
            byte[] png = File.ReadAllBytes(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plot_BadTimeRange_ExitsTwo()
    {
        (int code, _, string error) = Run("seq", "plot", PulseqTestData.Seq("pulseq-matlab", "fid.seq"), "--out", "x.png", "--time-range", "2,1");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--time-range must be two times in seconds", error);
    }

    [Fact]
    public void Convert_UnsupportedVersion_ExitsTwo()
    {
        (int code, _, string error) = Run("seq", "convert", PulseqTestData.Seq("pypulseq", "seq_trap_only.seq"), "unused.seq", "--version", "1.3.0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--version must be 1.4.2 or 1.5.1", error);
    }
}
