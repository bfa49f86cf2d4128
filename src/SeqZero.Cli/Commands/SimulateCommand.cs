using System.CommandLine;
using SeqZero.Phantoms;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero simulate`: a built-in sequence on a phantom; signal, image, plots and summary to --out.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output)
    {
        var sequence = new Option<string>("--sequence") { Description = $"Built-in sequence: {string.Join("|", SequenceCatalog.Names)}.", DefaultValueFactory = _ => "flash" };
        var seqFile = new Option<string?>("--seq") { Description = "A Pulseq .seq file (1.2–1.5) to simulate instead of a built-in sequence." };
        var coils = new Option<string?>("--coils") { Description = "For --seq: .npy of complex receive sensitivities, shape (coils, spins)." };
        var engine = new Option<string>("--engine") { Description = "For --seq: block (time-resolved, default) | fast (instantaneous RF at each pulse centre). Built-in sequences always run on fast.", DefaultValueFactory = _ => "" };
        var matrix = new Option<int>("--matrix") { Description = "Matrix size N (N×N).", DefaultValueFactory = _ => 64 };
        var fov = new Option<double>("--fov") { Description = "Field of view [m].", DefaultValueFactory = _ => 0.2 };
        var tr = new Option<double?>("--tr") { Description = "Repetition time [s] (default: the builder's shortest)." };
        var te = new Option<double?>("--te") { Description = "Echo time [s] (RARE: echo spacing)." };
        var flip = new Option<double?>("--flip") { Description = "Flip angle [deg] (RARE: refocusing flip)." };
        var phantom = new Option<string>("--phantom") { Description = "builtin:brain | builtin:sphere | FILE.", DefaultValueFactory = _ => "builtin:brain" };
        var spins = new Option<int>("--spins") { Description = "Isochromats per voxel.", DefaultValueFactory = _ => Isochromats.DefaultCount };
        var precision = new Option<string>("--precision") { Description = "single | double.", DefaultValueFactory = _ => "single" };
        var perfectSpoiling = new Option<bool>("--perfect-spoiling") { Description = "Zero M⊥ before every excitation (ideal spoiling)." };
        var diffusion = new Option<bool>("--diffusion") { Description = "Attenuate M⊥ by e^{−D·b} along the k-space trajectory (built-in sequences)." };
        var outOption = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "seqzero-simulate" };
        var command = new Command("simulate", "Simulate a built-in sequence on a phantom and reconstruct the image.")
        {
            sequence, seqFile, engine, coils, matrix, fov, tr, te, flip, phantom, spins, precision, perfectSpoiling, diffusion, outOption,
        };
        command.SetAction(parse =>
        {
            string p = parse.GetValue(precision)!;
            if (p is not ("single" or "double")) throw new ArgumentException($"--precision: '{p}' is neither single nor double.");
            int n = parse.GetValue(matrix), s = parse.GetValue(spins);
            if (s < 1) throw new ArgumentException($"--spins: {s} must be ≥ 1.");
            string engineName = parse.GetValue(engine)!;
            if (parse.GetValue(seqFile) is { } path)
            {
                if (engineName is not ("" or "block" or "fast"))
                    throw new ArgumentException($"--engine: '{engineName}' is neither block nor fast.");
                PulseqSimulationJob.Run(path, parse.GetValue(phantom)!, n, parse.GetValue(fov), s, p == "double", engineName == "fast", parse.GetValue(coils), parse.GetValue(outOption)!, output);
                return ExitCodes.Success;
            }
            if (engineName is not ("" or "fast"))
                throw new ArgumentException($"--engine: '{engineName}' runs .seq files (--seq); built-in sequences run on the fast engine.");
            double f = parse.GetValue(fov);
            Sequence seq = SequenceCatalog.Build(new SequenceCatalog.Request(parse.GetValue(sequence)!, n, f,
                parse.GetValue(tr), parse.GetValue(te), parse.GetValue(flip)));
            string phantomSpec = parse.GetValue(phantom)!;
            VoxelPhantom ph = PhantomSource.Load(phantomSpec, n, f);
            SimulationJob.Run(seq, ph, phantomSpec, n, f, s, p == "double", parse.GetValue(perfectSpoiling), parse.GetValue(diffusion), parse.GetValue(outOption)!, output);
            return ExitCodes.Success;
        });
        return command;
    }
}
