namespace SeqZero.IO;

/// <summary>One NumPy array read from .npy/.npz, widened to double and always in C (row-major) order: element
/// (i₀, i₁, …, iₖ) at ((i₀·s₁ + i₁)·s₂ + …)·sₖ + iₖ. Fortran-ordered files are reordered at load. 64-bit integers
/// beyond 2^53 lose precision.</summary>
public sealed class NpyArray(string source, string descriptor, int[] shape, double[] real, double[]? imaginary)
{
    /// <summary>File (and archive member) the array came from; used in error messages.</summary>
    public string Source { get; } = source;
    /// <summary>The NumPy type string as stored, e.g. "&lt;f4", "&lt;c16", "|b1".</summary>
    public string Descriptor { get; } = descriptor;
    /// <summary>Size along each axis; empty for a 0-d scalar.</summary>
    public IReadOnlyList<int> Shape { get; } = shape;
    public long ElementCount => Real.LongLength;
    public bool IsComplex => Imaginary is not null;
    /// <summary>Real parts in C order.</summary>
    public double[] Real { get; } = real;
    /// <summary>Imaginary parts in C order, or null for real types.</summary>
    public double[]? Imaginary { get; } = imaginary;

    public override string ToString() => $"{Source} {Descriptor} ({string.Join(", ", Shape)})";
}
