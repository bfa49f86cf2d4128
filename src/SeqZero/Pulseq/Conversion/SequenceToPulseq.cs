using SeqZero.Pulseq.Model;
using SeqZero.Sequences;

namespace SeqZero.Pulseq.Conversion;

/// <summary>SeqZero <see cref="Sequence"/> → Pulseq tables (1.5): one block per RF pulse, per readout line and per other
/// event. A pulse becomes a block pulse of <see cref="PulseqExportOptions.RfDurationSeconds"/> with B1 = α/(2π·T) [Hz]
/// and the pulse phase. A readout line (<see cref="ReadoutLine"/>: equal consecutive ADC events) becomes one block with a
/// constant-gradient flat top and one N-sample ADC whose samples sit where SeqZero's do; its ramps borrow their time from
/// the neighbouring non-ADC events and their moment (A·ramp/2) is subtracted from those events' moments, so k at every
/// sample and after the line is SeqZero's (an extra block carries it where the neighbour is missing or an ADC event).
/// Any other event becomes a block whose trapezoids (rise = fall) realise its moments exactly, within the gradient and
/// slew limits, inside the event's duration rounded up to the gradient raster (less the time lent to a line), or inside
/// the shortest raster multiple that can (the minimum event time); a lone ADC event gets a one-sample ADC whose sample
/// falls in a last gradient raster kept free of gradients. ADC phase π/2 − φ_ADC (the inverse of
/// <see cref="PulseqToSequence"/>). The exported timing is therefore the input's plus the RF blocks and any stretching.</summary>
public static class SequenceToPulseq
{
    /// <summary>Samples of the ADC of an ADC event outside a readout line (SeqZero records one sample per event).</summary>
    private const int SamplesPerAdc = 1;

    /// <summary>Block rasters added per try when an event is too short for its moments.</summary>
    private const int StretchRasters = 1;

    /// <exception cref="ArgumentException">Invalid sequence (see <see cref="Sequence.Validate"/>) or options.</exception>
    public static PulseqFile Convert(Sequence sequence, PulseqExportOptions? options = null)
    {
        sequence.Validate();
        PulseqExportOptions o = options ?? new PulseqExportOptions();
        if (!(o.MaxGradientHzPerMeter > 0) || !(o.MaxSlewHzPerMeterPerSecond > 0) || !(o.RfDurationSeconds > 0))
        {
            throw new ArgumentException("Export limits and the RF duration must be positive.", nameof(options));
        }
        var file = new PulseqFile { Version = PulseqVersion.V151 };
        string G(double v) => CFormat.G(v, 9);
        file.Definitions.Add(new("AdcRasterTime", G(o.AdcRasterSeconds)));
        file.Definitions.Add(new("BlockDurationRaster", G(o.BlockDurationRasterSeconds)));
        file.Definitions.Add(new("GradientRasterTime", G(o.GradientRasterSeconds)));
        file.Definitions.Add(new("Name", sequence.Name.Replace(' ', '_')));
        file.Definitions.Add(new("RadiofrequencyRasterTime", G(o.RfRasterSeconds)));

        // shapes of the block pulse: magnitude 1, 1 at times 0 and T (in RF rasters), zero phase
        double rfRasters = Math.Round(o.RfDurationSeconds / o.RfRasterSeconds);
        file.Shapes[1] = new PulseqShape(0, [1, 1]);
        file.Shapes[2] = new PulseqShape(0, [0, 0]);
        file.Shapes[3] = new PulseqShape(0, [0, rfRasters]);
        double rfSeconds = rfRasters * o.RfRasterSeconds;
        double dwell = 2 * o.RfRasterSeconds; // the sample (delay + ½ dwell) then sits on the RF raster

        SliceSelection? slice = o.SliceThicknessMeters is double thickness ? SliceSelection.Add(file, o, thickness) : null;
        foreach (Repetition repetition in sequence.Repetitions)
        {
            if (slice is not null && repetition.Pulse.FlipAngleRadians != 0)
            {
                slice.AddPulse(file, repetition.Pulse, Use(repetition.Pulse.Usage));
            }
            else if (repetition.Pulse.FlipAngleRadians != 0)
            {
                var rf = new PulseqRfEvent(0, repetition.Pulse.FlipAngleRadians / (2 * Math.PI * rfSeconds), 1, 2, 3, rfSeconds / 2, 0, 0, 0, 0,
                    repetition.Pulse.PhaseRadians, Use(repetition.Pulse.Usage));
                int rfId = file.Rf.Count + 1;
                file.Rf[rfId] = rf;
                file.Blocks.Add(new PulseqBlockRow(0, Units(rfSeconds, o.BlockDurationRasterSeconds), 0, rfId, 0, 0, 0, 0, 0));
            }
            AddEvents(file, repetition.Events, o, dwell);
        }
        return file;
    }

    /// <summary>One repetition's events: each readout line as one block, every other event as its own block, with the
    /// lines' ramp time and moment taken from the non-ADC neighbours (or an extra block each where there is none).</summary>
    private static void AddEvents(PulseqFile file, IReadOnlyList<SequenceEvent> events, PulseqExportOptions o, double dwell)
    {
        var lines = new Dictionary<int, ReadoutLine>();
        for (int i = 0; i < events.Count;)
        {
            ReadoutLine? line = ReadoutLine.Find(events, i, o);
            if (line is null) i++;
            else (lines[i], i) = (line, i + line.Count);
        }

        // per event: its moments less what a neighbouring line's ramps add, and the rasters lent to those ramps
        double[][] moments = [.. events.Select(e => new[] { e.GradientMomentXPerMeter, e.GradientMomentYPerMeter, e.GradientMomentZPerMeter })];
        var lent = new long[events.Count];
        var ownRampBlocks = new HashSet<(int Start, bool Before)>();
        foreach ((int start, ReadoutLine line) in lines)
        {
            double[] ramp = line.RampMomentPerMeter(o.GradientRasterSeconds);
            foreach ((int neighbour, long rasters, bool before) in new[] { (start - 1, line.RiseRasters, true), (start + line.Count, line.TailRasters, false) })
            {
                if (neighbour < 0 || neighbour >= events.Count || events[neighbour].AdcOn)
                {
                    if (ramp.Any(m => m != 0)) ownRampBlocks.Add((start, before));
                    continue;
                }
                for (int a = 0; a < 3; a++) moments[neighbour][a] -= ramp[a];
                lent[neighbour] += rasters;
            }
        }

        double raster = o.GradientRasterSeconds;
        for (int i = 0; i < events.Count;)
        {
            if (lines.TryGetValue(i, out ReadoutLine? line))
            {
                double[] rewind = [.. line.RampMomentPerMeter(raster).Select(m => -m)];
                if (ownRampBlocks.Contains((i, true))) AddBlock(file, rewind, 0, false, 0, o, dwell);
                AddReadout(file, line, o);
                if (ownRampBlocks.Contains((i, false))) AddBlock(file, rewind, 0, false, 0, o, dwell);
                i += line.Count;
                continue;
            }
            SequenceEvent e = events[i];
            long rasters = Math.Max((long)Math.Ceiling(e.DurationSeconds / raster - 1e-9) - lent[i], 0);
            AddBlock(file, moments[i], rasters, e.AdcOn, e.AdcPhaseRadians, o, dwell);
            i++;
        }
    }

    /// <summary>The line's block: trapezoids rise · flat N·d · fall, ADC of N samples at delay rise + d/2.</summary>
    private static void AddReadout(PulseqFile file, ReadoutLine line, PulseqExportOptions o)
    {
        double raster = o.GradientRasterSeconds, rise = line.RiseRasters * raster, flat = line.Count * line.DwellSeconds;
        var ids = new int[3];
        for (int axis = 0; axis < 3; axis++)
        {
            if (line.AmplitudesHzPerMeter[axis] == 0) continue;
            ids[axis] = file.Trapezoids.Count + 1;
            file.Trapezoids[ids[axis]] = new PulseqTrapezoidEvent(0, line.AmplitudesHzPerMeter[axis], rise, flat, rise, 0);
        }
        int adcId = file.Adc.Count + 1;
        file.Adc[adcId] = new PulseqAdcEvent(0, line.Count, line.DwellSeconds, rise + line.DwellSeconds / 2, 0, 0, 0, Math.PI / 2 - line.AdcPhaseRadians, 0);
        double duration = rise + flat + line.TailRasters * raster;
        file.Blocks.Add(new PulseqBlockRow(0, Units(duration, o.BlockDurationRasterSeconds), 0, 0, ids[0], ids[1], ids[2], adcId, 0));
    }

    /// <summary>A block of at least <paramref name="rasters"/> gradient rasters realising <paramref name="moments"/> (longer
    /// when the limits need it), with a one-sample ADC in a gradient-free last raster when <paramref name="adcOn"/>; nothing
    /// when it would be empty and last no time.</summary>
    private static void AddBlock(PulseqFile file, double[] moments, long rasters, bool adcOn, double adcPhaseRadians, PulseqExportOptions o, double dwell)
    {
        double raster = o.GradientRasterSeconds;
        int reserved = adcOn ? 1 : 0; // a gradient-free last raster for the ADC sample
        rasters = Math.Max(rasters, reserved);
        var traps = new PulseqTrapezoidEvent?[3];
        while (true)
        {
            bool fits = true;
            for (int axis = 0; axis < 3 && fits; axis++)
            {
                traps[axis] = moments[axis] == 0 ? null : Trapezoid(moments[axis], rasters - reserved, o);
                fits = moments[axis] == 0 || traps[axis] is not null;
            }
            if (fits) break;
            rasters += StretchRasters;
        }
        if (rasters == 0) return;
        var ids = new int[3];
        for (int axis = 0; axis < 3; axis++)
        {
            if (traps[axis] is not { } trap) continue;
            ids[axis] = file.Trapezoids.Count + 1;
            file.Trapezoids[ids[axis]] = trap;
        }
        int adcId = 0;
        double duration = rasters * raster;
        if (adcOn)
        {
            adcId = file.Adc.Count + 1;
            file.Adc[adcId] = new PulseqAdcEvent(0, SamplesPerAdc, dwell, duration - dwell, 0, 0, 0, Math.PI / 2 - adcPhaseRadians, 0);
        }
        file.Blocks.Add(new PulseqBlockRow(0, Units(duration, o.BlockDurationRasterSeconds), 0, 0, ids[0], ids[1], ids[2], adcId, 0));
    }

    /// <summary>A trapezoid with equal ramps filling <paramref name="rasters"/> gradient rasters whose area is
    /// <paramref name="moment"/> [1/m]: area = A·(T − r), so A = m/(T − r); the shortest ramp r (on the raster) with
    /// |A|/r ≤ slew and |A| ≤ max gradient; null when no ramp does.</summary>
    private static PulseqTrapezoidEvent? Trapezoid(double moment, long rasters, PulseqExportOptions o)
    {
        double raster = o.GradientRasterSeconds;
        for (long rise = 1; 2 * rise <= rasters; rise++)
        {
            double amplitude = moment / ((rasters - rise) * raster);
            double riseSeconds = rise * raster;
            if (Math.Abs(amplitude) <= o.MaxGradientHzPerMeter && Math.Abs(amplitude) <= o.MaxSlewHzPerMeterPerSecond * riseSeconds)
            {
                return new PulseqTrapezoidEvent(0, amplitude, riseSeconds, (rasters - 2 * rise) * raster, riseSeconds, 0);
            }
        }
        return null;
    }

    private static long Units(double seconds, double raster) => (long)Math.Round(seconds / raster);

    private static PulseqRfUse Use(PulseUsage usage) => usage switch
    {
        PulseUsage.Excitation => PulseqRfUse.Excitation,
        PulseUsage.Refocusing => PulseqRfUse.Refocusing,
        PulseUsage.Inversion => PulseqRfUse.Inversion,
        PulseUsage.Storage => PulseqRfUse.Other,
        _ => PulseqRfUse.Undefined,
    };
}
