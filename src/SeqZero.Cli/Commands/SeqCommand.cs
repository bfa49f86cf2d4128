using System.CommandLine;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero seq`: Pulseq files — report, check, signature, convert.</summary>
internal static class SeqCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("seq", "Read, check, report on, sign and convert Pulseq .seq files (1.2–1.5).");
        command.Subcommands.Add(Report(output));
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
