using System.Numerics;

namespace SeqZero.Learning.Losses;

/// <summary>Smoothed magnitude |z|_ε = √(|z|² + ε²) and its gradient z/|z|_ε (∂/∂Re + i·∂/∂Im convention): finite at z = 0,
/// equal to |z| to relative ε²/(2|z|²) elsewhere.</summary>
internal static class MagnitudeMath
{
    public static double Smoothed(Complex z, double epsilon) => Math.Sqrt(z.Real * z.Real + z.Imaginary * z.Imaginary + epsilon * epsilon);

    /// <summary>ε for a loss against <paramref name="reference"/>: a tiny fraction of its root-mean-square magnitude.</summary>
    public static double Epsilon(ReadOnlySpan<Complex> reference)
    {
        // far below any pixel a loss can see, but keeps z/|z| finite where the image is exactly 0 (e.g. all flips 0)
        const double FractionOfRms = 1e-9;
        double sum = 0;
        foreach (Complex z in reference) sum += z.Real * z.Real + z.Imaginary * z.Imaginary;
        double rms = reference.IsEmpty ? 0 : Math.Sqrt(sum / reference.Length);
        return rms > 0 ? FractionOfRms * rms : FractionOfRms;
    }
}
