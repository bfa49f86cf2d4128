using System.Text.Json;
using SeqZero.Cli;
using SeqZero.Tests.IO;

namespace SeqZero.Tests.Phantoms.Loaders;

/// <summary>End-to-end tests of `seqzero phantom info` (src/SeqZero.Cli/Commands/PhantomCommand.cs) through Program.Run.</summary>
public class PhantomCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Info_BuiltInSphereJson_PrintsGridAndRanges()
    {
        (int code, string output, _) = Run("phantom", "info", "builtin:sphere", "--matrix", "16", "--json");

        Assert.Equal(ExitCodes.Success, code);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.Equal(16, doc.RootElement.GetProperty("size_x").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("coil_count").GetInt32());
        Assert.Equal(1.0, doc.RootElement.GetProperty("t1_seconds").GetProperty("max").GetDouble());
    }

    [Fact]
    public void Info_JemrisFile_PrintsTextWithInfiniteT2Prime()
    {
        (int code, string output, _) = Run("phantom", "info", JemrisSampleLoaderTests.KomaBrain);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("180 × 216 voxels, 25841 with PD ≠ 0", output);
        Assert.Contains("T2'          Infinity … Infinity s", output);
    }

    [Fact]
    public void Info_BadFile_ExitsTwoWithOneSentence()
    {
        using var temp = new TempFolder();
        string path = temp.File("bad.mat");
        File.WriteAllBytes(path, new byte[10]);

        (int code, _, string error) = Run("phantom", "info", path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"seqzero: {path}: MAT file: header: 10 bytes; a MAT v5 file starts with a 128-byte header.{Environment.NewLine}", error);
    }
}
