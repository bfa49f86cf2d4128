using System.CommandLine;
using SeqZero.Phantoms;
using SeqZero.Sequences.Builders;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero demo`: the built-in brain through a 64×64 FLASH, written to --out.</summary>
internal static class DemoCommand
{
    private const int Matrix = 64;
    private const double FovMeters = 0.2;
    // 32 isochromats cannot represent gradient/RF spoiling without spurious echoes (stripes); the demo shows the
    // ideal-spoiling image a physicist expects from a spoiled GRE. `simulate` without --perfect-spoiling shows the rest.

    public static Command Create(TextWriter output)
    {
        var outOption = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "seqzero-demo" };
        var command = new Command("demo", "Simulate the built-in brain with a 64×64 FLASH (10°, ideal spoiling, 32 isochromats) and write image.png, kspace.png, signal.npy, image.npy and summary.json.");
        command.Options.Add(outOption);
        command.SetAction(parse =>
        {
            VoxelPhantom brain = BuiltInPhantoms.Brain(Matrix, FovMeters);
            var flash = Flash.Build(new FlashOptions { Matrix = Matrix, FovMeters = FovMeters });
            SimulationJob.Run(flash, brain, "builtin:brain", Matrix, FovMeters, spins: 32, doublePrecision: false, perfectSpoiling: true, diffusion: false,
                parse.GetValue(outOption)!, output);
            return ExitCodes.Success;
        });
        return command;
    }
}
