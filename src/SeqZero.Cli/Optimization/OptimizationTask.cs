using System.Numerics;
using SeqZero.Learning;
using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>A prepared `optimize` task: the objective with its free parameters, the start vector, the reference
/// sequence (target or SAR reference), the target image if there is one, and the optimiser options.</summary>
internal sealed record OptimizationTask(
    string Name,
    SequenceObjective<float> Objective,
    double[] Start,
    Sequence Reference,
    Complex[]? TargetImage,
    int Spins,
    OptimizationOptions Options)
{
    /// <summary>Called before each iteration (e.g. to draw the next sparse training sample); may be null.</summary>
    public Action<int>? BeforeIteration { get; init; }
}
