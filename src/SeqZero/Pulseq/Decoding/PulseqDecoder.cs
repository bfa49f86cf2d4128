using System.Numerics;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Decoding;

/// <summary>Lays a <see cref="PulseqFile"/> out in time. Block duration: from 1.4 on the stored count × BlockDurationRaster;
/// in 1.2/1.3 the longest of the [DELAYS] delay and the event ends. Arbitrary gradients without stored first/last
/// (before 1.5) take first = the previous block's last on that axis when they continue it without delay (else 0), as
/// MATLAB's reader does, and last by MATLAB's edge recursion eₖ₊₁ = 2·wₖ − eₖ from e₀ = first over all samples (exact
/// for piece-wise linear waveforms with corners on the raster; it accumulates the files' 6-digit rounding, e.g. 0.6 % at the
/// end of koma's 1.4 spiral readout, and the timing check allows for that; see DecodedGradient.IsLastInferred).
/// RF raster samples sit at (k+½)·raster from 1.4 on and at (k+1)·raster before (the generators of that time sampled there).</summary>
public static class PulseqDecoder
{
    /// <summary>Fraction of the peak above which RF samples count as the peak when the centre is inferred (MATLAB calcRfCenter).</summary>
    private const double PeakFraction = 0.99999;

    /// <summary>Largest flip angle still taken as excitation when the file does not store the use [rad] (90°).</summary>
    private const double ExcitationMaxFlipRadians = Math.PI / 2 * (1 + 1e-6);

    /// <summary>Time tolerance for "the gradient reaches the block end" [s] (far below any raster).</summary>
    private const double TimeToleranceSeconds = 1e-12;

    /// <summary>Decodes every block. Memory: decoded events are built once per id and shared.</summary>
    public static DecodedSequence Decode(PulseqFile file)
    {
        var rfCache = new Dictionary<int, DecodedRf>();
        var gradientCache = new Dictionary<(int Id, double First), DecodedGradient>();
        var adcCache = new Dictionary<int, DecodedAdc>();
        var extensionCache = new Dictionary<int, IReadOnlyList<DecodedExtension>>();
        var blocks = new List<DecodedBlock>(file.Blocks.Count);
        var previousLast = new double[3];
        bool rasterDurations = file.Version.AtLeast(1, 4);
        double blockRaster = file.BlockDurationRasterSeconds;
        long startUnits = 0;
        double start = 0;

        foreach (PulseqBlockRow row in file.Blocks)
        {
            DecodedRf? rf = null;
            if (row.RfId != 0 && !rfCache.TryGetValue(row.RfId, out rf)) rfCache[row.RfId] = rf = DecodeRf(file, row.RfId);
            DecodedAdc? adc = null;
            if (row.AdcId != 0 && !adcCache.TryGetValue(row.AdcId, out adc)) adcCache[row.AdcId] = adc = DecodeAdc(file, row.AdcId);
            var gradients = new DecodedGradient?[3];
            for (int axis = 0; axis < 3; axis++)
            {
                int id = row.GradientId(axis);
                if (id == 0) continue;
                double first = 0;
                if (file.Gradients.TryGetValue(id, out PulseqGradientEvent? g) && g.FirstHzPerMeter is null && g.TimeShapeId == 0 && g.DelaySeconds == 0)
                {
                    first = previousLast[axis];
                }
                if (!gradientCache.TryGetValue((id, first), out DecodedGradient? decoded))
                {
                    gradientCache[(id, first)] = decoded = DecodeGradient(file, id, first);
                }
                gradients[axis] = decoded;
            }

            double duration;
            if (rasterDurations)
            {
                duration = row.DurationRasterUnits * blockRaster;
                start = startUnits * blockRaster;
                startUnits += row.DurationRasterUnits;
            }
            else
            {
                duration = row.DelayId == 0 ? 0 : file.Delays[row.DelayId];
                if (rf is not null) duration = Math.Max(duration, rf.EndSeconds);
                if (adc is not null) duration = Math.Max(duration, adc.EndSeconds);
                foreach (DecodedGradient? g in gradients) if (g is not null) duration = Math.Max(duration, g.EndSeconds);
            }
            for (int axis = 0; axis < 3; axis++)
            {
                DecodedGradient? g = gradients[axis];
                previousLast[axis] = g is not null && !g.IsTrapezoid && g.EndSeconds >= duration - TimeToleranceSeconds ? g.LastHzPerMeter : 0;
            }
            IReadOnlyList<DecodedExtension> extensions = [];
            if (row.ExtensionId != 0 && !extensionCache.TryGetValue(row.ExtensionId, out extensions!))
            {
                extensionCache[row.ExtensionId] = extensions = Extensions(file, row.ExtensionId);
            }
            blocks.Add(new DecodedBlock(blocks.Count + 1, row.Line, start, duration, rf, gradients, adc, extensions));
            if (!rasterDurations) start += duration;
        }
        double total = rasterDurations ? startUnits * blockRaster : start;
        return new DecodedSequence(file, blocks, total);
    }

    /// <summary>Decodes one [RF] table entry (also entries no block uses).</summary>
    public static DecodedRf DecodeRf(PulseqFile file, int id)
    {
        PulseqRfEvent e = file.Rf[id];
        double raster = file.RfRasterSeconds;
        double[] magnitude = file.Shapes[e.MagnitudeShapeId].Samples;
        double[]? phase = e.PhaseShapeId == 0 ? null : file.Shapes[e.PhaseShapeId].Samples;
        int n = magnitude.Length;
        (double[] times, double shapeDuration) = SampleTimes(file, e.TimeShapeId, n, raster);
        if (!file.Version.AtLeast(1, 4))
        {
            // before 1.4, RF sample k was taken at (k+1)·raster (MATLAB rf.t = (1:n)·raster; its testReport used rf.t(1) as the raster)
            for (int k = 0; k < n; k++) times[k] = (k + 1) * raster;
        }
        var signal = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            signal[k] = Complex.FromPolarCoordinates(e.AmplitudeHz * magnitude[k], phase is null ? 0 : 2 * Math.PI * phase[k]);
        }
        double center = e.CenterSeconds ?? PeakCenter(times, signal);
        for (int k = 0; k < n; k++) times[k] += e.DelaySeconds;
        var rf = new DecodedRf(id, times, signal, e.DelaySeconds, e.DelaySeconds + shapeDuration, e.DelaySeconds + center, e,
            e.Use, e.TimeShapeId != 0);
        if (e.Use != PulseqRfUse.Undefined) return rf;
        PulseqRfUse inferred = rf.FlipAngleRadians <= ExcitationMaxFlipRadians ? PulseqRfUse.Excitation : PulseqRfUse.Refocusing;
        return new DecodedRf(id, times, signal, e.DelaySeconds, rf.EndSeconds, rf.CenterSeconds, e, inferred, rf.IsTimeShaped);
    }

    /// <summary>Middle of the samples whose magnitude reaches <see cref="PeakFraction"/> of the peak.</summary>
    private static double PeakCenter(double[] times, Complex[] signal)
    {
        double peak = 0;
        foreach (Complex s in signal) peak = Math.Max(peak, s.Magnitude);
        int first = -1, last = -1;
        for (int k = 0; k < signal.Length; k++)
        {
            if (signal[k].Magnitude < peak * PeakFraction) continue;
            if (first < 0) first = k;
            last = k;
        }
        return (times[first] + times[last]) / 2;
    }

    /// <summary>Sample times (relative to the event start, delay excluded) and the shape duration for a time shape id:
    /// 0 → (k+½)·raster, duration n·raster; −1 → (k+1)·raster/2, duration (n+1)·raster/2; else shape·raster, duration = last time.</summary>
    private static (double[] Times, double Duration) SampleTimes(PulseqFile file, int timeShapeId, int n, double raster)
    {
        var times = new double[n];
        switch (timeShapeId)
        {
            case 0:
                for (int k = 0; k < n; k++) times[k] = (k + 0.5) * raster;
                return (times, n * raster);
            case -1:
                for (int k = 0; k < n; k++) times[k] = (k + 1) * raster / 2;
                return (times, (n + 1) * raster / 2);
            default:
                double[] shape = file.Shapes[timeShapeId].Samples;
                for (int k = 0; k < n; k++) times[k] = shape[k] * raster;
                return (times, times[^1]);
        }
    }

    private static DecodedGradient DecodeGradient(PulseqFile file, int id, double inferredFirst)
    {
        if (file.Trapezoids.TryGetValue(id, out PulseqTrapezoidEvent? t))
        {
            double d = t.DelaySeconds;
            return new DecodedGradient(id, true,
                [d, d + t.RiseSeconds, d + t.RiseSeconds + t.FlatSeconds, d + t.RiseSeconds + t.FlatSeconds + t.FallSeconds],
                [0, t.AmplitudeHzPerMeter, t.AmplitudeHzPerMeter, 0], d);
        }

        PulseqGradientEvent g = file.Gradients[id];
        double[] shape = file.Shapes[g.ShapeId].Samples;
        int n = shape.Length;
        (double[] sampleTimes, double duration) = SampleTimes(file, g.TimeShapeId, n, file.GradientRasterSeconds);
        double delay = g.DelaySeconds;
        if (g.TimeShapeId > 0)
        {
            var amplitudes = new double[n];
            for (int k = 0; k < n; k++)
            {
                amplitudes[k] = g.AmplitudeHzPerMeter * shape[k];
                sampleTimes[k] += delay;
            }
            return new DecodedGradient(id, false, sampleTimes, amplitudes, delay);
        }

        // raster (or oversampled) samples between the two edge values first and last
        var times = new double[n + 2];
        var values = new double[n + 2];
        double first = g.FirstHzPerMeter ?? inferredFirst;
        double edge = first;
        times[0] = delay;
        values[0] = first;
        for (int k = 0; k < n; k++)
        {
            times[k + 1] = delay + sampleTimes[k];
            values[k + 1] = g.AmplitudeHzPerMeter * shape[k];
            edge = 2 * values[k + 1] - edge;
        }
        times[n + 1] = delay + duration;
        values[n + 1] = g.LastHzPerMeter ?? edge;
        return new DecodedGradient(id, false, times, values, delay) { IsLastInferred = g.LastHzPerMeter is null };
    }

    private static DecodedAdc DecodeAdc(PulseqFile file, int id)
    {
        PulseqAdcEvent e = file.Adc[id];
        return new DecodedAdc(id, e, e.PhaseShapeId == 0 ? null : file.Shapes[e.PhaseShapeId].Samples);
    }

    private static IReadOnlyList<DecodedExtension> Extensions(PulseqFile file, int firstId)
    {
        var list = new List<DecodedExtension>();
        for (int id = firstId; id != 0; id = file.ExtensionLinks[id].NextId)
        {
            PulseqExtensionLink link = file.ExtensionLinks[id];
            list.Add(new DecodedExtension(file.ExtensionTypes[link.TypeId], link.RefId));
        }
        return list;
    }
}
