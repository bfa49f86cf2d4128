using SeqZero.Pulseq.Model;
using SeqZero.Sequences;

namespace SeqZero.Pulseq.Conversion;

/// <summary>Slice-selective export of SeqZero's instantaneous pulses: a Hann-windowed sinc of duration T and
/// time-bandwidth product TBW (bandwidth TBW/T) on the RF raster, under a z trapezoid of amplitude Gz = BW/thickness whose
/// flat top spans the pulse; an excitation is followed by a z rephaser of −Gz·(T/2 + rise/2) (the area from the pulse
/// centre to the end of the ramp), so its slice leaves the pulse in phase.</summary>
internal sealed class SliceSelection
{
    private readonly int _magnitudeShape, _phaseShape, _sliceTrapezoid, _rephaser;
    private readonly double _shapeArea, _rfSeconds, _rampSeconds, _rephaserSeconds;

    private SliceSelection(int magnitudeShape, int phaseShape, double shapeArea, double rfSeconds, int sliceTrapezoid, double rampSeconds,
        int rephaser, double rephaserSeconds)
    {
        _magnitudeShape = magnitudeShape; _phaseShape = phaseShape; _shapeArea = shapeArea; _rfSeconds = rfSeconds;
        _sliceTrapezoid = sliceTrapezoid; _rampSeconds = rampSeconds; _rephaser = rephaser; _rephaserSeconds = rephaserSeconds;
    }

    /// <summary>Adds the shared sinc shapes and z trapezoids to <paramref name="file"/>.</summary>
    public static SliceSelection Add(PulseqFile file, PulseqExportOptions o, double thicknessMeters)
    {
        if (!(thicknessMeters > 0)) throw new ArgumentException($"Slice thickness {thicknessMeters} m must be positive.", nameof(o));
        int samples = (int)Math.Round(o.RfDurationSeconds / o.RfRasterSeconds);
        double rfSeconds = samples * o.RfRasterSeconds;
        double[] magnitude = new double[samples], phase = new double[samples];
        double area = 0;
        for (int k = 0; k < samples; k++)
        {
            double t = (k + 0.5) / samples - 0.5, x = o.SincTimeBandwidth * t;
            double value = (x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x)) * (0.5 + 0.5 * Math.Cos(2 * Math.PI * t));
            magnitude[k] = Math.Abs(value);
            phase[k] = value < 0 ? 0.5 : 0; // Pulseq phase shapes are in cycles
            area += value * o.RfRasterSeconds;
        }
        // Pulseq magnitude shapes peak at 1
        double peak = magnitude.Max();
        for (int k = 0; k < samples; k++) magnitude[k] /= peak;
        int magnitudeShape = file.Shapes.Count == 0 ? 1 : file.Shapes.Keys.Max() + 1;
        file.Shapes[magnitudeShape] = new PulseqShape(0, magnitude);
        file.Shapes[magnitudeShape + 1] = new PulseqShape(0, phase);

        double bandwidth = o.SincTimeBandwidth / rfSeconds, gz = bandwidth / thicknessMeters;
        if (gz > o.MaxGradientHzPerMeter)
            throw new ArgumentException($"A {thicknessMeters * 1e3:G4} mm slice needs {gz / 1e3:G4} kHz/m, above the {o.MaxGradientHzPerMeter / 1e3:G4} kHz/m limit; use a thicker slice or a longer pulse.", nameof(o));
        double raster = o.GradientRasterSeconds;
        double ramp = Math.Ceiling(gz / o.MaxSlewHzPerMeterPerSecond / raster) * raster;
        int slice = file.Trapezoids.Count + 1;
        file.Trapezoids[slice] = new PulseqTrapezoidEvent(0, gz, ramp, Math.Ceiling(rfSeconds / raster) * raster, ramp, 0);

        // rephaser: triangle/trapezoid of area −gz·(T/2 + ramp/2), shortest within the limits
        double target = -gz * (rfSeconds / 2 + ramp / 2);
        double rise = Math.Max(raster, Math.Ceiling(Math.Sqrt(Math.Abs(target) / o.MaxSlewHzPerMeterPerSecond) / raster) * raster);
        double flat = 0;
        double amplitude = target / rise;
        if (Math.Abs(amplitude) > o.MaxGradientHzPerMeter)
        {
            amplitude = Math.Sign(target) * o.MaxGradientHzPerMeter;
            rise = Math.Ceiling(o.MaxGradientHzPerMeter / o.MaxSlewHzPerMeterPerSecond / raster) * raster;
            flat = Math.Ceiling((Math.Abs(target) / o.MaxGradientHzPerMeter - rise) / raster) * raster;
            amplitude = target / (rise + flat);
        }
        int rephaser = file.Trapezoids.Count + 1;
        file.Trapezoids[rephaser] = new PulseqTrapezoidEvent(0, amplitude, rise, flat, rise, 0);
        return new SliceSelection(magnitudeShape, magnitudeShape + 1, area / peak, rfSeconds, slice, ramp, rephaser, 2 * rise + flat);
    }

    /// <summary>The pulse's block (RF delayed by the ramp, under the slice trapezoid) and, after an excitation, the rephaser.</summary>
    public void AddPulse(PulseqFile file, RfPulse pulse, PulseqRfUse use)
    {
        // flip = 2π·amplitude·Σ shape·Δt, with the shape's signed area (the phase shape carries the sign)
        double amplitude = pulse.FlipAngleRadians / (2 * Math.PI * _shapeArea);
        int rf = file.Rf.Count + 1;
        file.Rf[rf] = new PulseqRfEvent(0, amplitude, _magnitudeShape, _phaseShape, 0, _rfSeconds / 2, _rampSeconds, 0, 0, 0, pulse.PhaseRadians, use);
        double blockSeconds = 2 * _rampSeconds + Math.Ceiling(_rfSeconds / file.GradientRasterSeconds) * file.GradientRasterSeconds;
        file.Blocks.Add(new PulseqBlockRow(0, Units(blockSeconds, file.BlockDurationRasterSeconds), 0, rf, 0, 0, _sliceTrapezoid, 0, 0));
        if (pulse.Usage == PulseUsage.Excitation)
            file.Blocks.Add(new PulseqBlockRow(0, Units(_rephaserSeconds, file.BlockDurationRasterSeconds), 0, 0, 0, 0, _rephaser, 0, 0));
    }

    private static long Units(double seconds, double raster) => (long)Math.Ceiling(seconds / raster - 1e-9);
}
