using System.Numerics.Tensors;

namespace SeqZero.Learning.Networks;

/// <summary>2-D convolution with 'same' zero padding on a batch of images (cross-correlation, as deep-learning frameworks
/// define it): y[b, o, r, c] = bias[o] + Σᵢ Σ_{dy,dx} W[o, i, dy, dx]·x[b, i, r + dy − p, c + dx − p], p = (k − 1)/2, x = 0
/// outside the image. Images are channel-major stacks of row-major planes (batch × channels × height × width). Parameters
/// live in a caller's flat vector: W (outputs × inputs × k × k), then bias (outputs).
/// <para>Computed as im2col: one matrix row per (input channel, dy, dx) holding the shifted, zero-padded input plane, so
/// the forward pass and both VJPs are vectorised axpy/dot products over tiles of pixels. Threads take pixel tiles (forward,
/// ∂x) or im2col rows (∂W) when the work is large. Buffers are kept between calls (no allocation per call beyond
/// Parallel.For's own), so one instance must not run on two threads at once.</para>
/// <para>Measured (2 shared cores, load ≈ 7, medians, 2026-11-23): 32→32 3×3 on 64² (37.7 M multiply-adds) forward 8.6 ms,
/// backward 15 ms; on 128² 31 ms and 66 ms; a naive 7-loop forward took 4–8× longer.</para></summary>
public sealed class Conv2DLayer
{
    /// <summary>Pixels per work item: one row segment is 2 KiB, the tile's outputs or output gradients (channels × 2 KiB) stay in L2.</summary>
    private const int PixelsPerTile = 256;
    /// <summary>Multiply-adds per image above which threads pay off (Parallel.For costs a few µs; 2²⁰ take ≈ 0.3 ms).</summary>
    private const long ParallelMultiplyAdds = 1 << 20;

    private readonly double[] _weights, _weightGradient;
    private readonly double[] _columns, _columnGradient, _output, _outputGradient;
    private readonly Action<int> _forwardTile, _columnGradientTile, _weightGradientRow;

    /// <param name="kernelSize">Odd k ≥ 1 (k × k kernel; odd, so 'same' padding is symmetric).</param>
    public Conv2DLayer(int inputChannels, int outputChannels, int kernelSize, int height, int width)
    {
        if (inputChannels < 1 || outputChannels < 1)
            throw new ArgumentOutOfRangeException(nameof(inputChannels), $"{inputChannels}→{outputChannels} channels: a layer needs ≥ 1 input and output channel.");
        if (kernelSize < 1 || kernelSize % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "The kernel size must be odd and ≥ 1 ('same' padding).");
        if (height < 1 || width < 1) throw new ArgumentOutOfRangeException(nameof(height), $"{height}×{width}: images need ≥ 1 pixel.");
        InputChannels = inputChannels; OutputChannels = outputChannels; KernelSize = kernelSize; Height = height; Width = width;
        _weights = new double[ParameterCount];
        _weightGradient = new double[ParameterCount];
        _columns = new double[Rows * Pixels];
        _columnGradient = new double[Rows * Pixels];
        _output = new double[Outputs];
        _outputGradient = new double[Outputs];
        _forwardTile = ForwardTile;
        _columnGradientTile = ColumnGradientTile;
        _weightGradientRow = WeightGradientRow;
    }

    public int InputChannels { get; }
    public int OutputChannels { get; }
    public int KernelSize { get; }
    public int Height { get; }
    public int Width { get; }
    /// <summary>Values per input image (channels × height × width).</summary>
    public int Inputs => InputChannels * Pixels;
    /// <summary>Values per output image.</summary>
    public int Outputs => OutputChannels * Pixels;
    public int ParameterCount => OutputChannels * Rows + OutputChannels;

    /// <summary>im2col rows = weights per output channel (inputs × k × k).</summary>
    private int Rows => InputChannels * KernelSize * KernelSize;
    private int Pixels => Height * Width;
    private int Tiles => (Pixels + PixelsPerTile - 1) / PixelsPerTile;
    private bool Threaded => (long)OutputChannels * Rows * Pixels >= ParallelMultiplyAdds;

    /// <summary>Seeded uniform weights, zero bias. Glorot: W ~ U(±√(6/(fan_in + fan_out))); He (before ReLU/GELU):
    /// W ~ U(±√(6/fan_in)); fan_in = inputs·k², fan_out = outputs·k².</summary>
    public void Initialize(Span<double> parameters, Random random, WeightInitialization scheme)
    {
        if (parameters.Length != ParameterCount) throw new ArgumentException($"{ParameterCount} parameters expected, got {parameters.Length}.", nameof(parameters));
        double fanIn = Rows, fanOut = OutputChannels * KernelSize * KernelSize;
        double limit = scheme == WeightInitialization.He ? Math.Sqrt(6 / fanIn) : Math.Sqrt(6 / (fanIn + fanOut));
        for (int i = 0; i < OutputChannels * Rows; i++) parameters[i] = limit * (2 * random.NextDouble() - 1);
        parameters[(OutputChannels * Rows)..].Clear();
    }

    public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, Span<double> output, int batch)
    {
        Check(parameters, input, output, batch);
        parameters.CopyTo(_weights);
        for (int b = 0; b < batch; b++)
        {
            ImageToColumns(input.Slice(b * Inputs, Inputs));
            Run(Tiles, _forwardTile);
            _output.CopyTo(output.Slice(b * Outputs, Outputs));
        }
    }

    /// <summary>VJP, accumulating (+=), with X the im2col matrix of the input:
    /// ∂L/∂W[o, r] += Σ_pixels ḡ[o, ·]·X[r, ·]; ∂L/∂bias[o] += Σ_pixels ḡ[o, ·];
    /// ∂L/∂x += col2im(Wᵀ·ḡ) (each im2col entry's gradient goes back to the input pixel it was copied from).</summary>
    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient,
        Span<double> inputGradient, Span<double> parameterGradient, int batch)
    {
        Check(parameters, input, outputGradient, batch);
        if (inputGradient.Length != batch * Inputs || parameterGradient.Length != ParameterCount)
            throw new ArgumentException($"Gradient spans must hold {batch * Inputs} inputs and {ParameterCount} parameters; got " +
                $"{inputGradient.Length} and {parameterGradient.Length}.", nameof(inputGradient));
        parameters.CopyTo(_weights);
        Array.Clear(_weightGradient);
        for (int b = 0; b < batch; b++)
        {
            ImageToColumns(input.Slice(b * Inputs, Inputs));
            outputGradient.Slice(b * Outputs, Outputs).CopyTo(_outputGradient);
            Run(Rows, _weightGradientRow);
            for (int o = 0; o < OutputChannels; o++) _weightGradient[OutputChannels * Rows + o] += TensorPrimitives.Sum(_outputGradient.AsSpan(o * Pixels, Pixels));
            Run(Tiles, _columnGradientTile);
            ColumnsToImage(inputGradient.Slice(b * Inputs, Inputs));
        }
        TensorPrimitives.Add(parameterGradient, _weightGradient, parameterGradient);
    }

    private void Run(int items, Action<int> work)
    {
        if (Threaded && items > 1) Parallel.For(0, items, work);
        else for (int i = 0; i < items; i++) work(i);
    }

    /// <summary>y[o, tile] = bias[o] + Σ_r W[o, r]·X[r, tile] for every output channel o. Rows outer: each im2col row
    /// segment is read once while the tile's outputs (channels × 2 KiB) stay in cache.</summary>
    private void ForwardTile(int tile)
    {
        (int start, int length) = TileRange(tile);
        int rows = Rows;
        for (int o = 0; o < OutputChannels; o++) _output.AsSpan(o * Pixels + start, length).Fill(_weights[OutputChannels * rows + o]);
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> x = _columns.AsSpan(r * Pixels + start, length);
            for (int o = 0; o < OutputChannels; o++)
            {
                Span<double> y = _output.AsSpan(o * Pixels + start, length);
                TensorPrimitives.MultiplyAdd(x, _weights[o * rows + r], y, y);
            }
        }
    }

    /// <summary>∂X[r, tile] = Σₒ W[o, r]·ḡ[o, tile] (overwrites).</summary>
    private void ColumnGradientTile(int tile)
    {
        (int start, int length) = TileRange(tile);
        int rows = Rows;
        for (int r = 0; r < rows; r++)
        {
            Span<double> g = _columnGradient.AsSpan(r * Pixels + start, length);
            g.Clear();
            for (int o = 0; o < OutputChannels; o++)
                TensorPrimitives.MultiplyAdd(_outputGradient.AsSpan(o * Pixels + start, length), _weights[o * rows + r], g, g);
        }
    }

    /// <summary>∂W[o, r] += Σ_tiles ḡ[o, tile]·X[r, tile] for every output channel o: the row segment stays in L1, the
    /// tile's output gradients in L2; threads own distinct columns r of ∂W.</summary>
    private void WeightGradientRow(int r)
    {
        int rows = Rows;
        for (int tile = 0; tile < Tiles; tile++)
        {
            (int start, int length) = TileRange(tile);
            ReadOnlySpan<double> x = _columns.AsSpan(r * Pixels + start, length);
            for (int o = 0; o < OutputChannels; o++)
                _weightGradient[o * rows + r] += TensorPrimitives.Dot(_outputGradient.AsSpan(o * Pixels + start, length), x);
        }
    }

    private (int Start, int Length) TileRange(int tile)
    {
        int start = tile * PixelsPerTile;
        return (start, Math.Min(PixelsPerTile, Pixels - start));
    }

    /// <summary>X[(i, dy, dx), (r, c)] = x[i, r + dy − p, c + dx − p], 0 outside the image.</summary>
    private void ImageToColumns(ReadOnlySpan<double> image)
    {
        int k = KernelSize, pad = k / 2;
        for (int i = 0; i < InputChannels; i++)
            for (int dy = 0; dy < k; dy++)
                for (int dx = 0; dx < k; dx++)
                {
                    Span<double> row = _columns.AsSpan(((i * k + dy) * k + dx) * Pixels, Pixels);
                    int shiftY = dy - pad, shiftX = dx - pad, first = Math.Max(0, -shiftX), end = Math.Min(Width, Width - shiftX);
                    for (int y = 0; y < Height; y++)
                    {
                        Span<double> target = row.Slice(y * Width, Width);
                        int sourceY = y + shiftY;
                        if (sourceY < 0 || sourceY >= Height || end <= first) { target.Clear(); continue; }
                        target[..first].Clear();
                        image.Slice(i * Pixels + sourceY * Width + first + shiftX, end - first).CopyTo(target[first..end]);
                        target[end..].Clear();
                    }
                }
    }

    /// <summary>Adjoint of <see cref="ImageToColumns"/>: ∂x[i, r + dy − p, c + dx − p] += ∂X[(i, dy, dx), (r, c)].</summary>
    private void ColumnsToImage(Span<double> imageGradient)
    {
        int k = KernelSize, pad = k / 2;
        for (int i = 0; i < InputChannels; i++)
            for (int dy = 0; dy < k; dy++)
                for (int dx = 0; dx < k; dx++)
                {
                    ReadOnlySpan<double> row = _columnGradient.AsSpan(((i * k + dy) * k + dx) * Pixels, Pixels);
                    int shiftY = dy - pad, shiftX = dx - pad, first = Math.Max(0, -shiftX), end = Math.Min(Width, Width - shiftX);
                    if (end <= first) continue;
                    for (int y = Math.Max(0, -shiftY); y < Math.Min(Height, Height - shiftY); y++)
                    {
                        Span<double> target = imageGradient.Slice(i * Pixels + (y + shiftY) * Width + first + shiftX, end - first);
                        TensorPrimitives.Add(target, row.Slice(y * Width + first, end - first), target);
                    }
                }
    }

    private void Check(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> output, int batch)
    {
        if (batch < 1 || parameters.Length != ParameterCount || input.Length != batch * Inputs || output.Length != batch * Outputs)
            throw new ArgumentException($"Conv {InputChannels}→{OutputChannels} ({KernelSize}×{KernelSize}, {Height}×{Width}) with batch {batch} needs " +
                $"{ParameterCount} parameters, {batch * Inputs} inputs and {batch * Outputs} outputs; got {parameters.Length}, {input.Length}, {output.Length}.",
                nameof(parameters));
    }
}

/// <summary>Scale of seeded uniform initial weights.</summary>
public enum WeightInitialization
{
    /// <summary>U(±√(6/(fan_in + fan_out))) (Glorot &amp; Bengio 2010): keeps variance through linear layers.</summary>
    Glorot,
    /// <summary>U(±√(6/fan_in)) (He et al. 2015): keeps variance through ReLU-like activations, which halve it.</summary>
    He,
}
