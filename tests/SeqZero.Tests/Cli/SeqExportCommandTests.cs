using SeqZero.Cli;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Cli;

public class SeqExportCommandTests
{
    [Theory]
    [InlineData("flash", null)]
    [InlineData("flash", "0.005")]
    [InlineData("rare", null)]
    public void Export_BuiltInSequence_WritesAFileThatPassesTheCheck(string sequence, string? slice)
    {
        using var temp = new TempFolder();
        string path = temp.File($"{sequence}.seq");
        string[] args = ["seq", "export", "--sequence", sequence, "--matrix", "16", "--out", path];
        if (slice is not null) args = [.. args, "--slice-thickness", slice];

        (int code, _, string error) = CliRunner.Run(args);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("seq", "check", path).Code);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("seq", "signature", path).Code);
        DecodedSequence decoded = PulseqDecoder.Decode(PulseqReader.ReadFile(path));
        Assert.Equal(16 * 16, decoded.Blocks.Sum(b => b.Adc?.NumSamples ?? 0));
    }

    [Fact]
    public void Export_SliceTooThinForTheGradient_ExitsTwoNamingTheLimit()
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run("seq", "export", "--slice-thickness", "0.0001", "--out", temp.File("x.seq"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("limit", error);
    }
}
