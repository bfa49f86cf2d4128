namespace SeqZero.Sequences.Builders;

/// <summary>Builds a single-shot 2D RARE/TSE: 90°(phase π/2) → ES/2 with read dephaser → N refocusing repetitions
/// (phase 0), each: pre-event (crusher + phase encoding) → N samples → post-event (crusher, phase rewind). With the
/// samples at the end of each dwell, the k = 0 sample of every echo ends exactly at ES/2 after its refocusing pulse.</summary>
public static class Rare
{
    public static Sequence Build(RareOptions o)
    {
        CartesianEncoding.RequireMatrix(o.Matrix);
        BuilderGuards.Positive(o.DwellSeconds, nameof(o.DwellSeconds));
        BuilderGuards.NonNegative(o.CrusherInHalfReadouts, nameof(o.CrusherInHalfReadouts));
        double dk = CartesianEncoding.DeltaK(o.FovMeters);
        int n = o.Matrix;
        if (o.RefocusingFlipsDegrees is { } train && train.Count != n)
            throw new ArgumentException($"RefocusingFlipsDegrees has {train.Count} entries; the matrix needs {n}.", nameof(o));

        // echo centring: pre + (N/2 + 1)·dwell = post + (N/2 − 1)·dwell + … chosen as in MRzero: pre = 14·dwell, post = 16·dwell
        double minimumSpacing = (n + 30) * o.DwellSeconds;
        double echoSpacing = o.EchoSpacingSeconds is double es
            ? BuilderGuards.Remaining(es, minimumSpacing, "EchoSpacingSeconds") + minimumSpacing
            : minimumSpacing;
        double halfSpacing = echoSpacing / 2;
        double pre = halfSpacing - (n / 2 + 1) * o.DwellSeconds;
        double post = echoSpacing - pre - n * o.DwellSeconds;

        double crusher = (o.CrusherInHalfReadouts + 1) * (n / 2) * dk;    // k right before each refocusing pulse
        double readPrewinder = -(n / 2 + 1) * dk;                         // k before the first sample
        int[] lines = CartesianEncoding.PhaseEncodingOrder(n, o.Centric);
        double excitationPhase = Math.PI / 2, refocusingPhase = 0;
        double adcPhase = BuilderGuards.AdcPhaseFor(excitationPhase);

        var repetitions = new List<Repetition>(n + 1)
        {
            new(new RfPulse(BuilderGuards.Radians(o.ExcitationFlipDegrees), excitationPhase, PulseUsage.Excitation),
                [new SequenceEvent(halfSpacing, crusher)]),
        };
        for (int echo = 0; echo < n; echo++)
        {
            double flip = BuilderGuards.Radians(o.RefocusingFlipsDegrees?[echo] ?? o.RefocusingFlipDegrees);
            double ky = lines[echo] * dk;
            // after refocusing, k = −crusher; move to the first sample position
            var events = new List<SequenceEvent>(n + 2) { new(pre, readPrewinder + crusher, ky) };
            for (int s = 0; s < n; s++) events.Add(new SequenceEvent(o.DwellSeconds, dk, adcOn: true, adcPhaseRadians: adcPhase));
            events.Add(new SequenceEvent(post, crusher - (readPrewinder + n * dk), -ky));
            repetitions.Add(new Repetition(new RfPulse(flip, refocusingPhase, PulseUsage.Refocusing), events));
        }
        return new Sequence(repetitions, $"RARE {n}x{n} CPMG");
    }
}
