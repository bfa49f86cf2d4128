using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Learning.Losses;

/// <summary>Scan time relative to a reference: L = Σ event durations / T_ref; ∂L/∂τₑ = 1/T_ref for every event.</summary>
public sealed class ScanTimePenalty : ISequenceLoss
{
    public ScanTimePenalty(double referenceSeconds)
    {
        if (!(referenceSeconds > 0) || !double.IsFinite(referenceSeconds))
            throw new ArgumentOutOfRangeException(nameof(referenceSeconds), referenceSeconds, "The reference scan time must be positive.");
        ReferenceSeconds = referenceSeconds;
    }

    public double ReferenceSeconds { get; }

    public string Name => "relative_scan_time";

    public double Evaluate(Sequence sequence, SimulationGradients gradient, double weight)
    {
        for (int e = 0; e < gradient.Duration.Length; e++) gradient.Duration[e] += weight / ReferenceSeconds;
        return sequence.DurationSeconds / ReferenceSeconds;
    }
}
