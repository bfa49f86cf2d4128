using System.Numerics;
using SeqZero.Pulseq.Decoding;

namespace SeqZero.Tests.Pulseq;

/// <summary>Evaluates decoded events at given times so that two encodings of the same waveform (raster samples versus
/// trapezoid/time-shape corners) can be compared where both are exact: at the raster sample instants.</summary>
internal static class WaveformComparison
{
    /// <summary>Times this close to the first/last corner count as on it [s] (absolute times are sums of durations).</summary>
    private const double EdgeToleranceSeconds = 1e-12;

    /// <summary>Piece-wise linear value between corners, 0 outside [first, last corner].</summary>
    public static double GradientAt(DecodedGradient? g, double t)
    {
        if (g is null || t < g.TimesSeconds[0] - EdgeToleranceSeconds || t > g.TimesSeconds[^1] + EdgeToleranceSeconds) return 0;
        t = Math.Clamp(t, g.TimesSeconds[0], g.TimesSeconds[^1]);
        double[] times = g.TimesSeconds, values = g.AmplitudesHzPerMeter;
        int k = Array.BinarySearch(times, t);
        if (k >= 0) return values[k];
        k = ~k;
        double f = (t - times[k - 1]) / (times[k] - times[k - 1]);
        return values[k - 1] + f * (values[k] - values[k - 1]);
    }

    /// <summary>Times at which both encodings are exact: the raster samples when either is raster-sampled (linear
    /// interpolation between cell centres cuts the corners), else all corners of both.</summary>
    public static IEnumerable<double> ComparisonTimes(DecodedGradient? a, DecodedGradient? b)
    {
        bool rasterA = a is not null && IsRasterSampled(a), rasterB = b is not null && IsRasterSampled(b);
        if (rasterA || rasterB)
        {
            return (rasterA ? a!.TimesSeconds[1..^1] : []).Concat(rasterB ? b!.TimesSeconds[1..^1] : []);
        }
        return (a?.TimesSeconds ?? []).Concat(b?.TimesSeconds ?? []);
    }

    /// <summary>RF value: raster shapes give the nearest sample (0 beyond half a raster outside), time shapes interpolate linearly.</summary>
    public static Complex RfAt(DecodedRf? rf, double t, double rasterSeconds)
    {
        if (rf is null) return Complex.Zero;
        double[] times = rf.TimesSeconds;
        if (!rf.IsTimeShaped)
        {
            int k = (int)Math.Round((t - times[0]) / rasterSeconds);
            return k >= 0 && k < times.Length ? rf.SignalHz[k] : Complex.Zero;
        }
        if (t < times[0] || t > times[^1]) return Complex.Zero;
        int i = Array.BinarySearch(times, t);
        if (i >= 0) return rf.SignalHz[i];
        i = ~i;
        double f = (t - times[i - 1]) / (times[i] - times[i - 1]);
        return rf.SignalHz[i - 1] + f * (rf.SignalHz[i] - rf.SignalHz[i - 1]);
    }

    // raster-sampled arbitrary gradients have first/last edges at the raster boundaries and samples at cell centres
    private static bool IsRasterSampled(DecodedGradient g) =>
        !g.IsTrapezoid && g.TimesSeconds.Length >= 3 && g.TimesSeconds[1] - g.TimesSeconds[0] > 0
        && Math.Abs((g.TimesSeconds[2] - g.TimesSeconds[1]) - 2 * (g.TimesSeconds[1] - g.TimesSeconds[0])) < 1e-12;
}
