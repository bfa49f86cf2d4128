namespace SeqZero.Learning.Networks;

/// <summary>A small convolutional network on H×W images: Conv k₀×k₀ → activation → … → Conv, all with 'same' zero padding,
/// so each pixel's output depends on its neighbourhood (receptive field 1 + Σ(kₗ − 1) pixels wide). It takes and returns
/// pixel-major rows as <see cref="PixelMlp"/> does (a batch is a whole number of images), so the two are interchangeable;
/// inside, images are channel-major planes. Hidden layers start with He weights (they feed ReLU/GELU), the last with
/// Glorot. Intermediate buffers are reused while the number of images stays the same.</summary>
public sealed class ImageCnn : IPixelNetwork
{
    private readonly Conv2DLayer[] _layers;
    private readonly int[] _offsets;
    // per layer l: its input (= activation of layer l − 1), its pre-activation output, and their gradients
    private double[][] _inputs = [], _preActivations = [], _inputGradients = [], _preActivationGradients = [];
    private int _images;

    /// <param name="channels">Channels: input, hidden…, output (at least two).</param>
    /// <param name="kernelSizes">Odd kernel size of each layer (one fewer than channels).</param>
    public ImageCnn(int height, int width, IReadOnlyList<int> channels, IReadOnlyList<int> kernelSizes, ActivationKind activation)
    {
        if (channels.Count < 2) throw new ArgumentException("A CNN needs at least an input and an output channel count.", nameof(channels));
        if (kernelSizes.Count != channels.Count - 1)
            throw new ArgumentException($"{channels.Count} channel counts need {channels.Count - 1} kernel sizes; got {kernelSizes.Count}.", nameof(kernelSizes));
        _layers = [.. Enumerable.Range(0, kernelSizes.Count).Select(l => new Conv2DLayer(channels[l], channels[l + 1], kernelSizes[l], height, width))];
        _offsets = new int[_layers.Length + 1];
        for (int l = 0; l < _layers.Length; l++) _offsets[l + 1] = _offsets[l] + _layers[l].ParameterCount;
        Height = height; Width = width; Activation = activation;
    }

    public int Height { get; }
    public int Width { get; }
    public ActivationKind Activation { get; }
    public int Inputs => _layers[0].InputChannels;
    public int Outputs => _layers[^1].OutputChannels;
    public int ParameterCount => _offsets[^1];

    public void Initialize(Span<double> parameters, int seed)
    {
        var random = new Random(seed);
        for (int l = 0; l < _layers.Length; l++)
            _layers[l].Initialize(parameters.Slice(_offsets[l], _layers[l].ParameterCount), random,
                l < _layers.Length - 1 ? WeightInitialization.He : WeightInitialization.Glorot);
    }

    /// <param name="pixels">Rows in <paramref name="input"/>: a multiple of Height·Width (one image after another).</param>
    public double[] Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, int pixels)
    {
        int perImage = Height * Width;
        if (pixels < 1 || pixels % perImage != 0 || input.Length != pixels * Inputs || parameters.Length != ParameterCount)
            throw new ArgumentException($"A {Height}×{Width} CNN needs whole images of {perImage} pixels × {Inputs} features and {ParameterCount} " +
                $"parameters; got {pixels} pixels, {input.Length} inputs, {parameters.Length} parameters.", nameof(input));
        EnsureBuffers(pixels / perImage);
        RowsToPlanes(input, _inputs[0], Inputs);
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l].Forward(Slice(parameters, l), _inputs[l], _preActivations[l], _images);
            if (l < _layers.Length - 1) Networks.Activation.Forward(Activation, _preActivations[l], _inputs[l + 1]);
        }
        var output = new double[pixels * Outputs];
        PlanesToRows(_preActivations[^1], output, Outputs);
        return output;
    }

    public double[] Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> outputGradient, Span<double> parameterGradient)
    {
        if (_images == 0) throw new InvalidOperationException("Backward needs a Forward first.");
        if (outputGradient.Length != _preActivations[^1].Length || parameterGradient.Length != ParameterCount)
            throw new ArgumentException($"Expected {_preActivations[^1].Length} output gradients and {ParameterCount} parameter gradients.", nameof(outputGradient));
        RowsToPlanes(outputGradient, _preActivationGradients[^1], Outputs);
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            Array.Clear(_inputGradients[l]);
            _layers[l].Backward(Slice(parameters, l), _inputs[l], _preActivationGradients[l], _inputGradients[l],
                parameterGradient.Slice(_offsets[l], _layers[l].ParameterCount), _images);
            if (l == 0) break;
            Array.Clear(_preActivationGradients[l - 1]);
            Networks.Activation.Backward(Activation, _preActivations[l - 1], _inputGradients[l], _preActivationGradients[l - 1]);
        }
        var inputGradient = new double[_images * Height * Width * Inputs];
        PlanesToRows(_inputGradients[0], inputGradient, Inputs);
        return inputGradient;
    }

    private void EnsureBuffers(int images)
    {
        if (images == _images) return;
        _images = images;
        _inputs = [.. _layers.Select(layer => new double[images * layer.Inputs])];
        _inputGradients = [.. _layers.Select(layer => new double[images * layer.Inputs])];
        _preActivations = [.. _layers.Select(layer => new double[images * layer.Outputs])];
        _preActivationGradients = [.. _layers.Select(layer => new double[images * layer.Outputs])];
    }

    /// <summary>Pixel-major rows [image, pixel, channel] → channel-major planes [image, channel, pixel].</summary>
    private void RowsToPlanes(ReadOnlySpan<double> rows, Span<double> planes, int channels)
    {
        int perImage = Height * Width;
        for (int b = 0; b < _images; b++)
            for (int p = 0; p < perImage; p++)
                for (int c = 0; c < channels; c++)
                    planes[(b * channels + c) * perImage + p] = rows[(b * perImage + p) * channels + c];
    }

    /// <summary>Channel-major planes → pixel-major rows (the inverse permutation of <see cref="RowsToPlanes"/>).</summary>
    private void PlanesToRows(ReadOnlySpan<double> planes, Span<double> rows, int channels)
    {
        int perImage = Height * Width;
        for (int b = 0; b < _images; b++)
            for (int c = 0; c < channels; c++)
                for (int p = 0; p < perImage; p++)
                    rows[(b * perImage + p) * channels + c] = planes[(b * channels + c) * perImage + p];
    }

    private ReadOnlySpan<double> Slice(ReadOnlySpan<double> parameters, int layer) => parameters.Slice(_offsets[layer], _layers[layer].ParameterCount);
}
