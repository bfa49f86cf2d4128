using SeqZero.Pulseq.Decoding;

namespace SeqZero.Pulseq.Analysis;

/// <summary>Hardware limits for <see cref="PulseqTimingCheck"/>; null or 0 means "not checked".</summary>
public sealed record PulseqHardwareLimits(
    double? MaxGradientHzPerMeter = null, double? MaxSlewHzPerMeterPerSecond = null, double RfDeadTimeSeconds = 0,
    double RfRingdownTimeSeconds = 0, double AdcDeadTimeSeconds = 0);

/// <summary>One violation found by the check, with its 1-based block number.</summary>
public readonly record struct PulseqTimingViolation(int Block, string Message)
{
    public override string ToString() => $"block {Block}: {Message}";
}

/// <summary>Timing and hardware check per block: block duration on the block raster; RF/ADC delays on the RF raster,
/// ADC dwell on the ADC raster, gradient corners on the gradient raster (trapezoids, raster shapes); every event ends
/// within its block; RF delay ≥ dead time, RF end + ringdown ≤ block end, ADC delay ≥ dead time; gradients continuous
/// across block boundaries (first = previous last, 0 after a gap; not after a last value the reader had to infer);
/// |g| and slew within the limits.</summary>
public static class PulseqTimingCheck
{
    /// <summary>Allowed distance from a raster point, in raster units: absorbs decimal printing, not real misalignment.</summary>
    private const double RasterTolerance = 1e-6;

    /// <summary>Amplitude tolerance of the continuity check, relative to the larger |value| (files print 6 digits) [1].</summary>
    private const double ContinuityRelativeTolerance = 1e-5;

    /// <summary>Absolute floor of the continuity tolerance [Hz/m]: 1 Hz/m ≈ 23 nT/m, a millionth of usual amplitudes; shape
    /// coding leaves residues of this order (pypulseq's simple_mprage ends a 941 kHz/m gradient at −0.047 Hz/m).</summary>
    private const double ContinuityAbsoluteToleranceHzPerMeter = 1;

    public static IReadOnlyList<PulseqTimingViolation> Check(DecodedSequence sequence, PulseqHardwareLimits limits)
    {
        var report = new Violations();
        var rasters = new Rasters(sequence.File.BlockDurationRasterSeconds, sequence.File.GradientRasterSeconds,
            sequence.File.RfRasterSeconds, sequence.File.AdcRasterSeconds);
        var edges = new AxisEdge[3];
        foreach (DecodedBlock b in sequence.Blocks)
        {
            report.Block = b.Number;
            double duration = b.DurationSeconds;
            if (!OnRaster(duration, rasters.Block))
            {
                report.Add($"duration {Us(duration)} µs is not a multiple of the block raster {Us(rasters.Block)} µs");
            }
            if (b.Rf is { } rf) CheckRf(rf, duration, rasters, limits, report);
            if (b.Adc is { } adc) CheckAdc(adc, duration, rasters, limits, report);
            for (int axis = 0; axis < 3; axis++) edges[axis] = CheckGradient(b.Gradients[axis], "xyz"[axis], edges[axis], duration, rasters, limits, report);
        }
        return report.List;
    }

    /// <summary>The rasters of the file [s].</summary>
    private readonly record struct Rasters(double Block, double Gradient, double Rf, double Adc)
    {
        /// <summary>Time slack of end-of-block comparisons [s].</summary>
        public double Slack => RasterTolerance * Block;
    }

    /// <summary>How the previous block left an axis: ending at its end with value Last (Inferred: not stored in the file).</summary>
    private readonly record struct AxisEdge(bool EndsAtBlockEnd, double Last, bool Inferred);

    /// <summary>Collects violations for the block being checked.</summary>
    private sealed class Violations
    {
        public List<PulseqTimingViolation> List { get; } = [];
        public int Block { get; set; }
        public void Add(string message) => List.Add(new PulseqTimingViolation(Block, message));
    }

    private static void CheckRf(DecodedRf rf, double duration, Rasters rasters, PulseqHardwareLimits limits, Violations report)
    {
        if (!OnRaster(rf.DelaySeconds, rasters.Rf)) report.Add($"RF delay {Us(rf.DelaySeconds)} µs is not on the RF raster");
        if (rf.DelaySeconds < limits.RfDeadTimeSeconds - rasters.Slack)
        {
            report.Add($"RF delay {Us(rf.DelaySeconds)} µs is shorter than the RF dead time {Us(limits.RfDeadTimeSeconds)} µs");
        }
        if (rf.EndSeconds + limits.RfRingdownTimeSeconds > duration + rasters.Slack)
        {
            report.Add($"RF ends at {Us(rf.EndSeconds)} µs + ringdown {Us(limits.RfRingdownTimeSeconds)} µs, after the block end {Us(duration)} µs");
        }
    }

    private static void CheckAdc(DecodedAdc adc, double duration, Rasters rasters, PulseqHardwareLimits limits, Violations report)
    {
        const double NanosecondsPerSecond = 1e9;
        if (!OnRaster(adc.DelaySeconds, rasters.Rf)) report.Add($"ADC delay {Us(adc.DelaySeconds)} µs is not on the RF raster");
        if (!OnRaster(adc.DwellSeconds, rasters.Adc))
        {
            report.Add($"ADC dwell {CFormat.G(adc.DwellSeconds * NanosecondsPerSecond)} ns is not on the ADC raster {CFormat.G(rasters.Adc * NanosecondsPerSecond)} ns");
        }
        if (adc.DelaySeconds < limits.AdcDeadTimeSeconds - rasters.Slack)
        {
            report.Add($"ADC delay {Us(adc.DelaySeconds)} µs is shorter than the ADC dead time {Us(limits.AdcDeadTimeSeconds)} µs");
        }
        if (adc.EndSeconds > duration + rasters.Slack) report.Add($"ADC ends at {Us(adc.EndSeconds)} µs, after the block end {Us(duration)} µs");
    }

    /// <summary>Checks one axis of a block against the previous block's edge; returns this block's edge.</summary>
    private static AxisEdge CheckGradient(DecodedGradient? g, char name, AxisEdge previous, double duration, Rasters rasters,
        PulseqHardwareLimits limits, Violations report)
    {
        double first = g is null || g.DelaySeconds > 0 ? 0 : g.FirstHzPerMeter;
        double expected = previous.EndsAtBlockEnd ? previous.Last : 0;
        // a last value inferred by the edge recursion (raster shapes before 1.5) is not in the file and is off by
        // percent on curved waveforms (koma's 1.4 spiral): continuity is checked only against stored edges
        bool stored = !(previous.EndsAtBlockEnd && previous.Inferred);
        if (stored && !Close(first, expected))
        {
            report.Add($"G{name} starts at {CFormat.G(first)} Hz/m but the previous block ends at {CFormat.G(expected)} Hz/m");
        }
        if (g is null) return default;

        if (g.DelaySeconds > 0 && !Close(g.FirstHzPerMeter, 0)) report.Add($"G{name} jumps to {CFormat.G(g.FirstHzPerMeter)} Hz/m after its delay");
        if (g.EndSeconds > duration + rasters.Slack) report.Add($"G{name} ends at {Us(g.EndSeconds)} µs, after the block end {Us(duration)} µs");
        if (!OnRaster(g.DelaySeconds, rasters.Gradient)) report.Add($"G{name} delay {Us(g.DelaySeconds)} µs is not on the gradient raster");
        if (g.IsTrapezoid)
        {
            for (int k = 1; k < 4; k++)
            {
                double part = g.TimesSeconds[k] - g.TimesSeconds[k - 1];
                if (!OnRaster(part, rasters.Gradient)) report.Add($"G{name} trapezoid ramp/flat time {Us(part)} µs is not on the gradient raster");
            }
        }
        CheckLimits(g, name, limits, report);
        return new AxisEdge(g.EndSeconds >= duration - rasters.Slack, g.LastHzPerMeter, g.IsLastInferred);
    }

    private static void CheckLimits(DecodedGradient g, char name, PulseqHardwareLimits limits, Violations report)
    {
        if (limits.MaxGradientHzPerMeter is { } maxGrad && maxGrad > 0)
        {
            double peak = g.AmplitudesHzPerMeter.Max(Math.Abs);
            if (peak > maxGrad * (1 + ContinuityRelativeTolerance)) report.Add($"G{name} amplitude {CFormat.G(peak)} Hz/m exceeds {CFormat.G(maxGrad)} Hz/m");
        }
        if (limits.MaxSlewHzPerMeterPerSecond is { } maxSlew && maxSlew > 0)
        {
            double slew = 0;
            for (int k = 1; k < g.TimesSeconds.Length; k++)
            {
                double dt = g.TimesSeconds[k] - g.TimesSeconds[k - 1];
                double dg = Math.Abs(g.AmplitudesHzPerMeter[k] - g.AmplitudesHzPerMeter[k - 1]);
                slew = Math.Max(slew, dt > 0 ? dg / dt : dg > 0 ? double.PositiveInfinity : 0);
            }
            if (slew > maxSlew * (1 + ContinuityRelativeTolerance)) report.Add($"G{name} slew rate {CFormat.G(slew)} Hz/m/s exceeds {CFormat.G(maxSlew)} Hz/m/s");
        }
    }

    private static bool OnRaster(double seconds, double raster) => Math.Abs(seconds / raster - Math.Round(seconds / raster)) <= RasterTolerance;

    private static bool Close(double a, double b) =>
        Math.Abs(a - b) <= Math.Max(ContinuityAbsoluteToleranceHzPerMeter, ContinuityRelativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b)));

    private static string Us(double seconds) => CFormat.G(seconds * 1e6);
}
