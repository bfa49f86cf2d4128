namespace SeqZero.Sequences;

/// <summary>One free-precession interval of a repetition: relaxation and precession for
/// <see cref="DurationSeconds"/>, during which the gradients add the moment (x, y, z) [cycles/m] to k.
/// With the ADC on, the magnetisation at the END of the interval is sampled, demodulated by e^{i·φ_ADC}.</summary>
public sealed class SequenceEvent
{
    public SequenceEvent(double durationSeconds, double gradientMomentXPerMeter = 0, double gradientMomentYPerMeter = 0,
        double gradientMomentZPerMeter = 0, bool adcOn = false, double adcPhaseRadians = 0)
    {
        DurationSeconds = durationSeconds;
        GradientMomentXPerMeter = gradientMomentXPerMeter;
        GradientMomentYPerMeter = gradientMomentYPerMeter;
        GradientMomentZPerMeter = gradientMomentZPerMeter;
        AdcOn = adcOn;
        AdcPhaseRadians = adcPhaseRadians;
    }

    /// <summary>Length of the interval [s], ≥ 0.</summary>
    public double DurationSeconds { get; set; }

    /// <summary>∫Gx dt over the interval [cycles/m] (Gx in Hz/m).</summary>
    public double GradientMomentXPerMeter { get; set; }

    /// <summary>∫Gy dt over the interval [cycles/m].</summary>
    public double GradientMomentYPerMeter { get; set; }

    /// <summary>∫Gz dt over the interval [cycles/m].</summary>
    public double GradientMomentZPerMeter { get; set; }

    /// <summary>Whether the magnetisation at the end of this interval is recorded as one signal sample.</summary>
    public bool AdcOn { get; set; }

    /// <summary>Receiver phase φ_ADC [rad]: the recorded sample is Σ M⊥·e^{iφ_ADC}.</summary>
    public double AdcPhaseRadians { get; set; }

    public SequenceEvent Clone() => new(DurationSeconds, GradientMomentXPerMeter, GradientMomentYPerMeter,
        GradientMomentZPerMeter, AdcOn, AdcPhaseRadians);
}
