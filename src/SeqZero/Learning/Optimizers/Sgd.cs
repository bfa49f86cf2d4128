namespace SeqZero.Learning.Optimizers;

/// <summary>Gradient descent with optional heavy-ball momentum μ: v ← μv + g, u ← u − η·v (μ = 0: plain SGD).</summary>
public sealed class Sgd(int dimension, double momentum = 0) : IOptimizer
{
    private readonly double[] _velocity = new double[dimension];

    public void Step(Span<double> u, ReadOnlySpan<double> gradient, double learningRate)
    {
        if (u.Length != _velocity.Length || gradient.Length != _velocity.Length)
            throw new ArgumentException($"SGD was made for {_velocity.Length} parameters; got {u.Length} and {gradient.Length} gradients.", nameof(u));
        for (int i = 0; i < u.Length; i++)
        {
            _velocity[i] = momentum * _velocity[i] + gradient[i];
            u[i] -= learningRate * _velocity[i];
        }
    }

    public void Reset() => Array.Clear(_velocity);
}
