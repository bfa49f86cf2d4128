using System.CommandLine;
using SeqZero.Cli.Commands;

namespace SeqZero.Cli;

/// <summary>Entry point of the `seqzero` tool: one verb per job; exit 0 success, 1 runtime failure, 2 bad input.</summary>
public static class Program
{
    public static int Main(string[] args) =>
        (WideVectorRelaunch.WantedHere(args) ? WideVectorRelaunch.TryRun(args) : null) ?? Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool with the given writers (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("SeqZero: differentiable MRI sequence simulation, optimisation and Pulseq I/O.");
        foreach (Command verb in Verbs.All(output)) root.Subcommands.Add(verb);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // unknown options, missing or malformed values: bad input; the first problem is the one to fix
                error.WriteLine($"seqzero: {parse.Errors[0].Message} (see --help)");
                return ExitCodes.BadInput;
            }
            return parse.Invoke(configuration);
        }
        catch (Exception e) when (ExitCodes.IsBadInput(e))
        {
            error.WriteLine($"seqzero: {ExitCodes.Describe(e)}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("seqzero: stopped.");
            return ExitCodes.RuntimeFailure;
        }
        catch (Exception e)
        {
            error.WriteLine($"seqzero: {e.GetType().Name}: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }
    }
}
