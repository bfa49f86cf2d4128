namespace SeqZero.Sequences.Builders;

/// <summary>Builds a single-shot blipped EPI in one repetition: pulse → prewinder to (−(N/2+1)·Δk, −N/2·Δk) → N lines
/// of N samples, odd lines read backwards (starting one Δk past the end so samples land on the same grid), each line
/// followed by a Δk blip in y. Sample k positions coincide with the FLASH grid.</summary>
public static class Epi
{
    public static Sequence Build(EpiOptions o)
    {
        CartesianEncoding.RequireMatrix(o.Matrix);
        BuilderGuards.Positive(o.DwellSeconds, nameof(o.DwellSeconds));
        BuilderGuards.Positive(o.BlipSeconds, nameof(o.BlipSeconds));
        BuilderGuards.Positive(o.PrewinderSeconds, nameof(o.PrewinderSeconds));
        double dk = CartesianEncoding.DeltaK(o.FovMeters);
        int n = o.Matrix;

        // time from prewinder end to the k = 0 sample (line N/2, sample N/2)
        int centreLine = n / 2;
        double toCentre = centreLine * (n * o.DwellSeconds + o.BlipSeconds) + ReadIndexTime(centreLine, n / 2, n) * o.DwellSeconds;
        double prewinder = o.EchoTimeSeconds is double te
            ? Math.Max(BuilderGuards.Remaining(te, toCentre, "EchoTimeSeconds"), o.PrewinderSeconds)
            : o.PrewinderSeconds;

        double flipPhase = 0;
        double adcPhase = BuilderGuards.AdcPhaseFor(flipPhase);
        var events = new List<SequenceEvent>(n * (n + 1) + 1) { new(prewinder, -(n / 2 + 1) * dk, -n / 2 * dk) };
        for (int line = 0; line < n; line++)
        {
            double step = line % 2 == 0 ? dk : -dk;
            for (int s = 0; s < n; s++) events.Add(new SequenceEvent(o.DwellSeconds, step, adcOn: true, adcPhaseRadians: adcPhase));
            if (line < n - 1)
            {
                // even lines end at kx = (N/2 − 1)·Δk: step one further so the reversed line's samples land on the grid
                double shift = line % 2 == 0 ? dk : -dk;
                events.Add(new SequenceEvent(o.BlipSeconds, shift, dk));
            }
        }
        var pulse = new RfPulse(BuilderGuards.Radians(o.FlipAngleDegrees), flipPhase, PulseUsage.Excitation);
        return new Sequence([new Repetition(pulse, events)], $"EPI {n}x{n}");
    }

    /// <summary>Samples (counting from 1) into a line until the sample at read index <paramref name="index"/> (0 … N−1 ↔ −N/2 … N/2−1).</summary>
    private static int ReadIndexTime(int line, int index, int n) => line % 2 == 0 ? index + 1 : n - index;
}
