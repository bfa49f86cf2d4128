using System.Numerics;

namespace SeqZero.Learning.Losses;

/// <summary>Signal nulling in a mask: L = mean over the mask of |zᵢ|² / scale², scale a reference magnitude
/// (e.g. the target's maximum). ∂L/∂zᵢ = 2zᵢ/(n·scale²).</summary>
public sealed class NullingLoss : IImageLoss
{
    private readonly int[] _mask;
    private readonly double _scale;

    public NullingLoss(int[] pixels, double scale, string name = "nulling")
    {
        if (pixels.Length == 0) throw new ArgumentException("The mask needs at least one pixel.", nameof(pixels));
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be positive.");
        _mask = pixels; _scale = scale;
        Name = name;
    }

    public string Name { get; }

    public double Evaluate(ReadOnlySpan<Complex> image, Span<Complex> imageAdjoint, double weight)
    {
        double norm = 1.0 / (_mask.Length * _scale * _scale), sum = 0;
        foreach (int i in _mask)
        {
            Complex z = image[i];
            sum += z.Real * z.Real + z.Imaginary * z.Imaginary;
            imageAdjoint[i] += weight * 2 * norm * z;
        }
        return sum * norm;
    }
}
