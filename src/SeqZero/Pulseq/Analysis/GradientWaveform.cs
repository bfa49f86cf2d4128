using SeqZero.Pulseq.Decoding;

namespace SeqZero.Pulseq.Analysis;

/// <summary>The whole sequence's gradient on one axis as one piece-wise linear waveform: the corners of every event
/// shifted to absolute time [s], amplitudes [Hz/m], zero between events (explicit zero corners are inserted where an
/// event does not start or end at zero across a gap). Also its running integral (k without resets) at every corner.</summary>
public sealed class GradientWaveform
{
    private GradientWaveform(double[] timesSeconds, double[] amplitudesHzPerMeter)
    {
        TimesSeconds = timesSeconds;
        AmplitudesHzPerMeter = amplitudesHzPerMeter;
        IntegralPerMeter = new double[timesSeconds.Length];
        for (int k = 1; k < timesSeconds.Length; k++)
        {
            IntegralPerMeter[k] = IntegralPerMeter[k - 1]
                + 0.5 * (amplitudesHzPerMeter[k - 1] + amplitudesHzPerMeter[k]) * (timesSeconds[k] - timesSeconds[k - 1]);
        }
    }

    /// <summary>Corners closer than this in time are one instant [s] (1 ns: far below every raster, far above the float
    /// noise of sums of block durations).</summary>
    public const double SameInstantSeconds = 1e-9;

    /// <summary>Corner times [s], non-decreasing (a repeated time is a jump).</summary>
    public double[] TimesSeconds { get; }

    public double[] AmplitudesHzPerMeter { get; }

    /// <summary>∫₀ᵗ g dt at each corner [1/m].</summary>
    public double[] IntegralPerMeter { get; }

    /// <summary>Builds the waveform of axis 0/1/2 (x/y/z).</summary>
    public static GradientWaveform Build(DecodedSequence sequence, int axis)
    {
        var times = new List<double>();
        var values = new List<double>();
        foreach ((double time, double value) in Corners(sequence, axis))
        {
            times.Add(time);
            values.Add(value);
        }
        return new GradientWaveform([.. times], [.. values]);
    }

    /// <summary>The corners of axis 0/1/2 in time order, one at a time: what <see cref="Build"/> stores, for analyses that
    /// stream over them instead of holding the whole sequence's waveform.</summary>
    public static IEnumerable<(double TimeSeconds, double HzPerMeter)> Corners(DecodedSequence sequence, int axis)
    {
        bool any = false;
        double lastTime = 0, lastValue = 0;
        foreach (DecodedBlock block in sequence.Blocks)
        {
            if (block.Gradients[axis] is not { } g) continue;
            double t0 = block.StartSeconds + g.TimesSeconds[0];
            if (any && t0 > lastTime && lastValue != 0)
            {
                yield return (lastTime, 0); // back to zero across the gap before this event
                lastValue = 0;
            }
            if (g.AmplitudesHzPerMeter[0] != 0 && (!any || t0 > lastTime))
            {
                yield return (t0, 0); // up from zero at the event start
                (any, lastTime, lastValue) = (true, t0, 0);
            }
            for (int k = 0; k < g.TimesSeconds.Length; k++)
            {
                double t = block.StartSeconds + g.TimesSeconds[k];
                yield return (t, g.AmplitudesHzPerMeter[k]);
                (any, lastTime, lastValue) = (true, t, g.AmplitudesHzPerMeter[k]);
            }
        }
        if (any && lastValue != 0) yield return (lastTime, 0);
    }

    /// <summary>∫₀ᵗ g dt [1/m] at a sequence of non-decreasing query times; <paramref name="cursor"/> carries the search
    /// position between calls (start at 0), so evaluating n sorted times costs O(n + corners).</summary>
    public double IntegralAt(double timeSeconds, ref int cursor)
    {
        double[] t = TimesSeconds;
        if (t.Length == 0 || timeSeconds <= t[0]) return 0;
        if (timeSeconds >= t[^1]) return IntegralPerMeter[^1];
        while (cursor + 1 < t.Length && t[cursor + 1] <= timeSeconds) cursor++;
        double dt = timeSeconds - t[cursor];
        double g0 = AmplitudesHzPerMeter[cursor];
        double slope = t[cursor + 1] > t[cursor] ? (AmplitudesHzPerMeter[cursor + 1] - g0) / (t[cursor + 1] - t[cursor]) : 0;
        return IntegralPerMeter[cursor] + g0 * dt + 0.5 * slope * dt * dt;
    }

    /// <summary>Value at <paramref name="timeSeconds"/> (linear between corners, 0 outside; at a jump the later value).</summary>
    public double ValueAt(double timeSeconds, ref int cursor)
    {
        double[] t = TimesSeconds;
        if (t.Length == 0 || timeSeconds < t[0] || timeSeconds > t[^1]) return 0;
        while (cursor + 1 < t.Length && t[cursor + 1] <= timeSeconds) cursor++;
        if (cursor + 1 >= t.Length || t[cursor + 1] == t[cursor]) return AmplitudesHzPerMeter[cursor];
        double f = (timeSeconds - t[cursor]) / (t[cursor + 1] - t[cursor]);
        return AmplitudesHzPerMeter[cursor] + f * (AmplitudesHzPerMeter[cursor + 1] - AmplitudesHzPerMeter[cursor]);
    }
}
