using SeqZero.Sequences;

namespace SeqZero.Simulation;

/// <summary>Diffusion attenuation of transverse magnetisation along the sequence's k-space trajectory (the primary
/// coherence pathway): an event of duration τ whose moment g ramps k linearly from k₀ adds
/// b = 4π²·τ·(|k₀|² + k₀·g + |g|²/3) [s/m²], and M⊥ is multiplied by e^{−D·b}. With k reset at excitation and negated at
/// refocusing this gives the Stejskal–Tanner b-value of a spin echo. Other pathways (stimulated echoes, FIDs of later
/// pulses) are attenuated as the primary one: an approximation an isochromat model cannot avoid cheaply.</summary>
internal sealed class DiffusionWeighting
{
    private static readonly double FourPiSquared = 4 * Math.PI * Math.PI;
    private readonly Sequence _sequence;
    private readonly CompiledSequence _compiled;
    private readonly int[] _passOfEvent;

    public DiffusionWeighting(Sequence sequence, CompiledSequence compiled)
    {
        _sequence = sequence;
        _compiled = compiled;
        _passOfEvent = new int[compiled.EventCount];
        for (int p = 0; p < compiled.Passes.Length; p++)
            for (int e = compiled.Passes[p].FirstEvent; e < compiled.Passes[p].FirstEvent + compiled.Passes[p].EventCount; e++)
                _passOfEvent[e] = p;
        PassB = new double[compiled.Passes.Length];
        foreach ((int e, SequenceEvent ev, double kx, double ky, double kz) in EventsWithStartK())
            PassB[_passOfEvent[e]] += FourPiSquared * ev.DurationSeconds * Ramp(kx, ky, kz, ev);
    }

    /// <summary>b of each pass [s/m²] (the sum over its events).</summary>
    public double[] PassB { get; }

    /// <summary>Adds ∂L/∂τ and ∂L/∂g per event, given ∂L/∂b per pass. b of an event depends on its own τ and g and,
    /// through k₀, on every earlier moment since the excitation (signed by the refocusing pulses in between).</summary>
    public void Backward(double[] passBAdjoint, SimulationGradients gradients)
    {
        var events = EventsWithStartK().ToArray();
        double ax = 0, ay = 0, az = 0; // Σ over later events of ±∂L/∂k₀
        int rep = _compiled.RepetitionCount - 1;
        for (int i = events.Length - 1; i >= 0; i--)
        {
            (int e, SequenceEvent ev, double kx, double ky, double kz) = events[i];
            while (e < _compiled.RepetitionEventStart[rep])
            {
                // moving back across the pulse of repetition `rep`
                switch (_compiled.Usage[rep])
                {
                    case PulseUsage.Excitation: ax = ay = az = 0; break;
                    case PulseUsage.Refocusing: ax = -ax; ay = -ay; az = -az; break;
                }
                rep--;
            }
            double db = passBAdjoint[_passOfEvent[e]] * FourPiSquared, tau = ev.DurationSeconds;
            double gx = ev.GradientMomentXPerMeter, gy = ev.GradientMomentYPerMeter, gz = ev.GradientMomentZPerMeter;
            gradients.Duration[e] += db * Ramp(kx, ky, kz, ev);
            gradients.MomentX[e] += db * tau * (kx + 2 * gx / 3) + ax;
            gradients.MomentY[e] += db * tau * (ky + 2 * gy / 3) + ay;
            gradients.MomentZ[e] += db * tau * (kz + 2 * gz / 3) + az;
            ax += db * tau * (2 * kx + gx); ay += db * tau * (2 * ky + gy); az += db * tau * (2 * kz + gz);
        }
    }

    /// <summary>(1/τ)∫|k|²dt over a linear ramp from k₀ to k₀ + g: |k₀|² + k₀·g + |g|²/3.</summary>
    private static double Ramp(double kx, double ky, double kz, SequenceEvent ev)
    {
        double gx = ev.GradientMomentXPerMeter, gy = ev.GradientMomentYPerMeter, gz = ev.GradientMomentZPerMeter;
        return kx * kx + ky * ky + kz * kz + kx * gx + ky * gy + kz * gz + (gx * gx + gy * gy + gz * gz) / 3;
    }

    /// <summary>Every event with its global number and k at its start (reset at excitation, negated at refocusing).</summary>
    private IEnumerable<(int Event, SequenceEvent Value, double Kx, double Ky, double Kz)> EventsWithStartK()
    {
        double kx = 0, ky = 0, kz = 0;
        int e = 0;
        foreach (Repetition repetition in _sequence.Repetitions)
        {
            switch (repetition.Pulse.Usage)
            {
                case PulseUsage.Excitation: kx = ky = kz = 0; break;
                case PulseUsage.Refocusing: kx = -kx; ky = -ky; kz = -kz; break;
            }
            foreach (SequenceEvent ev in repetition.Events)
            {
                yield return (e++, ev, kx, ky, kz);
                kx += ev.GradientMomentXPerMeter; ky += ev.GradientMomentYPerMeter; kz += ev.GradientMomentZPerMeter;
            }
        }
    }
}
