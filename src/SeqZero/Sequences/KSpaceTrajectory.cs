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

    /// <summary>VJP of <see cref="AtSamples"/>: given ∂L/∂k per sample (x, y; z may be null), returns ∂L/∂(moment) per
    /// event in sequence order. k at a sample is the signed sum of the moments since the last excitation, so
    /// ∂L/∂gₑ = Σ over later samples of the same excitation of ±∂L/∂kₛ (sign flipped by each refocusing between).</summary>
    public static (double[] X, double[] Y, double[] Z) BackwardAtSamples(Sequence sequence, ReadOnlySpan<double> gradKx,
        ReadOnlySpan<double> gradKy, ReadOnlySpan<double> gradKz = default)
    {
        int events = sequence.EventCount, sample = sequence.AdcCount;
        if (gradKx.Length != sample || gradKy.Length != sample || (!gradKz.IsEmpty && gradKz.Length != sample))
            throw new ArgumentException($"Expected ∂L/∂k for {sample} samples.", nameof(gradKx));
        double[] gx = new double[events], gy = new double[events], gz = new double[events];
        double ax = 0, ay = 0, az = 0; // ∂L/∂k accumulated from the later samples that this event's moment reaches
        int e = events;
        for (int r = sequence.Repetitions.Count - 1; r >= 0; r--)
        {
            Repetition repetition = sequence.Repetitions[r];
            for (int i = repetition.Events.Count - 1; i >= 0; i--)
            {
                e--;
                if (repetition.Events[i].AdcOn)
                {
                    sample--;
                    ax += gradKx[sample]; ay += gradKy[sample];
                    if (!gradKz.IsEmpty) az += gradKz[sample];
                }
                gx[e] = ax; gy[e] = ay; gz[e] = az;
            }
            switch (repetition.Pulse.Usage)
            {
                case PulseUsage.Excitation: ax = ay = az = 0; break;
                case PulseUsage.Refocusing: ax = -ax; ay = -ay; az = -az; break;
            }
        }
        return (gx, gy, gz);
    }

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
