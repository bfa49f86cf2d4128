namespace SeqZero.Sequences.Builders;

/// <summary>Builds a 2D spoiled FLASH: per line, pulse → gap → prewinder (kx = −(N/2+1)·Δk so the first sample lands on
/// −N/2·Δk, ky = line·Δk) → N samples of +Δk each → spoiler (ky rewound, kx ends at SpoilerMomentInReadouts·N·Δk).</summary>
public static class Flash
{
    public static Sequence Build(FlashOptions o)
    {
        CartesianEncoding.RequireMatrix(o.Matrix);
        BuilderGuards.Positive(o.DwellSeconds, nameof(o.DwellSeconds));
        BuilderGuards.NonNegative(o.ExcitationGapSeconds, nameof(o.ExcitationGapSeconds));
        BuilderGuards.Positive(o.PrewinderSeconds, nameof(o.PrewinderSeconds));
        BuilderGuards.Positive(o.SpoilerSeconds, nameof(o.SpoilerSeconds));
        double dk = CartesianEncoding.DeltaK(o.FovMeters);
        int n = o.Matrix;

        // echo at the end of sample N/2 (k = 0): TE = gap + prewinder + (N/2 + 1)·dwell
        double samplesToEcho = (n / 2 + 1) * o.DwellSeconds;
        double prewinder = o.EchoTimeSeconds is double te
            ? BuilderGuards.Remaining(te, o.ExcitationGapSeconds + samplesToEcho, "EchoTimeSeconds")
            : o.PrewinderSeconds;
        prewinder = Math.Max(prewinder, o.PrewinderSeconds);
        double beforeSpoiler = o.ExcitationGapSeconds + prewinder + n * o.DwellSeconds;
        double spoiler = o.RepetitionTimeSeconds is double tr
            ? BuilderGuards.Remaining(tr, beforeSpoiler + o.SpoilerSeconds, "RepetitionTimeSeconds") + o.SpoilerSeconds
            : o.SpoilerSeconds;

        double flip = BuilderGuards.Radians(o.FlipAngleDegrees);
        double readPrewinder = -(n / 2 + 1) * dk;
        double readEnd = readPrewinder + n * dk;
        double spoilerRead = o.SpoilerMomentInReadouts * n * dk - readEnd;
        int[] lines = CartesianEncoding.PhaseEncodingOrder(n, o.Centric);

        var repetitions = new List<Repetition>(n);
        for (int line = 0; line < n; line++)
        {
            double rfPhase = RfSpoiling.Phase(line, o.RfSpoilingIncrementDegrees);
            double adcPhase = BuilderGuards.AdcPhaseFor(rfPhase);
            double ky = lines[line] * dk;
            var events = new List<SequenceEvent>(n + 3)
            {
                new(o.ExcitationGapSeconds),
                new(prewinder, readPrewinder, ky),
            };
            for (int s = 0; s < n; s++) events.Add(new SequenceEvent(o.DwellSeconds, dk, adcOn: true, adcPhaseRadians: adcPhase));
            events.Add(new SequenceEvent(spoiler, spoilerRead, -ky));
            repetitions.Add(new Repetition(new RfPulse(flip, rfPhase, PulseUsage.Excitation), events));
        }
        return new Sequence(repetitions, $"FLASH {n}x{n} {o.FlipAngleDegrees:G4}°");
    }
}
