using System.CommandLine;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero demo`: the built-in brain through a 64×64 FLASH, written to --out.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output)
    {
        var outOption = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "seqzero-demo" };
        var command = new Command("demo", "Simulate the built-in brain with a 64×64 FLASH and write image, k-space, signal and summary.");
        command.Options.Add(outOption);
        command.SetAction(parse =>
        {
            output.WriteLine($"demo: would write to {Path.GetFullPath(parse.GetValue(outOption)!)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
