namespace SeqZero.Sequences;

/// <summary>RF energy as the MRzero paper measures SAR: Σ α² over all pulses [rad²]. For pulses of equal shape and
/// duration, deposited energy scales with α², so the ratio of two sums is the relative SAR.</summary>
public static class RfEnergy
{
    /// <summary>Σ α² [rad²] over every pulse of the sequence.</summary>
    public static double SumOfSquaredFlipAngles(Sequence sequence) =>
        sequence.Repetitions.Sum(r => r.Pulse.FlipAngleRadians * r.Pulse.FlipAngleRadians);

    /// <summary>Σα²(sequence) / Σα²(reference); 1 = same SAR. Throws when the reference has no RF energy.</summary>
    public static double RelativeSar(Sequence sequence, Sequence reference)
    {
        double referenceEnergy = SumOfSquaredFlipAngles(reference);
        if (referenceEnergy <= 0)
            throw new ArgumentException($"Reference sequence '{reference.Name}' has no RF energy; relative SAR is undefined.", nameof(reference));
        return SumOfSquaredFlipAngles(sequence) / referenceEnergy;
    }
}
