using System.CommandLine;

namespace SeqZero.Cli.Commands;

/// <summary>The list of `seqzero` verbs, in the order `--help` shows them.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> All(TextWriter output)
    {
        yield return DemoCommand.Create(output);
        yield return SimulateCommand.Create(output);
        yield return OptimizeCommand.Create(output);
        yield return SearchCommand.Create(output);
        yield return GridCommand.Create(output);
        yield return SeqCommand.Create(output);
        yield return PhantomCommand.Create(output);
        yield return BenchCommand.Create(output);
    }
}
