namespace SeqZero.Tests;

public class SmokeTests
{
    [Fact]
    public void Cli_Help_ExitsZero()
    {
        var output = new StringWriter();
        int code = SeqZero.Cli.Program.Run(["--help"], output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("demo", output.ToString());
    }
}
