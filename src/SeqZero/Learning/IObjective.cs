namespace SeqZero.Learning;

/// <summary>A differentiable scalar objective of a flat parameter vector: what the optimisers minimise.</summary>
public interface IObjective
{
    /// <summary>Length of the parameter vector u.</summary>
    int Dimension { get; }

    /// <summary>Names of the loss terms reported by <see cref="Evaluate"/>, in order.</summary>
    IReadOnlyList<string> TermNames { get; }

    /// <summary>Total loss Σ wᵢ·Lᵢ(u) and its terms Lᵢ (unweighted); <paramref name="gradient"/> is overwritten with ∂total/∂u.
    /// Throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    LossEvaluation Evaluate(ReadOnlySpan<double> u, Span<double> gradient, CancellationToken cancel = default);
}

/// <summary>Value of an objective: the weighted total and each unweighted term (same order as TermNames).</summary>
public sealed record LossEvaluation(double Total, double[] Terms);
