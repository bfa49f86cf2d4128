namespace SeqZero.Sequences.Builders;

/// <summary>Builds an inversion-prepared, centric FLASH train. Each block: 180° inversion (phase 0) followed by one event
/// of TI with a spoiler moment, then N FLASH repetitions (centric order, RF spoiled), the last of which also waits the
/// recovery time. Inversion times appear as event durations, so an optimiser can learn them.</summary>
public static class InversionFlash
{
    public static Sequence Build(InversionFlashOptions o)
    {
        if (o.InversionTimesSeconds.Count == 0) throw new ArgumentException("At least one inversion time is needed.", nameof(o));
        foreach (double ti in o.InversionTimesSeconds) BuilderGuards.NonNegative(ti, nameof(o.InversionTimesSeconds));
        BuilderGuards.NonNegative(o.RecoverySeconds, nameof(o.RecoverySeconds));
        double dk = CartesianEncoding.DeltaK(o.FovMeters);
        Sequence readout = Flash.Build(new FlashOptions
        {
            Matrix = o.Matrix, FovMeters = o.FovMeters, FlipAngleDegrees = o.FlipAngleDegrees, DwellSeconds = o.DwellSeconds,
            Centric = true,
        });

        var repetitions = new List<Repetition>();
        for (int block = 0; block < o.InversionTimesSeconds.Count; block++)
        {
            repetitions.Add(new Repetition(new RfPulse(Math.PI, 0, PulseUsage.Inversion),
                [new SequenceEvent(o.InversionTimesSeconds[block], o.InversionSpoilerInReadouts * o.Matrix * dk)]));
            for (int line = 0; line < readout.Repetitions.Count; line++)
            {
                Repetition r = readout.Repetitions[line].Clone();
                if (line == readout.Repetitions.Count - 1) r.Events.Add(new SequenceEvent(o.RecoverySeconds));
                repetitions.Add(r);
            }
        }
        return new Sequence(repetitions, $"IR-FLASH {o.Matrix}x{o.Matrix} × {o.InversionTimesSeconds.Count}");
    }
}
