using SeqZero.Sequences;

namespace SeqZero.Pulseq.Conversion;

/// <summary>A constant-gradient readout line of a repetition: N ≥ 2 consecutive ADC events with equal duration d, equal
/// moments m and equal ADC phase, exported as ONE block: per axis a trapezoid whose flat top A = m/d lasts N·d after a
/// ramp of <see cref="RiseRasters"/>, one ADC of N samples at dwell d with delay rise + d/2 (Pulseq sample i at
/// rise + (i+1)·d: the end of SeqZero event i, where SeqZero samples), then <see cref="TailRasters"/> for the fall and the
/// ADC's last half dwell. Between samples k grows by A·d = m, as in SeqZero; the ramps add A·rise/2 before the first sample
/// and A·fall/2 after the last, which <see cref="SequenceToPulseq"/> takes back from the neighbouring events.</summary>
internal sealed record ReadoutLine(int Start, int Count, double DwellSeconds, double[] AmplitudesHzPerMeter,
    long RiseRasters, long TailRasters, double AdcPhaseRadians)
{
    /// <summary>Distance from a raster point that still counts as on it, in raster units (float noise of products).</summary>
    private const double RasterTolerance = 1e-6;

    /// <summary>Ramp-up moment per axis, A·rise/2 [1/m] (the fall is as long as the rise, so the same).</summary>
    public double[] RampMomentPerMeter(double gradientRasterSeconds) =>
        [.. AmplitudesHzPerMeter.Select(a => a * RiseRasters * gradientRasterSeconds / 2)];

    /// <summary>The line starting at event <paramref name="start"/>, or null when the events there are not one (fewer than
    /// two equal ADC events), or when it cannot be one block: dwell off the ADC raster, half dwell off the RF raster (ADC
    /// delay), N·d off the gradient or block raster, or a flat top above the gradient limit.</summary>
    public static ReadoutLine? Find(IReadOnlyList<SequenceEvent> events, int start, PulseqExportOptions o)
    {
        SequenceEvent first = events[start];
        if (!first.AdcOn) return null;
        int count = 1;
        while (start + count < events.Count && SameSample(first, events[start + count])) count++;
        double dwell = first.DurationSeconds;
        if (count < 2 || RasterConflict(dwell, count, o) is not null) return null;
        double[] amplitudes = [first.GradientMomentXPerMeter / dwell, first.GradientMomentYPerMeter / dwell, first.GradientMomentZPerMeter / dwell];
        double peak = amplitudes.Max(Math.Abs);
        if (peak > o.MaxGradientHzPerMeter) return null;

        // shortest ramp within the slew limit (none without gradient); the tail holds the fall and the ADC's last half dwell
        double raster = o.GradientRasterSeconds;
        long rise = peak == 0 ? 0 : Math.Max(1, (long)Math.Ceiling(peak / o.MaxSlewHzPerMeterPerSecond / raster - RasterTolerance));
        long tail = Math.Max(rise, (long)Math.Ceiling(dwell / 2 / raster - RasterTolerance));
        return new ReadoutLine(start, count, dwell, amplitudes, rise, tail, first.AdcPhaseRadians);
    }

    /// <summary>Why <paramref name="count"/> samples of <paramref name="dwell"/> cannot be one readout block under the
    /// rasters of <paramref name="o"/>, or null when they can.</summary>
    public static string? RasterConflict(double dwell, int count, PulseqExportOptions o)
    {
        double flat = count * dwell;
        return !OnRaster(dwell, o.AdcRasterSeconds) ? $"the dwell {Microseconds(dwell)} µs is not a multiple of the {Microseconds(o.AdcRasterSeconds)} µs ADC raster"
            : !OnRaster(dwell / 2, o.RfRasterSeconds) ? $"half the dwell {Microseconds(dwell)} µs is not a multiple of the {Microseconds(o.RfRasterSeconds)} µs RF raster (the samples' delay)"
            : !OnRaster(flat, o.GradientRasterSeconds) || !OnRaster(flat, o.BlockDurationRasterSeconds)
                ? $"{count} samples × {Microseconds(dwell)} µs = {Microseconds(flat)} µs is not a multiple of the {Microseconds(o.GradientRasterSeconds)} µs gradient and {Microseconds(o.BlockDurationRasterSeconds)} µs block rasters"
            : !OnRaster(o.GradientRasterSeconds, o.BlockDurationRasterSeconds) ? "the gradient raster is not a multiple of the block raster"
            : null;
    }

    private static string Microseconds(double seconds) => $"{seconds * 1e6:0.###}";

    private static bool SameSample(SequenceEvent a, SequenceEvent b) =>
        b.AdcOn && b.DurationSeconds == a.DurationSeconds && b.AdcPhaseRadians == a.AdcPhaseRadians
        && b.GradientMomentXPerMeter == a.GradientMomentXPerMeter && b.GradientMomentYPerMeter == a.GradientMomentYPerMeter
        && b.GradientMomentZPerMeter == a.GradientMomentZPerMeter;

    private static bool OnRaster(double seconds, double raster) => Math.Abs(seconds / raster - Math.Round(seconds / raster)) < RasterTolerance;
}
