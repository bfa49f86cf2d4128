using System.Numerics;

namespace SeqZero.Learning.Losses;

/// <summary>Distance of an image to a target, normalised by the target's energy:
/// L2 mode: L = Σ|m(zᵢ) − tᵢ|² / Σ|tᵢ|²; NRMSE mode: L = √(that). m(z) = |z|_ε and t = |target| when comparing
/// magnitudes (global phase free), m(z) = z and t = target when comparing complex images. Dimensionless; 0.1 = 10 %.</summary>
public sealed class ImageDistanceLoss : IImageLoss
{
    private readonly Complex[] _target;
    private readonly double _targetEnergy, _epsilon;

    public ImageDistanceLoss(ReadOnlySpan<Complex> target, bool compareMagnitude, bool root, string? name = null)
    {
        _target = target.ToArray();
        CompareMagnitude = compareMagnitude;
        Root = root;
        _targetEnergy = 0;
        foreach (Complex t in _target) _targetEnergy += t.Real * t.Real + t.Imaginary * t.Imaginary;
        if (!(_targetEnergy > 0)) throw new ArgumentException("The target image is zero everywhere; a normalised distance is undefined.", nameof(target));
        _epsilon = MagnitudeMath.Epsilon(_target);
        Name = name ?? (root ? "nrmse" : "image_l2");
    }

    public string Name { get; }

    /// <summary>Compare |image| with |target| instead of the complex values.</summary>
    public bool CompareMagnitude { get; }

    /// <summary>Return the square root (NRMSE) instead of the normalised squared error.</summary>
    public bool Root { get; }

    public double Evaluate(ReadOnlySpan<Complex> image, Span<Complex> imageAdjoint, double weight)
    {
        if (image.Length != _target.Length || imageAdjoint.Length != _target.Length)
            throw new ArgumentException($"Image has {image.Length} pixels, adjoint {imageAdjoint.Length}; the target has {_target.Length}.", nameof(image));
        double squared = 0;
        for (int i = 0; i < image.Length; i++)
        {
            Complex r = Residual(image[i], _target[i]);
            squared += r.Real * r.Real + r.Imaginary * r.Imaginary;
        }
        double l2 = squared / _targetEnergy;
        double value = Root ? Math.Sqrt(l2) : l2;

        // ∂(Σ|r|²/E)/∂z = 2·r·∂m/∂z / E; the root adds a factor 1/(2√L2)
        double factor = weight * 2 / _targetEnergy * (Root ? (value > 0 ? 0.5 / value : 0) : 1);
        for (int i = 0; i < image.Length; i++)
        {
            Complex z = image[i];
            if (CompareMagnitude)
            {
                double m = MagnitudeMath.Smoothed(z, _epsilon);
                imageAdjoint[i] += factor * (m - _target[i].Magnitude) * z / m;
            }
            else imageAdjoint[i] += factor * (z - _target[i]);
        }
        return value;
    }

    private Complex Residual(Complex z, Complex t) =>
        CompareMagnitude ? MagnitudeMath.Smoothed(z, _epsilon) - t.Magnitude : z - t;
}
