using System.Numerics;
using SeqZero.Learning;
using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>A prepared `optimize` task: the objective with its free parameters, the start vector, the reference
/// sequence (target or SAR reference), the target image if there is one, and the optimiser options.
/// <see cref="Objective"/> defines the parameters and measures the result on the phantom.</summary>
internal sealed record OptimizationTask(
    string Name,
    SequenceObjective<float> Objective,
    double[] Start,
    Sequence Reference,
    Complex[]? TargetImage,
    int Spins,
    OptimizationOptions Options)
{
    /// <summary>What the optimiser minimises when it is not <see cref="Objective"/> itself (sparse training); the record
    /// of the run (NRMSE, images) always uses <see cref="Objective"/>.</summary>
    public IObjective? Training { get; init; }

    /// <summary>Called before each iteration (e.g. to draw the next sparse training sample); may be null.</summary>
    public Action<int>? BeforeIteration { get; init; }
}
