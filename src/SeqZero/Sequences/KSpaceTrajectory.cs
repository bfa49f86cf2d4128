namespace SeqZero.Sequences;

/// <summary>One point of the k-space trajectory [cycles/m] with its dephasing time τ [s]: the time since the last
/// excitation, counted with the same sign rules as k (mirrored at refocusing), so B0 phase at a sample is −2π·ΔB0·τ.</summary>
public readonly record struct KSpacePoint(double KxPerMeter, double KyPerMeter, double KzPerMeter, double DephasingTimeSeconds);

/// <summary>k(t) of a sequence: the running sum of gradient moments, reset to 0 at each excitation pulse and negated
/// at each refocusing pulse; inversion, storage and undefined pulses leave it unchanged. k is taken at the end of an
/// event, the instant the ADC samples in SeqZero's event model.</summary>
public static class KSpaceTrajectory
{
    /// <summary>k at every ADC sample, in acquisition order.</summary>
    public static KSpacePoint[] AtSamples(Sequence sequence) => Compute(sequence, samplesOnly: true);

    /// <summary>k at the end of every event, repetition by repetition.</summary>
    public static KSpacePoint[] AtEvents(Sequence sequence) => Compute(sequence, samplesOnly: false);

    private static KSpacePoint[] Compute(Sequence sequence, bool samplesOnly)
    {
        var points = new List<KSpacePoint>(samplesOnly ? sequence.AdcCount : sequence.EventCount);
        double kx = 0, ky = 0, kz = 0, tau = 0;
        foreach (Repetition repetition in sequence.Repetitions)
        {
            switch (repetition.Pulse.Usage)
            {
                case PulseUsage.Excitation: kx = ky = kz = tau = 0; break;
                case PulseUsage.Refocusing: kx = -kx; ky = -ky; kz = -kz; tau = -tau; break;
            }
            foreach (SequenceEvent e in repetition.Events)
            {
                kx += e.GradientMomentXPerMeter;
                ky += e.GradientMomentYPerMeter;
                kz += e.GradientMomentZPerMeter;
                tau += e.DurationSeconds;
                if (!samplesOnly || e.AdcOn) points.Add(new KSpacePoint(kx, ky, kz, tau));
            }
        }
        return [.. points];
    }
}
