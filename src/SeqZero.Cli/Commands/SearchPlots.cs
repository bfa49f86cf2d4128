using ScottPlot;
using SeqZero.Pulseq;
using SeqZero.Reports;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>Files of `search merge`: per category (and the grid optimum) the representative design — the member with the
/// lowest loss — as an RF diagram (flip vs time, phase labels) and its |Mxy|(t) for the nominal GM, WM and CSF voxels
/// (the spin-echo refocusing curves of Fig. 4d–f); for designs longer than <see cref="LongDesignSeconds"/> (inversion
/// prepared) also the last <see cref="ReadoutWindowSeconds"/> before the readout, where the echo forms; and the design as
/// a Pulseq file (one shot, <see cref="DesignExportOptions"/> defaults) unless its timing cannot be played.</summary>
internal static class SearchPlots
{
    private const int Width = 640, Height = 420;
    private const double LongDesignSeconds = 0.1, ReadoutWindowSeconds = 0.05;

    public static void Write(string folder, SearchSummary summary, IReadOnlyList<SearchRecord> records, GridCommand.Report grid, SpinSet spins, IReadOnlyList<TissueDistribution> tissues,
        TextWriter log)
    {
        Draw(folder, "grid-optimum", "grid optimum", new ProcessedDesign(grid.FlipsDeg, grid.PhasesDeg, grid.TimesS, grid.TimeToReadoutS), spins, tissues, log);
        foreach (CategorySummary category in summary.Categories)
        {
            SearchRecord? best = records
                .Where(r => (SearchSummary.IsSuccessful(r.Loss, summary.GridLoss) ? DesignCategories.Categorise(summary.Experiment, r.Design()) : DesignCategories.Others) == category.Name)
                .MinBy(r => r.Loss);
            if (best is null || best.FlipsDeg.Length == 0) continue;
            Draw(folder, Slug(category.Name), $"{category.Name} (seed {best.Seed})", best.Design(), spins, tissues, log);
        }
    }

    private static void Draw(string folder, string slug, string title, ProcessedDesign design, SpinSet spins, IReadOnlyList<TissueDistribution> tissues, TextWriter log)
    {
        try { SearchExportCommand.Write(design, new DesignExportOptions { Name = slug }, Path.Combine(folder, $"{slug}.seq"), PulseqVersion.V151); }
        catch (ArgumentException e) { log.WriteLine($"{slug}: no .seq ({e.Message})"); }

        // RF diagram: one stem per pulse at its time [ms], height = flip, labelled with the standardised phase
        var plot = new Plot();
        double t = 0;
        for (int i = 0; i < design.RfCount; i++)
        {
            var stem = plot.Add.Scatter(new[] { t * 1e3, t * 1e3 }, new[] { 0.0, design.FlipsDegrees[i] });
            stem.LineWidth = 3;
            stem.MarkerSize = 0;
            plot.Add.Text($"{design.FlipsDegrees[i]:F0}° / {design.PhasesDegrees[i]:F0}°", t * 1e3, design.FlipsDegrees[i] + 8);
            t += design.TimesSeconds[i];
        }
        var readout = plot.Add.VerticalLine(t * 1e3);
        readout.LinePattern = LinePattern.Dashed;
        readout.LegendText = "readout";
        plot.Axes.SetLimitsY(0, 210);
        plot.Title($"{title}: flip / phase");
        plot.XLabel("time from the first RF [ms]");
        plot.YLabel("flip angle [°]");
        plot.SavePng(Path.Combine(folder, $"{slug}-design.png"), Width, Height);

        MxyPlot(Path.Combine(folder, $"{slug}-mxy.png"), $"{title}: |Mxy|, nominal voxels", design, spins, tissues, 0);
        double total = design.TimesSeconds.Sum();
        if (total > LongDesignSeconds)
            MxyPlot(Path.Combine(folder, $"{slug}-mxy-readout.png"), $"{title}: |Mxy|, last {ReadoutWindowSeconds * 1e3:F0} ms", design, spins, tissues, total - ReadoutWindowSeconds);
    }

    /// <summary>|Mxy|(t) of the nominal GM, WM and CSF voxels (B1 = 1, ΔB0 = 0) from <paramref name="fromSeconds"/> to the readout.</summary>
    private static void MxyPlot(string path, string title, ProcessedDesign design, SpinSet spins, IReadOnlyList<TissueDistribution> tissues, double fromSeconds)
    {
        (double[] times, double[][] signals) = DesignTimeline.Transverse(design.Operations(), spins, tissues, fromSeconds: fromSeconds);
        double[] ms = [.. times.Select(x => x * 1e3)];
        Plots.Curves(path, title, "time from the first RF [ms]", "|Mxy|", ms,
            [.. TissueClasses.All.Select((tissue, i) => (tissue.ShortName(), (IReadOnlyList<double>)signals[i]))]);
    }

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
