namespace SeqZero.Learning.Networks;

/// <summary>Element-wise activations with their VJPs. GELU uses the tanh form
/// gelu(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³))) (Hendrycks &amp; Gimpel 2016); ReLU = max(0, x) with derivative 0 at 0.</summary>
public enum ActivationKind
{
    Relu,
    Gelu,
}

/// <summary>Forward and backward of <see cref="ActivationKind"/> over spans.</summary>
public static class Activation
{
    private static readonly double GeluScale = Math.Sqrt(2 / Math.PI);
    private const double GeluCubic = 0.044715;

    public static void Forward(ActivationKind kind, ReadOnlySpan<double> input, Span<double> output)
    {
        if (output.Length != input.Length) throw new ArgumentException("Input and output lengths differ.", nameof(output));
        for (int i = 0; i < input.Length; i++)
        {
            double x = input[i];
            output[i] = kind == ActivationKind.Relu ? Math.Max(0, x) : 0.5 * x * (1 + Math.Tanh(GeluScale * (x + GeluCubic * x * x * x)));
        }
    }

    /// <summary>VJP, accumulating: ∂L/∂x += f'(x)·ḡ.</summary>
    public static void Backward(ActivationKind kind, ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient, Span<double> inputGradient)
    {
        if (outputGradient.Length != input.Length || inputGradient.Length != input.Length)
            throw new ArgumentException("Input and gradient lengths differ.", nameof(inputGradient));
        for (int i = 0; i < input.Length; i++)
        {
            double x = input[i], derivative;
            if (kind == ActivationKind.Relu) derivative = x > 0 ? 1 : 0;
            else
            {
                double t = Math.Tanh(GeluScale * (x + GeluCubic * x * x * x));
                derivative = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GeluScale * (1 + 3 * GeluCubic * x * x);
            }
            inputGradient[i] += derivative * outputGradient[i];
        }
    }
}
