namespace SeqZero.Search;

/// <summary>Adam (Kingma & Ba 2015) as PyTorch implements it, β2 = 0.999, ε = 1e-8, β1 given (PyTorch's default 0.9):
/// m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², p ← p − lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂.
/// Every entry moves every step (also entries whose gradient is 0 this step, by their momentum).</summary>
public sealed class Adam(int length, double learningRate, double beta1 = 0.9)
{
    private const double Beta2 = 0.999, Epsilon = 1e-8;
    private readonly double beta1Checked = beta1 is >= 0 and < 1 ? beta1 : throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β1 must be in [0, 1).");
    private readonly double[] m = new double[length], v = new double[length];
    private int step;

    public double LearningRate { get; } = learningRate;

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        if (parameters.Length != m.Length || gradient.Length != m.Length)
            throw new ArgumentException($"Adam holds {m.Length} parameters; got {parameters.Length} parameters and {gradient.Length} gradients.");
        step++;
        double c1 = 1 - Math.Pow(beta1Checked, step), c2 = 1 - Math.Pow(Beta2, step);
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = beta1Checked * m[i] + (1 - beta1Checked) * gradient[i];
            v[i] = Beta2 * v[i] + (1 - Beta2) * gradient[i] * gradient[i];
            parameters[i] -= LearningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + Epsilon);
        }
    }
}
