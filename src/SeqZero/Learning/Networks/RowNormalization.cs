namespace SeqZero.Learning.Networks;

/// <summary>Scales every row (one pixel's features) to unit length: y = x/√(‖x‖² + ε²). Removes PD and receive scaling so a
/// network sees only the signal's shape; ε keeps empty pixels finite.</summary>
public static class RowNormalization
{
    public static void Forward(ReadOnlySpan<double> input, Span<double> output, int width, double epsilon)
    {
        for (int start = 0; start < input.Length; start += width)
        {
            double n = Norm(input.Slice(start, width), epsilon);
            for (int i = start; i < start + width; i++) output[i] = input[i] / n;
        }
    }

    /// <summary>VJP, accumulating: with n = √(‖x‖² + ε²), ∂yᵢ/∂xⱼ = δᵢⱼ/n − xᵢxⱼ/n³, so ∂L/∂x = ḡ/n − x·(x·ḡ)/n³.</summary>
    public static void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient, Span<double> inputGradient, int width, double epsilon)
    {
        for (int start = 0; start < input.Length; start += width)
        {
            ReadOnlySpan<double> x = input.Slice(start, width), g = outputGradient.Slice(start, width);
            double n = Norm(x, epsilon), xg = 0;
            for (int i = 0; i < width; i++) xg += x[i] * g[i];
            for (int i = 0; i < width; i++) inputGradient[start + i] += g[i] / n - x[i] * xg / (n * n * n);
        }
    }

    private static double Norm(ReadOnlySpan<double> x, double epsilon)
    {
        double sum = epsilon * epsilon;
        foreach (double v in x) sum += v * v;
        return Math.Sqrt(sum);
    }
}
