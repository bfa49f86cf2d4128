using System.CommandLine;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;
using SeqZero.Pulseq.Writing;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero seq`: Pulseq files — report, check, signature, convert, plot. Bad files and options exit 2 with
/// "path:line: detail" (Program maps the exceptions); check and signature exit 1 when the file fails them.</summary>
internal static class SeqCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("seq", "Read, check, report on, sign, convert and plot Pulseq .seq files (1.2–1.5); export built-in sequences.");
        command.Subcommands.Add(Report(output));
        command.Subcommands.Add(Check(output));
        command.Subcommands.Add(Signature(output));
        command.Subcommands.Add(Convert(output));
        command.Subcommands.Add(Plot(output));
        command.Subcommands.Add(SeqExportCommand.Create(output));
        return command;
    }

    private static Command Plot(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The .seq file." };
        var outFile = new Option<FileInfo>("--out") { Description = "PNG to write.", Required = true };
        var range = new Option<string?>("--time-range") { Description = "Time window in seconds, \"from,to\" (default: the whole sequence)." };
        var command = new Command("plot", "Draw RF magnitude/phase, ADC samples, gradients and k-space of a .seq file into one PNG.");
        command.Arguments.Add(file);
        command.Options.Add(outFile);
        command.Options.Add(range);
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            (double from, double to) = SeqUnits.TimeRange(parse.GetValue(range), "--time-range");
            DecodedSequence sequence = PulseqDecoder.Decode(PulseqReader.ReadFile(input.FullName));
            string path = parse.GetValue(outFile)!.FullName;
            SeqPlot.Render(sequence, path, from, to);
            output.WriteLine($"{input.Name}: plot written to {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Check(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The .seq file." };
        var maxGrad = new Option<string?>("--max-grad") { Description = "Gradient limit: a number with unit Hz/m (default) or mT/m, e.g. 40mT/m." };
        var maxSlew = new Option<string?>("--max-slew") { Description = "Slew-rate limit: a number with unit Hz/m/s (default) or T/m/s, e.g. 170T/m/s." };
        var rfDead = new Option<double>("--rf-dead-time") { Description = "RF dead time before each pulse [µs]." };
        var rfRingdown = new Option<double>("--rf-ringdown-time") { Description = "RF ringdown time after each pulse [µs]." };
        var adcDead = new Option<double>("--adc-dead-time") { Description = "ADC dead time before each readout [µs]." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: file, blocks, passed, violations." };
        var command = new Command("check", "Timing and hardware check: rasters, block durations, gradient continuity, amplitude and slew limits, dead times; exit 1 on violations.");
        command.Arguments.Add(file);
        foreach (Option option in new Option[] { maxGrad, maxSlew, rfDead, rfRingdown, adcDead, json }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            var limits = new PulseqHardwareLimits(
                SeqUnits.GradientHzPerMeter(parse.GetValue(maxGrad), "--max-grad"),
                SeqUnits.SlewHzPerMeterPerSecond(parse.GetValue(maxSlew), "--max-slew"),
                SeqUnits.Microseconds(parse.GetValue(rfDead), "--rf-dead-time"),
                SeqUnits.Microseconds(parse.GetValue(rfRingdown), "--rf-ringdown-time"),
                SeqUnits.Microseconds(parse.GetValue(adcDead), "--adc-dead-time"));
            DecodedSequence sequence = PulseqDecoder.Decode(PulseqReader.ReadFile(input.FullName));
            IReadOnlyList<PulseqTimingViolation> violations = PulseqTimingCheck.Check(sequence, limits);
            if (parse.GetValue(json))
            {
                var record = new
                {
                    file = input.Name,
                    blocks = sequence.Blocks.Count,
                    passed = violations.Count == 0,
                    violations = violations.Select(v => new { block = v.Block, message = v.Message }),
                };
                output.WriteLine(System.Text.Json.JsonSerializer.Serialize(record));
                return violations.Count == 0 ? ExitCodes.Success : ExitCodes.RuntimeFailure;
            }
            foreach (PulseqTimingViolation v in violations) output.WriteLine($"{input.Name}: {v}");
            output.WriteLine(violations.Count == 0
                ? $"{input.Name}: {sequence.Blocks.Count} blocks, timing check passed"
                : $"{input.Name}: {violations.Count} violation(s)");
            return violations.Count == 0 ? ExitCodes.Success : ExitCodes.RuntimeFailure;
        });
        return command;
    }

    private static Command Signature(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The .seq file." };
        var add = new Option<bool>("--add") { Description = "Write (or replace) the MD5 signature in place." };
        var command = new Command("signature", "Verify the MD5 signature of a .seq or .bseq file (exit 1 when invalid or absent), or add it with --add.");
        command.Arguments.Add(file);
        command.Options.Add(add);
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            byte[] bytes = File.ReadAllBytes(input.FullName);
            if (parse.GetValue(add))
            {
                File.WriteAllBytes(input.FullName, PulseqSignature.Resign(bytes));
                output.WriteLine($"{input.Name}: signed ({PulseqSignature.Md5Hex(PulseqSignature.SignedContent(bytes))})");
                return ExitCodes.Success;
            }
            PulseqSignatureStatus status = PulseqSignature.Verify(bytes);
            output.WriteLine($"{input.Name}: signature {status.ToString().ToLowerInvariant()}");
            return status == PulseqSignatureStatus.Valid ? ExitCodes.Success : ExitCodes.RuntimeFailure;
        });
        return command;
    }

    private static Command Convert(TextWriter output)
    {
        var input = new Argument<FileInfo>("IN") { Description = "The .seq (1.2–1.5) or .bseq file to read." };
        var outputFile = new Argument<FileInfo>("OUT") { Description = "The file to write: binary Pulseq when it ends in .bseq (1.5 only), text otherwise." };
        var version = new Option<string>("--version") { Description = "Output format version: 1.4.2 or 1.5.1.", DefaultValueFactory = _ => "1.5.1" };
        var command = new Command("convert", "Read a .seq or .bseq file and write it in Pulseq 1.4.2 or 1.5.1 (.bseq: 1.5.1), de-duplicated, compressed and signed.");
        command.Arguments.Add(input);
        command.Arguments.Add(outputFile);
        command.Options.Add(version);
        command.SetAction(parse =>
        {
            FileInfo source = parse.GetValue(input)!, destination = parse.GetValue(outputFile)!;
            PulseqVersion target = SeqUnits.WritableVersion(parse.GetValue(version)!);
            PulseqFile file = PulseqReader.ReadFile(source.FullName);
            if (destination.Extension.Equals(".bseq", StringComparison.OrdinalIgnoreCase)) BinarySeqWriter.WriteFile(file, target, destination.FullName);
            else PulseqWriter.WriteFile(file, target, destination.FullName);
            output.WriteLine($"{source.Name} ({file.Version}) → {destination.Name} ({target}), {file.Blocks.Count} blocks");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Report(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The .seq file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of MATLAB testReport's text." };
        var command = new Command("report", "Print what MATLAB's testReport prints: blocks, events, duration, TE/TR, flip angles, k-space, max gradient and slew.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            DecodedSequence sequence = PulseqDecoder.Decode(PulseqReader.ReadFile(input.FullName));
            PulseqReport report = PulseqReport.Create(sequence);
            output.Write(parse.GetValue(json) ? PulseqReportJson.Format(report) + "\n" : PulseqReportText.Format(report, input.Name));
            return ExitCodes.Success;
        });
        return command;
    }
}
