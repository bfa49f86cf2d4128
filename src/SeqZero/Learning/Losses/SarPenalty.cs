using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Learning.Losses;

/// <summary>RF energy relative to a reference, the MRzero paper's SAR measure: L = Σα² / Σα²_ref (1 = same SAR);
/// ∂L/∂αᵣ = 2αᵣ / Σα²_ref.</summary>
public sealed class SarPenalty : ISequenceLoss
{
    public SarPenalty(double referenceEnergyRadiansSquared)
    {
        if (!(referenceEnergyRadiansSquared > 0) || !double.IsFinite(referenceEnergyRadiansSquared))
            throw new ArgumentOutOfRangeException(nameof(referenceEnergyRadiansSquared), referenceEnergyRadiansSquared, "The reference RF energy must be positive.");
        ReferenceEnergyRadiansSquared = referenceEnergyRadiansSquared;
    }

    /// <summary>Σα² of the reference sequence [rad²].</summary>
    public double ReferenceEnergyRadiansSquared { get; }

    public string Name => "relative_sar";

    public double Evaluate(Sequence sequence, SimulationGradients gradient, double weight)
    {
        double sum = 0;
        for (int r = 0; r < sequence.Repetitions.Count; r++)
        {
            double alpha = sequence.Repetitions[r].Pulse.FlipAngleRadians;
            sum += alpha * alpha;
            gradient.FlipAngle[r] += weight * 2 * alpha / ReferenceEnergyRadiansSquared;
        }
        return sum / ReferenceEnergyRadiansSquared;
    }
}
