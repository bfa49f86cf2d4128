namespace SeqZero.Sequences.Builders;

/// <summary>Builds a multi-shot 2D spin echo. Per line: excitation (phase π/2) with read/phase prewinder in the first
/// half-echo, refocusing (phase 0) with crushers, N samples whose k = 0 sample ends at TE, and a spoiler to TR.</summary>
public static class SpinEcho
{
    public static Sequence Build(SpinEchoOptions o)
    {
        CartesianEncoding.RequireMatrix(o.Matrix);
        BuilderGuards.Positive(o.DwellSeconds, nameof(o.DwellSeconds));
        BuilderGuards.Positive(o.EchoTimeSeconds, nameof(o.EchoTimeSeconds));
        BuilderGuards.NonNegative(o.CrusherInReadouts, nameof(o.CrusherInReadouts));
        double dk = CartesianEncoding.DeltaK(o.FovMeters);
        int n = o.Matrix;
        double halfEcho = o.EchoTimeSeconds / 2;
        double toEcho = (n / 2 + 1) * o.DwellSeconds;
        double afterRefocusing = BuilderGuards.Remaining(halfEcho, toEcho, "EchoTimeSeconds / 2");
        double used = o.EchoTimeSeconds + (n - n / 2 - 1) * o.DwellSeconds;
        double spoiler = BuilderGuards.Remaining(o.RepetitionTimeSeconds, used, "RepetitionTimeSeconds");
        BuilderGuards.Positive(spoiler, "RepetitionTimeSeconds − readout end");

        double crusher = o.CrusherInReadouts * n * dk;
        double readPrewinder = -(n / 2 + 1) * dk;
        double excitationPhase = Math.PI / 2;
        double adcPhase = BuilderGuards.AdcPhaseFor(excitationPhase);
        var repetitions = new List<Repetition>(2 * n);
        for (int line = 0; line < n; line++)
        {
            double ky = (line - n / 2) * dk;
            // before the 180° the moments are negated, so the prewinder is applied with the opposite sign
            repetitions.Add(new Repetition(new RfPulse(Math.PI / 2, excitationPhase, PulseUsage.Excitation),
                [new SequenceEvent(halfEcho, crusher - readPrewinder, -ky)]));
            var events = new List<SequenceEvent>(n + 2) { new(afterRefocusing, crusher) };
            for (int s = 0; s < n; s++) events.Add(new SequenceEvent(o.DwellSeconds, dk, adcOn: true, adcPhaseRadians: adcPhase));
            events.Add(new SequenceEvent(spoiler, n * dk, 0));
            repetitions.Add(new Repetition(new RfPulse(Math.PI, 0, PulseUsage.Refocusing), events));
        }
        return new Sequence(repetitions, $"SE {n}x{n} TE {o.EchoTimeSeconds * 1e3:G4} ms");
    }
}
