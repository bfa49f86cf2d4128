using SeqZero.Cli;

namespace SeqZero.Tests;

/// <summary>Runs the `seqzero` tool in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
