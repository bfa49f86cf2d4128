using ScottPlot;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Decoding;
using SkiaSharp;

namespace SeqZero.Cli.Commands;

/// <summary>The `seq plot` figure: RF magnitude [Hz] and phase [rad], ADC sample instants, Gx/Gy/Gz [kHz/m] over time
/// [ms], and the ADC k-space positions (kx, ky) [1/m], stacked in one PNG.</summary>
internal static class SeqPlot
{
    private const int Width = 1000, PanelHeight = 260, KSpaceHeight = 520;
    private const double MillisecondsPerSecond = 1e3, KiloPerUnit = 1e-3;

    /// <summary>Draws the blocks that overlap [fromSeconds, toSeconds] into <paramref name="path"/>.</summary>
    public static void Render(DecodedSequence sequence, string path, double fromSeconds, double toSeconds)
    {
        bool InRange(double t) => t >= fromSeconds && t <= toSeconds;

        // RF: magnitude and phase, zero between pulses
        var rfTime = new List<double>();
        var rfMagnitude = new List<double>();
        var rfPhaseTime = new List<double>();
        var rfPhase = new List<double>();
        foreach (DecodedBlock block in sequence.Blocks)
        {
            if (block.Rf is not { } rf || block.StartSeconds + rf.EndSeconds < fromSeconds || block.StartSeconds > toSeconds) continue;
            rfTime.Add((block.StartSeconds + rf.DelaySeconds) * MillisecondsPerSecond);
            rfMagnitude.Add(0);
            for (int s = 0; s < rf.SignalHz.Length; s++)
            {
                double t = (block.StartSeconds + rf.TimesSeconds[s]) * MillisecondsPerSecond;
                rfTime.Add(t);
                rfMagnitude.Add(rf.SignalHz[s].Magnitude);
                rfPhaseTime.Add(t);
                rfPhase.Add(Math.IEEERemainder(rf.SignalHz[s].Phase + rf.PhaseRadians, 2 * Math.PI));
            }
            rfTime.Add((block.StartSeconds + rf.EndSeconds) * MillisecondsPerSecond);
            rfMagnitude.Add(0);
        }

        // ADC sample instants and k-space
        GradientWaveform[] waveforms = [.. Enumerable.Range(0, 3).Select(a => GradientWaveform.Build(sequence, a))];
        PulseqKSpaceTrajectory k = PulseqKSpaceTrajectory.Compute(sequence, waveforms);
        int[] samples = [.. Enumerable.Range(0, k.AdcTimesSeconds.Length).Where(i => InRange(k.AdcTimesSeconds[i]))];

        var panels = new List<(Plot Plot, int Height)>();
        Plot rfPlot = Panel("|B1| [Hz]");
        if (rfTime.Count > 0) rfPlot.Add.ScatterLine(rfTime.ToArray(), rfMagnitude.ToArray());
        panels.Add((rfPlot, PanelHeight));

        Plot phasePlot = Panel("RF phase [rad]");
        if (rfPhaseTime.Count > 0) phasePlot.Add.ScatterPoints(rfPhaseTime.ToArray(), rfPhase.ToArray()).MarkerSize = 2;
        if (samples.Length > 0)
        {
            double[] adcTimes = [.. samples.Select(i => k.AdcTimesSeconds[i] * MillisecondsPerSecond)];
            var adc = phasePlot.Add.ScatterPoints(adcTimes, new double[samples.Length]);
            adc.MarkerSize = 3;
            adc.LegendText = "ADC samples";
            phasePlot.ShowLegend();
        }
        panels.Add((phasePlot, PanelHeight));

        Plot gradientPlot = Panel("G [kHz/m]");
        for (int axis = 0; axis < 3; axis++)
        {
            GradientWaveform w = waveforms[axis];
            int[] points = [.. Enumerable.Range(0, w.TimesSeconds.Length).Where(i => InRange(w.TimesSeconds[i]))];
            if (points.Length == 0) continue;
            double[] times = [.. points.Select(i => w.TimesSeconds[i] * MillisecondsPerSecond)];
            double[] values = [.. points.Select(i => w.AmplitudesHzPerMeter[i] * KiloPerUnit)];
            var line = gradientPlot.Add.ScatterLine(times, values);
            line.LegendText = $"G{"xyz"[axis]}";
        }
        gradientPlot.ShowLegend();
        gradientPlot.XLabel("time [ms]");
        panels.Add((gradientPlot, PanelHeight));

        var kPlot = new Plot();
        if (samples.Length > 0)
        {
            double[] kx = [.. samples.Select(i => k.KPerMeter[0][i])], ky = [.. samples.Select(i => k.KPerMeter[1][i])];
            kPlot.Add.ScatterPoints(kx, ky).MarkerSize = 2;
        }
        kPlot.XLabel("kx [1/m]");
        kPlot.YLabel("ky [1/m]");
        panels.Add((kPlot, KSpaceHeight));

        // one time axis for the three time panels
        double left = Math.Max(fromSeconds, 0) * MillisecondsPerSecond, right = Math.Min(toSeconds, sequence.DurationSeconds) * MillisecondsPerSecond;
        foreach (Plot plot in new[] { rfPlot, phasePlot, gradientPlot }) plot.Axes.SetLimitsX(left, right);
        Stack(panels, path);
    }

    private static Plot Panel(string yLabel)
    {
        var plot = new Plot();
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Renders each plot and stacks the images vertically into one PNG.</summary>
    private static void Stack(List<(Plot Plot, int Height)> panels, string path)
    {
        const int Quality = 100;
        using var surface = SKSurface.Create(new SKImageInfo(Width, panels.Sum(p => p.Height)));
        surface.Canvas.Clear(SKColors.White);
        int y = 0;
        foreach ((Plot plot, int height) in panels)
        {
            using SKBitmap bitmap = SKBitmap.Decode(plot.GetImageBytes(Width, height, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, 0, y);
            y += height;
        }
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, Quality);
        File.WriteAllBytes(path, data.ToArray());
    }
}
