using System.Numerics;

namespace SeqZero.Learning.Losses;

/// <summary>Contrast between two tissue masks, to be maximised: L = −(μ_A − μ_B)/scale, μ = mean |z|_ε over the mask's
/// pixels, scale a reference magnitude (e.g. the target's maximum) that makes L dimensionless.</summary>
public sealed class ContrastLoss : IImageLoss
{
    // keeps z/|z| finite at z = 0 (see MagnitudeMath), relative to the given scale
    private const double MagnitudeEpsilonFraction = 1e-9;
    private readonly int[] _maskA, _maskB;
    private readonly double _scale;

    public ContrastLoss(int[] pixelsA, int[] pixelsB, double scale, string name = "contrast")
    {
        if (pixelsA.Length == 0 || pixelsB.Length == 0) throw new ArgumentException("Both masks need at least one pixel.", nameof(pixelsA));
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be positive.");
        _maskA = pixelsA; _maskB = pixelsB; _scale = scale;
        Name = name;
    }

    public string Name { get; }

    public double Evaluate(ReadOnlySpan<Complex> image, Span<Complex> imageAdjoint, double weight)
    {
        double epsilon = _scale * MagnitudeEpsilonFraction;
        double meanA = Accumulate(image, imageAdjoint, _maskA, -weight / (_scale * _maskA.Length), epsilon);
        double meanB = Accumulate(image, imageAdjoint, _maskB, +weight / (_scale * _maskB.Length), epsilon);
        return -(meanA - meanB) / _scale;
    }

    /// <summary>Mean |z|_ε over the mask; adds gradientFactor·z/|z|_ε to each pixel's adjoint.</summary>
    private static double Accumulate(ReadOnlySpan<Complex> image, Span<Complex> adjoint, int[] mask, double gradientFactor, double epsilon)
    {
        double sum = 0;
        foreach (int i in mask)
        {
            double m = MagnitudeMath.Smoothed(image[i], epsilon);
            sum += m;
            adjoint[i] += gradientFactor * image[i] / m;
        }
        return sum / mask.Length;
    }
}
