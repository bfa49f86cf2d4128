namespace SeqZero.Learning.Networks;

/// <summary>A network that maps per-pixel feature rows (pixel-major: pixel p's features at p·Inputs …) to per-pixel
/// outputs (p·Outputs …), with its VJP. Parameters: one flat vector owned by the caller. <see cref="Forward"/> keeps
/// what the next <see cref="Backward"/> needs, so calls alternate Forward, Backward on one thread.</summary>
public interface IPixelNetwork
{
    /// <summary>Features per input pixel.</summary>
    int Inputs { get; }
    /// <summary>Values per output pixel.</summary>
    int Outputs { get; }
    int ParameterCount { get; }

    /// <summary>Seeded initial weights (same seed, same weights).</summary>
    void Initialize(Span<double> parameters, int seed);

    /// <summary>Output rows (pixels × Outputs) for input rows (pixels × Inputs).</summary>
    double[] Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, int pixels);

    /// <summary>VJP of the last <see cref="Forward"/>: returns ∂L/∂input rows and adds ∂L/∂parameters (+=).</summary>
    double[] Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> outputGradient, Span<double> parameterGradient);
}
