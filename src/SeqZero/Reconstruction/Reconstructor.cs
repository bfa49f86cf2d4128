using System.Numerics;
using SeqZero.Sequences;

namespace SeqZero.Reconstruction;

/// <summary>The reconstruction a simulation's result gets by default: the Cartesian FFT when every sample sits on the
/// grid, the adjoint encoding otherwise (the same image on Cartesian data); coils combined by root sum of squares.</summary>
public static class Reconstructor
{
    public static (Complex[] Image, bool Cartesian) Reconstruct(ReadOnlySpan<Complex> signal, int coils, IReadOnlyList<KSpacePoint> k, ImageGrid grid)
    {
        bool cartesian = CartesianFft.IsCartesian(k, grid);
        Complex[][] images = cartesian
            ? CartesianFft.Reconstruct(signal, coils, k, grid)
            : AdjointEncoding.Forward(signal, coils, k, grid);
        Complex[] image = images.Length == 1 ? images[0] : [.. CoilCombination.RootSumOfSquares(images).Select(m => new Complex(m, 0))];
        return (image, cartesian);
    }
}
