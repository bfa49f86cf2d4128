using System.Numerics;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Simulation.Blocks;

/// <summary>Cuts a decoded Pulseq sequence into <see cref="TimeSegment"/>s for the block engine. Each block is split at
/// every gradient corner, every RF raster cell edge (raster pulses are piece-wise constant over one raster cell per
/// sample: centred on it from Pulseq 1.4 on, ending at it before, where samples sit at (k+1)·raster) or RF time point (time-shaped pulses are piece-wise linear), and every ADC sample instant. Within a piece the
/// gradients are linear, so the moment (G(a) + G(b))/2·(b − a) is exact; the RF is taken at the piece's midpoint, with
/// the pulse's phase offset and frequency offset (φ + 2π·f·(t − delay)). A sample at instant t ends the piece before t;
/// its receiver phase is π/2 − (φ_ADC + 2π·f_ADC·(t − delay)), so an excitation and ADC with equal Pulseq phases give a
/// real positive on-resonance signal (DESIGN.md §3).</summary>
public static class PulseqSegmentation
{
    /// <summary>Breakpoints closer than this merge [s] (far below every raster).</summary>
    private const double TimeToleranceSeconds = 1e-11;

    /// <param name="path">The file the sequence came from, for error messages.</param>
    public static SegmentedSequence FromDecoded(DecodedSequence decoded, string path)
    {
        var result = new SegmentedSequence();
        double rfRaster = decoded.File.RfRasterSeconds;
        // where a raster sample sits in its cell: the middle from 1.4 on, the end before
        double cellStart = decoded.Version.AtLeast(1, 4) ? rfRaster / 2 : rfRaster;
        var times = new List<double>();
        var samples = new Dictionary<long, (double Phase, int Index)>();
        foreach (DecodedBlock block in decoded.Blocks)
        {
            times.Clear();
            samples.Clear();
            times.Add(0);
            times.Add(block.DurationSeconds);
            if (block.Rf is { } rf)
            {
                foreach (double t in rf.TimesSeconds)
                {
                    if (rf.IsTimeShaped) times.Add(t);
                    else { times.Add(t - cellStart); times.Add(t - cellStart + rfRaster); }
                }
            }
            foreach (DecodedGradient? g in block.Gradients)
                if (g is not null) times.AddRange(g.TimesSeconds);
            if (block.Adc is { } adc)
            {
                for (int k = 0; k < adc.NumSamples; k++)
                {
                    double t = adc.SampleTimeSeconds(k);
                    times.Add(t);
                    double phase = adc.PhaseRadians + 2 * Math.PI * adc.FrequencyHz * (t - adc.DelaySeconds) + (adc.PhaseModulationRadians?[k] ?? 0);
                    samples[Key(t)] = (Math.PI / 2 - phase, k);
                }
            }
            times.Sort();

            double previous = 0;
            int sampled = 0;
            foreach (double t in times)
            {
                if (t < previous + TimeToleranceSeconds || t > block.DurationSeconds + TimeToleranceSeconds) continue;
                double mid = (previous + t) / 2, dt = t - previous;
                Complex b1 = block.Rf is { } pulse ? RfAt(pulse, mid, rfRaster, cellStart) : Complex.Zero;
                bool sample = samples.TryGetValue(Key(t), out var s);
                if (sample) sampled++;
                result.Add(new TimeSegment(dt, b1, Moment(block.Gradients[0], previous, t), Moment(block.Gradients[1], previous, t),
                    Moment(block.Gradients[2], previous, t), sample, sample ? s.Phase : 0));
                previous = t;
            }
            if (block.Adc is { } a && sampled != a.NumSamples)
                throw new PulseqSource(path, decoded.File.IsBinary).Error(block.Line, $"block {block.Number}: {a.NumSamples - sampled} of {a.NumSamples} ADC samples fall after the block's end ({block.DurationSeconds * 1e6:0.###} µs) or on the same instant.");
        }
        return result;
    }

    /// <summary>Sample instants as integers of 0.01 ns, so that a breakpoint equal to a sample finds it.</summary>
    private static long Key(double seconds) => (long)Math.Round(seconds * 1e11);

    private static double Moment(DecodedGradient? g, double a, double b) =>
        g is null ? 0 : 0.5 * (Amplitude(g, a) + Amplitude(g, b)) * (b - a);

    /// <summary>Linear interpolation between corners; 0 outside the waveform.</summary>
    private static double Amplitude(DecodedGradient g, double t)
    {
        double[] times = g.TimesSeconds, values = g.AmplitudesHzPerMeter;
        if (times.Length == 0 || t < times[0] - TimeToleranceSeconds || t > times[^1] + TimeToleranceSeconds) return 0;
        int i = Array.BinarySearch(times, t);
        if (i >= 0) return values[i];
        i = ~i;
        if (i == 0) return values[0];
        if (i >= times.Length) return values[^1];
        double w = (t - times[i - 1]) / (times[i] - times[i - 1]);
        return values[i - 1] + w * (values[i] - values[i - 1]);
    }

    private static Complex RfAt(DecodedRf rf, double t, double raster, double cellStart)
    {
        double[] times = rf.TimesSeconds;
        Complex value;
        if (rf.IsTimeShaped)
        {
            if (t < times[0] || t > times[^1]) return Complex.Zero;
            int i = Array.BinarySearch(times, t);
            if (i >= 0) value = rf.SignalHz[i];
            else
            {
                i = ~i;
                double w = (t - times[i - 1]) / (times[i] - times[i - 1]);
                value = rf.SignalHz[i - 1] + w * (rf.SignalHz[i] - rf.SignalHz[i - 1]);
            }
        }
        else
        {
            // the sample whose cell [tₖ − cellStart, tₖ − cellStart + raster) contains t
            double shifted = t + cellStart - raster / 2;
            int i = Array.BinarySearch(times, shifted);
            if (i < 0)
            {
                i = ~i;
                if (i == times.Length || (i > 0 && shifted - times[i - 1] < times[i] - shifted)) i--;
            }
            if (Math.Abs(shifted - times[i]) > raster / 2 + TimeToleranceSeconds) return Complex.Zero;
            value = rf.SignalHz[i];
        }
        return value * Complex.FromPolarCoordinates(1, rf.PhaseRadians + 2 * Math.PI * rf.FrequencyHz * (t - rf.DelaySeconds));
    }
}
