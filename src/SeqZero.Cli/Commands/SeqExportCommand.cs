using System.CommandLine;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Conversion;
using SeqZero.Pulseq.Writing;
using SeqZero.Sequences;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero seq export`: a built-in SeqZero sequence as a signed Pulseq file a scanner can run.</summary>
internal static class SeqExportCommand
{
    public static Command Create(TextWriter output)
    {
        var sequence = new Option<string>("--sequence") { Description = $"Built-in sequence: {string.Join("|", SequenceCatalog.Names)}.", DefaultValueFactory = _ => "flash" };
        var matrix = new Option<int>("--matrix") { Description = "Matrix size N (N×N).", DefaultValueFactory = _ => 64 };
        var fov = new Option<double>("--fov") { Description = "Field of view [m].", DefaultValueFactory = _ => 0.2 };
        var tr = new Option<double?>("--tr") { Description = "Repetition time [s]." };
        var te = new Option<double?>("--te") { Description = "Echo time [s] (RARE: echo spacing)." };
        var flip = new Option<double?>("--flip") { Description = "Flip angle [deg] (RARE: refocusing flip)." };
        var slice = new Option<double?>("--slice-thickness") { Description = "Slice thickness [m]: sinc pulses (TBW 4) with slice selection; default: non-selective block pulses." };
        var rfDuration = new Option<double>("--rf-duration") { Description = "Pulse duration [s].", DefaultValueFactory = _ => 1e-3 };
        var maxGrad = new Option<string?>("--max-grad") { Description = "Gradient limit, e.g. 40mT/m or 1.7e6Hz/m (default 40 mT/m)." };
        var maxSlew = new Option<string?>("--max-slew") { Description = "Slew-rate limit, e.g. 170T/m/s (default 170 T/m/s)." };
        var version = new Option<string>("--version") { Description = "Pulseq version to write: 1.4.2 or 1.5.1.", DefaultValueFactory = _ => "1.5.1" };
        var outFile = new Option<FileInfo>("--out") { Description = "The .seq file to write.", Required = true };
        var command = new Command("export", "Write a built-in sequence as a Pulseq file: trapezoids within the limits, block or slice-selective sinc pulses, MD5 signature.")
        {
            sequence, matrix, fov, tr, te, flip, slice, rfDuration, maxGrad, maxSlew, version, outFile,
        };
        command.SetAction(parse =>
        {
            Sequence built = SequenceCatalog.Build(new SequenceCatalog.Request(parse.GetValue(sequence)!, parse.GetValue(matrix), parse.GetValue(fov),
                parse.GetValue(tr), parse.GetValue(te), parse.GetValue(flip)));
            var defaults = new PulseqExportOptions();
            var options = new PulseqExportOptions
            {
                SliceThicknessMeters = parse.GetValue(slice),
                RfDurationSeconds = parse.GetValue(rfDuration),
                MaxGradientHzPerMeter = SeqUnits.GradientHzPerMeter(parse.GetValue(maxGrad), "--max-grad") ?? defaults.MaxGradientHzPerMeter,
                MaxSlewHzPerMeterPerSecond = SeqUnits.SlewHzPerMeterPerSecond(parse.GetValue(maxSlew), "--max-slew") ?? defaults.MaxSlewHzPerMeterPerSecond,
            };
            PulseqVersion target = SeqUnits.WritableVersion(parse.GetValue(version)!);
            FileInfo destination = parse.GetValue(outFile)!;
            var file = SequenceToPulseq.Convert(built, options);
            PulseqWriter.WriteFile(file, target, destination.FullName);
            output.WriteLine($"{built.Name} → {destination.FullName} (Pulseq {target}, {file.Blocks.Count} blocks)");
            return ExitCodes.Success;
        });
        return command;
    }
}
