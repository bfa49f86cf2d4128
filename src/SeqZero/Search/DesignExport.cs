using SeqZero.Pulseq.Conversion;
using SeqZero.Sequences;

namespace SeqZero.Search;

/// <summary>A Sequence Search design as a SeqZero <see cref="Sequence"/> laid out for Pulseq export
/// (<see cref="Pulseq.Conversion.SequenceToPulseq"/>), so a discovered RF schedule runs on a scanner. The exporter puts a
/// block pulse of duration T before each repetition's events; here every idle time is shortened so that the pulse
/// centres keep the design's spacing: Δt − T between pulses, and the readout window (N samples of dwell d, the
/// sample N/2 at the design's readout time) starts Δt_last − T/2 − (N/2 + 1)·d after the last pulse ends. Times are
/// rounded to the export's block raster, and the readout must become one ADC block under the export's rasters (else the
/// exporter would write one block per sample). A spoiler (two cycles per millimetre on z) follows the readout, and a delay
/// fills each shot to the repetition time TR.</summary>
public static class DesignExport
{
    /// <summary>Spoiler moment after the readout [cycles/m]: 2 cycles across 1 mm dephase any voxel's M⊥.</summary>
    public const double SpoilerMomentPerMeter = 2000;

    /// <summary>Flips from this value up count as inversion or refocusing for the RF use letter.</summary>
    private const double HighFlipDegrees = 135;

    /// <summary>Distance from a raster point that still counts as on it, in raster units (float noise of products).</summary>
    private const double RasterTolerance = 1e-6;

    /// <exception cref="ArgumentException">A pulse spacing shorter than the pulse, a readout window reaching back into the
    /// last pulse, a pulse or readout off the export's rasters, a TR shorter than one shot, or invalid counts and
    /// durations; the message names the value.</exception>
    public static Sequence ToSequence(ProcessedDesign design, DesignExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        if (design.RfCount == 0) throw new ArgumentException("design: no RF pulse ≥ 3° to export.", nameof(design));
        PulseqExportOptions scanner = options.Scanner;
        double raster = scanner.BlockDurationRasterSeconds, pulse = scanner.RfDurationSeconds, dwell = options.DwellSeconds;
        int samples = options.AdcSamples;
        if (!(pulse > 0) || !(dwell > 0) || samples < 2 || options.Repetitions < 1)
            throw new ArgumentException("export: RF duration and dwell must be > 0, ADC samples ≥ 2, repetitions ≥ 1.", nameof(options));
        if (Math.Abs(pulse / raster - Math.Round(pulse / raster)) > RasterTolerance)
            throw new ArgumentException($"export: the RF duration {pulse * 1e3:G6} ms is not a multiple of the {raster * 1e6:G4} µs block raster.", nameof(options));
        if (ReadoutLine.RasterConflict(dwell, samples, scanner) is string conflict)
            throw new ArgumentException($"export: the readout cannot be one ADC block: {conflict}.", nameof(options));

        var shot = new List<Repetition>();
        double shotSeconds = 0;
        for (int k = 0; k < design.RfCount; k++)
        {
            bool last = k == design.RfCount - 1;
            var events = new List<SequenceEvent>();
            if (!last)
            {
                double gap = Round(design.TimesSeconds[k] - pulse, raster);
                if (gap < 0)
                    throw new ArgumentException($"design: RF {k + 2} follows RF {k + 1} after {design.TimesSeconds[k] * 1e3:F3} ms, less than the {pulse * 1e3:F3} ms pulse; choose a shorter RF duration.", nameof(design));
                events.Add(new SequenceEvent(gap));
            }
            else
            {
                double lead = Round(design.TimesSeconds[k] - pulse / 2 - (samples / 2 + 1) * dwell, raster);
                if (lead < 0)
                    throw new ArgumentException($"design: the {samples}-sample readout centred {design.TimesSeconds[k] * 1e3:F3} ms after the last RF would start inside that pulse; use fewer samples, a shorter dwell or a shorter RF duration.", nameof(design));
                events.Add(new SequenceEvent(lead));
                for (int j = 0; j < samples; j++) events.Add(new SequenceEvent(dwell, adcOn: true));
                events.Add(new SequenceEvent(options.SpoilerSeconds, gradientMomentZPerMeter: SpoilerMomentPerMeter));
            }
            var rf = new RfPulse(design.FlipsDegrees[k] * Math.PI / 180, design.PhasesDegrees[k] * Math.PI / 180, Usage(design, k));
            shot.Add(new Repetition(rf, events));
            shotSeconds += pulse + events.Sum(e => e.DurationSeconds);
        }
        if (options.RepetitionTimeSeconds is double tr)
        {
            double fill = Round(tr - shotSeconds, raster);
            if (fill < 0) throw new ArgumentException($"--tr: {tr:G4} s is shorter than one shot ({shotSeconds:G4} s).", nameof(options));
            shot[^1].Events.Add(new SequenceEvent(fill));
        }
        IEnumerable<Repetition> all = Enumerable.Range(0, options.Repetitions).SelectMany(_ => shot.Select(r => r.Clone()));
        return new Sequence(all, options.Name);
    }

    /// <summary>The RF use letter: pulses before the first excitation (flip &lt; 135°; the last pulse when all are higher)
    /// invert, high flips after it refocus, the rest excite.</summary>
    private static PulseUsage Usage(ProcessedDesign d, int k)
    {
        int excitation = Array.FindIndex(d.FlipsDegrees, f => f < HighFlipDegrees);
        if (excitation < 0) excitation = d.RfCount - 1;
        return k < excitation ? PulseUsage.Inversion
            : k > excitation && d.FlipsDegrees[k] >= HighFlipDegrees ? PulseUsage.Refocusing
            : PulseUsage.Excitation;
    }

    private static double Round(double seconds, double raster) => Math.Round(seconds / raster) * raster;
}

/// <summary>Settings of <see cref="DesignExport"/>: the Pulseq export's block pulse duration T and rasters
/// (<see cref="Scanner"/>), readout of <see cref="AdcSamples"/> samples of <see cref="DwellSeconds"/>, spoiler duration,
/// shots and TR.</summary>
public sealed record DesignExportOptions
{
    /// <summary>The exporter's settings the layout must fit: block pulse duration and rasters.</summary>
    public PulseqExportOptions Scanner { get; init; } = new();
    public int AdcSamples { get; init; } = 64;
    /// <summary>Twice a multiple of the RF raster (each sample sits half a dwell after the ADC delay) with N·d on the block
    /// raster (20 µs: a 1.28 ms window, 50 kHz).</summary>
    public double DwellSeconds { get; init; } = 20e-6;
    public double SpoilerSeconds { get; init; } = 2e-3;
    public int Repetitions { get; init; } = 1;
    /// <summary>Shot length incl. recovery [s]; null: shots back to back (a single shot from equilibrium, as the paper).</summary>
    public double? RepetitionTimeSeconds { get; init; }
    public string Name { get; init; } = "sequence-search-design";
}
