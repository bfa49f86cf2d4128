namespace SeqZero.Sequences.Builders;

/// <summary>Builds a 2D bSSFP. Repetition: pulse (phase 0 or π alternately) → prewinder → N samples → rewinder, with
/// the k = 0 sample ending at TR/2 and all moments summing to zero. ADC phase follows the pulse phase so the echo of
/// every line has the same sign.</summary>
public static class Bssfp
{
    public static Sequence Build(BssfpOptions o)
    {
        CartesianEncoding.RequireMatrix(o.Matrix);
        BuilderGuards.Positive(o.DwellSeconds, nameof(o.DwellSeconds));
        BuilderGuards.Positive(o.PrewinderSeconds, nameof(o.PrewinderSeconds));
        if (o.DummyRepetitions < 0) throw new ArgumentOutOfRangeException(nameof(o.DummyRepetitions), o.DummyRepetitions, "Must be ≥ 0.");
        double dk = CartesianEncoding.DeltaK(o.FovMeters);
        int n = o.Matrix;

        // symmetric around the k = 0 sample: the sample N/2 ends at TR/2
        double firstHalf = (n / 2 + 1) * o.DwellSeconds, secondHalf = (n - n / 2 - 1) * o.DwellSeconds;
        double minimumHalfTr = Math.Max(firstHalf, secondHalf) + o.PrewinderSeconds;
        double halfTr = o.RepetitionTimeSeconds is double tr
            ? BuilderGuards.Remaining(tr / 2, minimumHalfTr, "RepetitionTimeSeconds") + minimumHalfTr
            : minimumHalfTr;
        double prewinder = halfTr - firstHalf, rewinder = halfTr - secondHalf;

        double flip = BuilderGuards.Radians(o.FlipAngleDegrees);
        double readPrewinder = -(n / 2 + 1) * dk;
        double readRewinder = -(readPrewinder + n * dk);
        var repetitions = new List<Repetition>();
        int pulseIndex = 0;
        if (o.HalfAlphaPreparation)
        {
            repetitions.Add(new Repetition(new RfPulse(flip / 2, Math.PI, PulseUsage.Excitation), [new SequenceEvent(halfTr)]));
        }
        for (int line = -o.DummyRepetitions; line < n; line++, pulseIndex++)
        {
            double rfPhase = pulseIndex % 2 == 0 ? 0 : Math.PI;
            double adcPhase = BuilderGuards.AdcPhaseFor(rfPhase);
            double ky = line < 0 ? 0 : (line - n / 2) * dk;
            bool acquire = line >= 0;
            var events = new List<SequenceEvent>(n + 2) { new(prewinder, readPrewinder, ky) };
            for (int s = 0; s < n; s++) events.Add(new SequenceEvent(o.DwellSeconds, dk, adcOn: acquire, adcPhaseRadians: adcPhase));
            events.Add(new SequenceEvent(rewinder, readRewinder, -ky));
            repetitions.Add(new Repetition(new RfPulse(flip, rfPhase, PulseUsage.Excitation), events));
        }
        return new Sequence(repetitions, $"bSSFP {n}x{n} {o.FlipAngleDegrees:G4}°");
    }
}
