using System.CommandLine;
using System.Text.Json;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Conversion;
using SeqZero.Pulseq.Writing;
using SeqZero.Search;
using SeqZero.Sequences;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero search export FILE --out design.seq`: the design of a seed record (or of a grid report, e.g. the
/// grid optimum) as a signed Pulseq file: non-selective block pulses centred at the design's RF times, an ADC window
/// centred at its readout, a spoiler, optionally several shots at a repetition time (<see cref="DesignExport"/>).</summary>
internal static class SearchExportCommand
{
    public static Command Create(TextWriter output)
    {
        var input = new Argument<FileInfo>("file") { Description = "A seed record (EXP-seedNNNN.json) or a grid report (grid-EXP.json)." };
        var rfDuration = new Option<double>("--rf-duration-ms") { Description = "Block pulse duration [ms].", DefaultValueFactory = _ => 1.0 };
        var samples = new Option<int>("--adc-samples") { Description = "Samples of the readout window, centred on the design's readout.", DefaultValueFactory = _ => 64 };
        var dwell = new Option<double>("--dwell-us") { Description = "ADC dwell time [µs]: a multiple of 2 µs with samples × dwell a multiple of 10 µs.", DefaultValueFactory = _ => 20 };
        var repetitions = new Option<int>("--repetitions") { Description = "Shots (averages).", DefaultValueFactory = _ => 1 };
        var tr = new Option<double?>("--tr") { Description = "Repetition time [s] per shot (default: shots back to back)." };
        var version = new Option<string>("--version") { Description = "Pulseq version to write: 1.4.2 or 1.5.1.", DefaultValueFactory = _ => "1.5.1" };
        var outFile = new Option<FileInfo>("--out") { Description = "The .seq file to write.", Required = true };
        var command = new Command("export", "Write a search record's (or grid optimum's) design as a Pulseq file a scanner can run.")
        {
            input, rfDuration, samples, dwell, repetitions, tr, version, outFile,
        };
        command.SetAction(parse =>
        {
            FileInfo source = parse.GetValue(input)!;
            ProcessedDesign design = ReadDesign(source);
            var options = new DesignExportOptions
            {
                Scanner = new PulseqExportOptions { RfDurationSeconds = parse.GetValue(rfDuration) * 1e-3 },
                AdcSamples = parse.GetValue(samples), DwellSeconds = parse.GetValue(dwell) * 1e-6,
                Repetitions = parse.GetValue(repetitions), RepetitionTimeSeconds = parse.GetValue(tr),
                Name = Path.GetFileNameWithoutExtension(source.Name),
            };
            PulseqVersion target = SeqUnits.WritableVersion(parse.GetValue(version)!);
            FileInfo destination = parse.GetValue(outFile)!;
            int blocks = Write(design, options, destination.FullName, target);
            output.WriteLine($"{source.Name}: [{string.Join(", ", design.FlipsDegrees.Select(f => $"{f:F1}"))}]° → {destination.FullName} " +
                $"(Pulseq {target}, {blocks} blocks, readout {design.TimeToReadoutSeconds * 1e3:F2} ms after the first RF centre)");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes <paramref name="design"/> as a signed Pulseq file; returns its block count.</summary>
    /// <exception cref="ArgumentException">Timing the scanner cannot play (see <see cref="DesignExport.ToSequence"/>).</exception>
    public static int Write(ProcessedDesign design, DesignExportOptions options, string path, PulseqVersion version)
    {
        Sequence sequence = DesignExport.ToSequence(design, options);
        var file = SequenceToPulseq.Convert(sequence, options.Scanner);
        PulseqWriter.WriteFile(file, version, path);
        return file.Blocks.Count;
    }

    /// <summary>flips_deg, phases_deg, times_s and time_to_readout_s, as seed records and grid reports store them.</summary>
    private static ProcessedDesign ReadDesign(FileInfo source)
    {
        if (!source.Exists) throw new FileNotFoundException($"{source.FullName}: no such file.");
        double[] flips, phases, times;
        try
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(source.FullName));
            double[] Numbers(string name) => json.RootElement.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.Array
                ? [.. e.EnumerateArray().Select(x => x.GetDouble())]
                : throw new InvalidDataException($"{source.FullName}: no '{name}' array; expected a seed record or a grid report.");
            (flips, phases, times) = (Numbers("flips_deg"), Numbers("phases_deg"), Numbers("times_s"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source.FullName}: not a seed record or grid report ({e.Message})");
        }
        if (phases.Length != flips.Length || times.Length != flips.Length)
            throw new InvalidDataException($"{source.FullName}: flips_deg, phases_deg and times_s differ in length.");
        if (flips.Concat(phases).Concat(times).Any(x => !double.IsFinite(x)) || times.Any(t => t < 0))
            throw new InvalidDataException($"{source.FullName}: a flip, phase or time is not finite, or a time is negative.");
        return new ProcessedDesign(flips, phases, times, times.Sum());
    }
}
