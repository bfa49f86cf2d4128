using System.Numerics;
using ScottPlot;
using SeqZero.Sequences;

namespace SeqZero.Reports;

/// <summary>PNG figures of the things people look at: images, k-space, curves. Images are drawn with y upwards
/// (row 0, the most negative y, at the bottom) and x to the right, as the physical axes of the phantom.</summary>
public static class Plots
{
    private const int Width = 640, Height = 560;

    /// <summary>A map (row-major, y·sizeX + x) as a grey-scale heat map with a colour bar.</summary>
    public static void Map(string path, ReadOnlySpan<double> values, int sizeX, int sizeY, string title, string unit = "")
    {
        var data = new double[sizeY, sizeX];
        for (int y = 0; y < sizeY; y++)
        for (int x = 0; x < sizeX; x++)
            data[sizeY - 1 - y, x] = values[y * sizeX + x]; // ScottPlot's row 0 is the top
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        plot.Add.ColorBar(heatmap).Label = unit;
        plot.Title(title);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Magnitude of a complex image.</summary>
    public static void MagnitudeImage(string path, ReadOnlySpan<Complex> image, int sizeX, int sizeY, string title)
    {
        var magnitude = new double[image.Length];
        for (int i = 0; i < image.Length; i++) magnitude[i] = image[i].Magnitude;
        Map(path, magnitude, sizeX, sizeY, title);
    }

    /// <summary>k-space samples as points at their (kx, ky) [1/m], coloured by log₁₀|s|.</summary>
    public static void KSpace(string path, IReadOnlyList<KSpacePoint> k, ReadOnlySpan<Complex> samples, int coils, string title)
    {
        var plot = new Plot();
        double max = 0;
        for (int s = 0; s < k.Count; s++) max = Math.Max(max, samples[s * coils].Magnitude);
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (int s = 0; s < k.Count; s++)
        {
            double level = max > 0 ? Math.Clamp(1 + Math.Log10(samples[s * coils].Magnitude / max + 1e-12) / 4, 0, 1) : 0;
            var marker = plot.Add.Marker(k[s].KxPerMeter, k[s].KyPerMeter);
            marker.Color = colormap.GetColor(level);
            marker.Size = 4;
        }
        plot.Title(title);
        plot.XLabel("kx [1/m]");
        plot.YLabel("ky [1/m]");
        plot.SavePng(path, Width, Height);
    }

    /// <summary>One or more curves over a common x axis.</summary>
    public static void Curves(string path, string title, string xLabel, string yLabel, IReadOnlyList<double> x,
        params (string Label, IReadOnlyList<double> Y)[] series)
    {
        var plot = new Plot();
        foreach ((string label, IReadOnlyList<double> y) in series)
        {
            var line = plot.Add.Scatter(x.ToArray(), y.ToArray());
            line.LegendText = label;
            line.MarkerSize = 3;
        }
        if (series.Length > 1) plot.ShowLegend();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.SavePng(path, Width, Height * 3 / 4);
    }
}
