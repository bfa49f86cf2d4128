using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Learning.Losses;

/// <summary>A scalar penalty on the sequence parameters themselves (RF energy, scan time), without simulation.</summary>
public interface ISequenceLoss
{
    /// <summary>Name used in histories and progress lines.</summary>
    string Name { get; }

    /// <summary>Returns the unweighted value L(sequence) and adds weight·∂L/∂p into <paramref name="gradient"/>
    /// (per repetition for pulses, per event in sequence order for events).</summary>
    double Evaluate(Sequence sequence, SimulationGradients gradient, double weight);
}
