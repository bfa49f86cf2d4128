using System.Buffers.Binary;

namespace SeqZero.IO;

/// <summary>Reads NumPy .npy files: float ('f2', 'f4', 'f8'), complex ('c8', 'c16'), signed and unsigned integers
/// (1, 2, 4, 8 bytes) and bool ('b1'), either byte order, C or Fortran order. Data are returned as double in C order.
/// Problems are <see cref="InvalidDataException"/> "source: problem."</summary>
public static class NpyReader
{
    public static NpyArray Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, stream.Length);
    }

    /// <summary>Reads one array from <paramref name="stream"/>. <paramref name="availableBytes"/> (the file or archive
    /// member length, when known) bounds the data size before anything large is allocated.</summary>
    public static NpyArray Read(Stream stream, string source, long? availableBytes = null)
    {
        NpyHeader header = NpyHeader.Read(stream, source);
        (char kind, int size, bool bigEndian) = ParseDescriptor(header.Descriptor, source);
        long count = header.ElementCount;
        long dataBytes = count * size;
        if (dataBytes > Array.MaxLength || availableBytes is { } limit && dataBytes > limit)
            throw NpyHeader.Error(source, $"truncated: shape ({string.Join(", ", header.Shape)}) of '{header.Descriptor}' needs {dataBytes} data bytes, the file has fewer");
        byte[] data = new byte[dataBytes];
        int read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length) throw NpyHeader.Error(source, $"truncated: {read} of {dataBytes} data bytes present");

        bool complex = kind == 'c';
        int partSize = complex ? size / 2 : size;
        double[] real = new double[count];
        double[]? imaginary = complex ? new double[count] : null;
        for (long i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> element = data.AsSpan((int)(i * size), size);
            real[i] = Decode(element[..partSize], kind, bigEndian);
            if (imaginary is not null) imaginary[i] = Decode(element[partSize..], kind, bigEndian);
        }
        if (header.FortranOrder && header.Shape.Length > 1)
        {
            real = FortranToC(real, header.Shape);
            if (imaginary is not null) imaginary = FortranToC(imaginary, header.Shape);
        }
        return new NpyArray(source, header.Descriptor, header.Shape, real, imaginary);
    }

    /// <summary>Splits a type string such as "&lt;f8" into kind, item size in bytes and byte order.</summary>
    private static (char Kind, int Size, bool BigEndian) ParseDescriptor(string descriptor, string source)
    {
        if (descriptor.Length >= 2 && descriptor[0] is '<' or '>' or '|' or '=' &&
            int.TryParse(descriptor.AsSpan(2), out int size))
        {
            char kind = descriptor[1];
            bool valid = kind switch
            {
                'f' => size is 2 or 4 or 8,
                'c' => size is 8 or 16,
                'i' or 'u' => size is 1 or 2 or 4 or 8,
                'b' => size == 1,
                _ => false,
            };
            if (valid) return (kind, size, descriptor[0] == '>' || descriptor[0] == '=' && !BitConverter.IsLittleEndian);
        }
        throw NpyHeader.Error(source, $"data type '{descriptor}' is not supported (float, complex, integer or bool)");
    }

    private static double Decode(ReadOnlySpan<byte> b, char kind, bool bigEndian) => (kind, b.Length) switch
    {
        ('f' or 'c', 2) => (double)BitConverter.UInt16BitsToHalf(U16(b, bigEndian)),
        ('f' or 'c', 4) => BitConverter.Int32BitsToSingle((int)U32(b, bigEndian)),
        ('f' or 'c', 8) => BitConverter.Int64BitsToDouble((long)U64(b, bigEndian)),
        ('i', 1) => (sbyte)b[0],
        ('i', 2) => (short)U16(b, bigEndian),
        ('i', 4) => (int)U32(b, bigEndian),
        ('i', 8) => (long)U64(b, bigEndian),
        ('u' or 'b', 1) => b[0],
        ('u', 2) => U16(b, bigEndian),
        ('u', 4) => U32(b, bigEndian),
        _ => U64(b, bigEndian),
    };

    /// <summary>Reorders Fortran (first index fastest) into C order (last index fastest).</summary>
    private static double[] FortranToC(double[] fortran, int[] shape)
    {
        double[] c = new double[fortran.Length];
        int[] index = new int[shape.Length];
        for (long f = 0; f < fortran.LongLength; f++)
        {
            long cIndex = 0;
            for (int axis = 0; axis < shape.Length; axis++) cIndex = cIndex * shape[axis] + index[axis];
            c[cIndex] = fortran[f];
            for (int axis = 0; axis < shape.Length && ++index[axis] == shape[axis]; axis++) index[axis] = 0; // first axis fastest
        }
        return c;
    }

    private static ushort U16(ReadOnlySpan<byte> b, bool big) => big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
    private static uint U32(ReadOnlySpan<byte> b, bool big) => big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
    private static ulong U64(ReadOnlySpan<byte> b, bool big) => big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);
}
