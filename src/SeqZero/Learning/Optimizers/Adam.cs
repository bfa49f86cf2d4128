namespace SeqZero.Learning.Optimizers;

/// <summary>Adam (Kingma &amp; Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², u ← u − η·m̂/(√v̂ + ε) with
/// bias corrections m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Steps are ≈ η per component whatever the gradient's scale.</summary>
public sealed class Adam(int dimension, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    private readonly double[] _m = new double[dimension], _v = new double[dimension];
    private int _step;

    public void Step(Span<double> u, ReadOnlySpan<double> gradient, double learningRate)
    {
        if (u.Length != _m.Length || gradient.Length != _m.Length)
            throw new ArgumentException($"Adam was made for {_m.Length} parameters; got {u.Length} and {gradient.Length} gradients.", nameof(u));
        _step++;
        double c1 = 1 - Math.Pow(beta1, _step), c2 = 1 - Math.Pow(beta2, _step);
        for (int i = 0; i < u.Length; i++)
        {
            double g = gradient[i];
            _m[i] = beta1 * _m[i] + (1 - beta1) * g;
            _v[i] = beta2 * _v[i] + (1 - beta2) * g * g;
            u[i] -= learningRate * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + epsilon);
        }
    }

    public void Reset()
    {
        Array.Clear(_m);
        Array.Clear(_v);
        _step = 0;
    }
}
