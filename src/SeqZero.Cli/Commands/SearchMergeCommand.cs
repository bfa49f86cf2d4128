using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero search merge DIR...`: reads every seed record (*-seed*.json) in the folders, scores them against the
/// grid optimum (--grid FILE from `seqzero grid --out`, else the grid is run on the records' evaluation voxels), and
/// writes table.md, table.json and PNGs (each category's representative design and its |Mxy|(t)) to --out.</summary>
internal static class SearchMergeCommand
{
    public static Command Create(TextWriter output, SearchSetup setup)
    {
        var folders = new Argument<string[]>("folders") { Description = "Folders with seed records.", Arity = ArgumentArity.OneOrMore };
        var grid = new Option<string?>("--grid") { Description = "Grid optimum JSON (seqzero grid … --out); default: run the grid." };
        var outOption = new Option<string?>("--out") { Description = "Output folder (default: the first input folder)." };
        var command = new Command("merge", "Summarise seed records into the paper's result table (table.md, table.json, PNGs).") { folders, grid, outOption };
        command.SetAction(parse =>
        {
            string[] inputs = parse.GetValue(folders)!;
            SearchRecord[] records = [.. inputs.SelectMany(Read).OrderBy(r => r.Seed)];
            if (records.Length == 0) throw new ArgumentException($"merge: no seed records (*-seed*.json) in {string.Join(", ", inputs)}.");
            SearchRecord first = records[0];
            ExperimentSpec spec = first.Spec();
            SearchObjective objective = SearchObjective.From(spec);
            if (records.Any(r => r.Experiment != first.Experiment || SearchObjective.From(r.Spec()) != objective
                || r.GateGradients != first.GateGradients || r.EvaluationVoxels != first.EvaluationVoxels || r.DataSeed != first.DataSeed || r.SpinsPerVoxel != first.SpinsPerVoxel))
                throw new ArgumentException("merge: the records differ in experiment, loss weights or tissues, gate gradients or evaluation set; merge one configuration at a time.");
            SpinSet spins = SpinSet.Create(first.SpinsPerVoxel);
            GridCommand.Report gridReport = parse.GetValue(grid) is { } gridFile
                ? JsonSerializer.Deserialize<GridCommand.Report>(File.ReadAllText(gridFile), JsonOutput.Options)
                    ?? throw new InvalidDataException($"{gridFile}: not a grid report.")
                : GridCommand.Compute(spec, VoxelDataSet.Generate(new VoxelDataSetOptions { Count = first.EvaluationVoxels, Seed = first.DataSeed, Tissues = spec.Tissues }),
                    spins, setup.ThreadCount(parse), spec.NeedsDoubleInversionReference ? DoubleInversionGrid.Default : null);
            if (gridReport.Objective is { } gridObjective && gridObjective != objective)
                throw new ArgumentException($"merge: the grid report {parse.GetValue(grid)} optimises another loss than the records (weights, tissues or T1); run `seqzero grid` with the search's options.");
            SearchSummary summary = SearchSummary.Summarise(records, gridReport.Loss);

            string folder = parse.GetValue(outOption) ?? inputs[0];
            Directory.CreateDirectory(folder);
            JsonOutput.Write(Path.Combine(folder, "table.json"), new { summary, grid = gridReport });
            File.WriteAllText(Path.Combine(folder, "table.md"), Markdown(summary, gridReport, spec));
            SearchPlots.Write(folder, summary, records, gridReport, spins, spec.Tissues, output);
            output.WriteLine(Markdown(summary, gridReport, spec));
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<SearchRecord> Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"merge: folder '{folder}' does not exist.");
        foreach (string file in Directory.EnumerateFiles(folder, "*-seed*.json").Order(StringComparer.Ordinal))
        {
            SearchRecord record;
            try
            {
                record = JsonSerializer.Deserialize<SearchRecord>(File.ReadAllText(file), JsonOutput.Options)
                    ?? throw new InvalidDataException("not a search record");
                record.Spec(); // the objective must rebuild an experiment
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidDataException)
            {
                throw new InvalidDataException($"{file}: not a valid search record ({ExitCodes.Describe(e)}).");
            }
            yield return record;
        }
    }

    private static string Markdown(SearchSummary s, GridCommand.Report grid, ExperimentSpec spec)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Sequence Search — {s.Experiment}: {s.Seeds} seeds, {s.Successful} successful (loss within 5 % of the grid optimum {grid.Loss:F5})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Loss: {ObjectiveText.Describe(spec)}.");
        md.AppendLine();
        md.AppendLine("| Category | Rate (%, 95 % CI) | GM | WM | CSF | RF energy (%) | Time to readout (ms) | Flips (°) | Phases (°) | Refocusing phase (°) | Loss |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        // the two-RF optimum's second phase is its refocusing phase; the double-inversion reference has none
        string refocusing = grid.PhasesDeg.Length == 2 ? grid.PhasesDeg[1].ToString("F0", CultureInfo.InvariantCulture) : "–";
        md.AppendLine(CultureInfo.InvariantCulture, $"| Optimal grid-search ({string.Join("°–", grid.FlipsDeg.Select(f => f.ToString("F0", CultureInfo.InvariantCulture)))}°) | – | {grid.Signals["GM"]:F2} | {grid.Signals["WM"]:F2} | {grid.Signals["CSF"]:F2} | {100 * grid.RfEnergyRelative:F1} | {1e3 * grid.TimeToReadoutS:F1} | [{string.Join(", ", grid.FlipsDeg.Select(f => f.ToString("F1", CultureInfo.InvariantCulture)))}] | [{string.Join(", ", grid.PhasesDeg.Select(p => p.ToString("F0", CultureInfo.InvariantCulture)))}] | {refocusing} | {grid.Loss:F5} |");
        foreach (CategorySummary c in s.Categories)
        {
            string flips = c.FlipsDeg is null ? "–" : $"[{string.Join(", ", c.FlipsDeg.Select(x => Pm(x, "F1")))}]";
            string phases = c.PhasesDeg is null ? "–" : $"[{string.Join(", ", c.PhasesDeg.Select(x => Pm(x, "F1")))}]";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Name} | {100 * c.Rate:F0} ({100 * c.Rate95.Low:F0}–{100 * c.Rate95.High:F0}) | {Pm(c.Signals["GM"], "F2")} | {Pm(c.Signals["WM"], "F2")} | {Pm(c.Signals["CSF"], "F2")} | {Pm(c.RfEnergyRelative, "F1", 100)} | {Pm(c.TimeToReadoutS, "F1", 1e3)} | {flips} | {phases} | {Pm(c.RefocusingPhaseDeg, "F1")} | {Pm(c.Loss, "F5")} |");
        }
        return md.ToString();
    }

    private static string Pm(Stat s, string format, double scale = 1) => double.IsNaN(s.Mean) ? "–"
        : $"{(s.Mean * scale).ToString(format, CultureInfo.InvariantCulture)} ± {(s.Sd * scale).ToString(format, CultureInfo.InvariantCulture)}";
}
