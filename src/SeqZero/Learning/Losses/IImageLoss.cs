using System.Numerics;

namespace SeqZero.Learning.Losses;

/// <summary>A scalar loss of a reconstructed complex image (row-major, y·SizeX + x).</summary>
public interface IImageLoss
{
    /// <summary>Name used in histories and progress lines.</summary>
    string Name { get; }

    /// <summary>Returns the unweighted value L(image) and adds weight·∂L/∂image into <paramref name="imageAdjoint"/>
    /// as ∂L/∂Re z + i·∂L/∂Im z per pixel.</summary>
    double Evaluate(ReadOnlySpan<Complex> image, Span<Complex> imageAdjoint, double weight);
}
