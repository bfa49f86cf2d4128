namespace SeqZero.Learning.Networks;

/// <summary>A per-pixel multilayer perceptron (a stack of 1×1 convolutions): Dense → activation → … → Dense, applied to
/// every row of a batch (one row = one pixel's features). Parameters: one flat vector, layer after layer.
/// <see cref="Forward"/> keeps the intermediate values for the next <see cref="Backward"/>.</summary>
public sealed class PixelMlp : IPixelNetwork
{
    private readonly DenseLayer[] _layers;
    private readonly int[] _offsets;
    private double[][] _inputs = [], _preActivations = [];
    private int _batch;

    /// <param name="sizes">Feature counts: input, hidden…, output (at least two).</param>
    public PixelMlp(IReadOnlyList<int> sizes, ActivationKind activation)
    {
        if (sizes.Count < 2) throw new ArgumentException("An MLP needs at least an input and an output size.", nameof(sizes));
        _layers = [.. Enumerable.Range(0, sizes.Count - 1).Select(i => new DenseLayer(sizes[i], sizes[i + 1]))];
        _offsets = new int[_layers.Length + 1];
        for (int i = 0; i < _layers.Length; i++) _offsets[i + 1] = _offsets[i] + _layers[i].ParameterCount;
        Activation = activation;
    }

    public ActivationKind Activation { get; }
    public int Inputs => _layers[0].Inputs;
    public int Outputs => _layers[^1].Outputs;
    public int ParameterCount => _offsets[^1];

    /// <summary>Seeded Glorot initialisation of every layer.</summary>
    public void Initialize(Span<double> parameters, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < _layers.Length; i++) _layers[i].Initialize(parameters.Slice(_offsets[i], _layers[i].ParameterCount), random);
    }

    /// <summary>Output rows (batch × Outputs) for input rows (batch × Inputs).</summary>
    public double[] Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, int batch)
    {
        _batch = batch;
        _inputs = new double[_layers.Length][];
        _preActivations = new double[_layers.Length][];
        double[] x = input.ToArray();
        for (int i = 0; i < _layers.Length; i++)
        {
            _inputs[i] = x;
            var z = new double[batch * _layers[i].Outputs];
            _layers[i].Forward(Slice(parameters, i), x, z, batch);
            _preActivations[i] = z;
            if (i == _layers.Length - 1) return z;
            x = new double[z.Length];
            Networks.Activation.Forward(Activation, z, x);
        }
        return x;
    }

    /// <summary>VJP of the last <see cref="Forward"/>: returns ∂L/∂input and adds ∂L/∂parameters (+=).</summary>
    public double[] Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> outputGradient, Span<double> parameterGradient)
    {
        if (_inputs.Length == 0) throw new InvalidOperationException("Backward needs a Forward first.");
        double[] g = outputGradient.ToArray();
        for (int i = _layers.Length - 1; i >= 0; i--)
        {
            if (i < _layers.Length - 1)
            {
                var gz = new double[g.Length];
                Networks.Activation.Backward(Activation, _preActivations[i], g, gz);
                g = gz;
            }
            var gx = new double[_batch * _layers[i].Inputs];
            _layers[i].Backward(Slice(parameters, i), _inputs[i], g, gx, parameterGradient.Slice(_offsets[i], _layers[i].ParameterCount), _batch);
            g = gx;
        }
        return g;
    }

    private ReadOnlySpan<double> Slice(ReadOnlySpan<double> parameters, int layer) => parameters.Slice(_offsets[layer], _layers[layer].ParameterCount);
}
