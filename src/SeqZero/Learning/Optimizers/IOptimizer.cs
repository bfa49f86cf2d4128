namespace SeqZero.Learning.Optimizers;

/// <summary>A first-order update rule on a flat parameter vector.</summary>
public interface IOptimizer
{
    /// <summary>u ← update(u, ∂L/∂u) with step size <paramref name="learningRate"/> (in units of u).</summary>
    void Step(Span<double> u, ReadOnlySpan<double> gradient, double learningRate);

    /// <summary>Forgets all running state (moments, step count), as after a random restart.</summary>
    void Reset();
}
