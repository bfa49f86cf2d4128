using System.Numerics;
using System.Text;

namespace SeqZero.IO;

/// <summary>Writes NumPy .npy files (format 1.0, little-endian, C order): float64 ('&lt;f8'), complex128 ('&lt;c16'),
/// complex64 ('&lt;c8').</summary>
public static class NpyWriter
{
    public static void WriteFloat64(string path, ReadOnlySpan<double> data, params int[] shape)
    {
        using var stream = Create(path, "<f8", shape, data.Length);
        using var writer = new BinaryWriter(stream);
        foreach (double v in data) writer.Write(v);
    }

    public static void WriteComplex128(string path, ReadOnlySpan<Complex> data, params int[] shape)
    {
        using var stream = Create(path, "<c16", shape, data.Length);
        using var writer = new BinaryWriter(stream);
        foreach (Complex v in data) { writer.Write(v.Real); writer.Write(v.Imaginary); }
    }

    public static void WriteComplex64(string path, ReadOnlySpan<Complex> data, params int[] shape)
    {
        using var stream = Create(path, "<c8", shape, data.Length);
        using var writer = new BinaryWriter(stream);
        foreach (Complex v in data) { writer.Write((float)v.Real); writer.Write((float)v.Imaginary); }
    }

    private static FileStream Create(string path, string descr, int[] shape, int count)
    {
        long product = 1;
        foreach (int s in shape) product *= s;
        if (product != count)
            throw new ArgumentException($"{path}: shape ({string.Join(", ", shape)}) holds {product} values, the data has {count}.", nameof(shape));
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        // magic (6) + version (2) + length (2) + header + '\n', padded with spaces to a multiple of 64 bytes
        int total = 10 + header.Length + 1;
        int padded = (total + 63) / 64 * 64;
        header = header + new string(' ', padded - total) + "\n";

        var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        return stream;
    }
}
