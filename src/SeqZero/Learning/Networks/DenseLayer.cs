namespace SeqZero.Learning.Networks;

/// <summary>Fully connected layer on a batch of rows: y[b, o] = Σᵢ W[o, i]·x[b, i] + c[o]. Parameters live in a caller's
/// flat vector: W row-major (outputs × inputs), then c (outputs). Batches are row-major (batch × features).</summary>
public sealed class DenseLayer
{
    public DenseLayer(int inputs, int outputs)
    {
        if (inputs < 1 || outputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), $"{inputs}×{outputs}: a layer needs ≥ 1 input and output.");
        Inputs = inputs; Outputs = outputs;
    }

    public int Inputs { get; }
    public int Outputs { get; }
    public int ParameterCount => Outputs * Inputs + Outputs;

    /// <summary>Glorot-uniform weights W ~ U(±√(6/(in + out))) from the seeded generator, zero bias.</summary>
    public void Initialize(Span<double> parameters, Random random)
    {
        double limit = Math.Sqrt(6.0 / (Inputs + Outputs));
        for (int i = 0; i < Outputs * Inputs; i++) parameters[i] = limit * (2 * random.NextDouble() - 1);
        parameters.Slice(Outputs * Inputs, Outputs).Clear();
    }

    public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, Span<double> output, int batch)
    {
        Check(parameters, input, output, batch);
        ReadOnlySpan<double> w = parameters[..(Outputs * Inputs)], bias = parameters.Slice(Outputs * Inputs, Outputs);
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<double> x = input.Slice(b * Inputs, Inputs);
            for (int o = 0; o < Outputs; o++)
            {
                double sum = bias[o];
                ReadOnlySpan<double> row = w.Slice(o * Inputs, Inputs);
                for (int i = 0; i < Inputs; i++) sum += row[i] * x[i];
                output[b * Outputs + o] = sum;
            }
        }
    }

    /// <summary>VJP, accumulating (+=): ∂L/∂x[b, i] += Σₒ W[o, i]·ḡ[b, o]; ∂L/∂W[o, i] += Σ_b ḡ[b, o]·x[b, i];
    /// ∂L/∂c[o] += Σ_b ḡ[b, o].</summary>
    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient,
        Span<double> inputGradient, Span<double> parameterGradient, int batch)
    {
        Check(parameters, input, outputGradient, batch);
        if (inputGradient.Length != batch * Inputs || parameterGradient.Length != ParameterCount)
            throw new ArgumentException($"Gradient spans must hold {batch * Inputs} inputs and {ParameterCount} parameters.", nameof(inputGradient));
        ReadOnlySpan<double> w = parameters[..(Outputs * Inputs)];
        Span<double> gw = parameterGradient[..(Outputs * Inputs)], gBias = parameterGradient.Slice(Outputs * Inputs, Outputs);
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<double> x = input.Slice(b * Inputs, Inputs);
            Span<double> gx = inputGradient.Slice(b * Inputs, Inputs);
            for (int o = 0; o < Outputs; o++)
            {
                double g = outputGradient[b * Outputs + o];
                if (g == 0) continue;
                gBias[o] += g;
                ReadOnlySpan<double> row = w.Slice(o * Inputs, Inputs);
                Span<double> gRow = gw.Slice(o * Inputs, Inputs);
                for (int i = 0; i < Inputs; i++) { gRow[i] += g * x[i]; gx[i] += g * row[i]; }
            }
        }
    }

    private void Check(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> output, int batch)
    {
        if (parameters.Length != ParameterCount || input.Length != batch * Inputs || output.Length != batch * Outputs)
            throw new ArgumentException($"Dense {Inputs}→{Outputs} with batch {batch} needs {ParameterCount} parameters, {batch * Inputs} inputs " +
                $"and {batch * Outputs} outputs; got {parameters.Length}, {input.Length}, {output.Length}.", nameof(parameters));
    }
}
