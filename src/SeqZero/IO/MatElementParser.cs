using System.Buffers.Binary;
using System.Text;

namespace SeqZero.IO;

/// <summary>Decodes the data elements inside one MAT v5 miMATRIX element (MathWorks, "MAT-File Format", Level 5):
/// array flags, dimensions, name (the name first, so that dimension errors can name the variable), then per class the numeric parts, characters, cell elements or struct fields.
/// Every byte count is checked against the bytes present before anything is allocated.</summary>
internal sealed class MatElementParser(string path, bool bigEndian)
{
    // data types of the element tags (miINT8 … miUTF32)
    private const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7,
        MiDouble = 9, MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiUtf8 = 16, MiUtf16 = 17, MiUtf32 = 18;
    private const int TagBytes = 8;
    private const uint ComplexFlag = 0x800, LogicalFlag = 0x200; // bits of the array-flags word
    private const int MaxNestingDepth = 64;                      // cells/structs nested deeper are refused

    /// <summary>Parses a miMATRIX payload (the bytes after its tag). <paramref name="context"/> names the variable in
    /// error messages ("'x'" or "#2").</summary>
    public MatArray ParseMatrix(ReadOnlySpan<byte> payload, string context) => ParseMatrix(payload, context, depth: 0);

    /// <summary>The name stored in a (possibly truncated) miMATRIX payload, or null when it cannot be read.</summary>
    public string? TryPeekName(ReadOnlySpan<byte> payload)
    {
        try
        {
            int offset = ReadElement(payload, 0, "", out _, out _);
            offset = ReadElement(payload, offset, "", out _, out _);
            ReadElement(payload, offset, "", out _, out ReadOnlySpan<byte> name);
            return Encoding.ASCII.GetString(name);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Reads the element tag at <paramref name="offset"/>: the small format (byte count in the upper 16 bits,
    /// ≤ 4 data bytes in the tag itself) or the long format (type, byte count, data padded to 8 bytes). Returns the
    /// offset of the next element.</summary>
    public int ReadElement(ReadOnlySpan<byte> data, int offset, string context, out int type, out ReadOnlySpan<byte> payload)
    {
        if (data.Length - offset < TagBytes) throw Error(context, $"truncated: an element tag needs 8 bytes at offset {offset}, {data.Length - offset} remain");
        uint first = U32(data[offset..]);
        if (first >> 16 != 0)
        {
            type = (int)(first & 0xFFFF);
            int small = (int)(first >> 16);
            if (small > 4) throw Error(context, $"a small data element claims {small} bytes (at most 4)");
            payload = data.Slice(offset + 4, small);
            return offset + TagBytes;
        }
        type = (int)first;
        uint count = U32(data[(offset + 4)..]);
        if (count > data.Length - offset - TagBytes)
            throw Error(context, $"truncated: an element of {count} bytes at offset {offset} runs past the end ({data.Length - offset - TagBytes} bytes remain)");
        payload = data.Slice(offset + TagBytes, (int)count);
        long next = offset + TagBytes + ((count + 7L) & ~7L);
        return (int)Math.Min(next, data.Length);
    }

    private MatArray ParseMatrix(ReadOnlySpan<byte> payload, string context, int depth)
    {
        if (payload.IsEmpty) return new MatArray("", MatClass.Double, [0, 0]); // empty cell element / field value
        if (depth > MaxNestingDepth) throw Error(context, $"cells or structs are nested deeper than {MaxNestingDepth} levels");

        // array flags, dimensions, name (the name first, so that dimension errors can name the variable)
        int offset = ReadElement(payload, 0, context, out int type, out ReadOnlySpan<byte> flags);
        if (type != MiUInt32 || flags.Length < 4) throw Error(context, $"array flags: expected miUINT32, found type {type} of {flags.Length} bytes");
        uint flagWord = U32(flags);
        var matClass = (MatClass)(flagWord & 0xFF);
        bool complex = (flagWord & ComplexFlag) != 0, logical = (flagWord & LogicalFlag) != 0;

        offset = ReadElement(payload, offset, context, out type, out ReadOnlySpan<byte> dimBytes);
        if (type != MiInt32 || dimBytes.Length < 8 || dimBytes.Length % 4 != 0)
            throw Error(context, $"dimensions: expected at least two miINT32 values, found type {type} of {dimBytes.Length} bytes");
        offset = ReadElement(payload, offset, context, out type, out ReadOnlySpan<byte> nameBytes);
        if (type != MiInt8 && type != MiUInt8) throw Error(context, $"array name: expected miINT8, found type {type}");
        string name = Encoding.ASCII.GetString(nameBytes);
        if (name.Length > 0) context = $"'{name}'";
        int[] dims = new int[dimBytes.Length / 4];
        long elementCount = 1;
        for (int d = 0; d < dims.Length; d++)
        {
            dims[d] = (int)U32(dimBytes[(4 * d)..]);
            if (dims[d] < 0) throw Error(context, $"dimension {d + 1} is negative ({dims[d]})");
            elementCount *= dims[d];
            if (elementCount > Array.MaxLength) throw Error(context, $"dimensions [{string.Join("×", dims[..(d + 1)])}…] exceed the largest array .NET can hold");
        }

        int count = (int)elementCount;

        switch (matClass)
        {
            case >= MatClass.Double and <= MatClass.UInt64:
                offset = ReadElement(payload, offset, context, out type, out ReadOnlySpan<byte> realBytes);
                double[] real = ToDoubles(realBytes, type, count, context, "real part");
                double[]? imaginary = null;
                if (complex)
                {
                    ReadElement(payload, offset, context, out type, out ReadOnlySpan<byte> imagBytes);
                    imaginary = ToDoubles(imagBytes, type, count, context, "imaginary part");
                }
                return new MatArray(name, matClass, dims) { Real = real, Imaginary = imaginary, IsLogical = logical };

            case MatClass.Char:
                ReadElement(payload, offset, context, out type, out ReadOnlySpan<byte> chars);
                return new MatArray(name, matClass, dims) { Text = ToText(chars, type, count, context) };

            case MatClass.Cell:
                return new MatArray(name, matClass, dims) { Cells = ParseMatrices(payload, offset, count, context, depth) };

            case MatClass.Struct:
                offset = ReadElement(payload, offset, context, out type, out ReadOnlySpan<byte> lengthBytes);
                if (type != MiInt32 || lengthBytes.Length != 4) throw Error(context, "struct field-name length: expected one miINT32");
                int nameLength = (int)U32(lengthBytes);
                offset = ReadElement(payload, offset, context, out _, out ReadOnlySpan<byte> namesBytes);
                if (nameLength <= 0 || namesBytes.Length % nameLength != 0)
                    throw Error(context, $"struct field names: {namesBytes.Length} bytes are not a whole number of {nameLength}-byte names");
                string[] fields = new string[namesBytes.Length / nameLength];
                for (int f = 0; f < fields.Length; f++)
                    fields[f] = Encoding.ASCII.GetString(namesBytes.Slice(f * nameLength, nameLength)).TrimEnd('\0');
                long values = elementCount * fields.Length;
                if (values > Array.MaxLength) throw Error(context, $"{elementCount} elements × {fields.Length} fields is too many");
                return new MatArray(name, matClass, dims) { FieldNames = fields, FieldValues = ParseMatrices(payload, offset, (int)values, context, depth) };

            case MatClass.Sparse:
                throw Error(context, "sparse arrays are not supported; store the matrix as full (MATLAB: full(x))");
            default:
                throw Error(context, $"array class {(int)matClass} ({matClass}) is not supported (only numeric, logical, char, cell and struct)");
        }
    }

    /// <summary>Reads <paramref name="count"/> consecutive miMATRIX elements (cell elements or struct values).</summary>
    private MatArray[] ParseMatrices(ReadOnlySpan<byte> payload, int offset, int count, string context, int depth)
    {
        // each element takes at least one 8-byte tag: refuse counts the remaining bytes cannot hold before allocating
        if ((long)count * TagBytes > payload.Length - offset)
            throw Error(context, $"truncated: {count} cell/struct elements cannot fit in the {payload.Length - offset} bytes that remain");
        var result = new MatArray[count];
        for (int i = 0; i < count; i++)
        {
            offset = ReadElement(payload, offset, context, out int type, out ReadOnlySpan<byte> element);
            if (type != MiMatrix) throw Error(context, $"element {i + 1}: expected miMATRIX, found type {type}");
            result[i] = ParseMatrix(element, $"{context}{{{i + 1}}}", depth + 1);
        }
        return result;
    }

    private double[] ToDoubles(ReadOnlySpan<byte> bytes, int type, int count, string context, string part)
    {
        int size = type switch
        {
            MiInt8 or MiUInt8 => 1,
            MiInt16 or MiUInt16 => 2,
            MiInt32 or MiUInt32 or MiSingle => 4,
            MiDouble or MiInt64 or MiUInt64 => 8,
            _ => throw Error(context, $"{part}: data type {type} is not numeric"),
        };
        if ((long)count * size != bytes.Length)
            throw Error(context, $"{part}: holds {bytes.Length / size} values, the dimensions need {count}");
        double[] values = new double[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> b = bytes[(i * size)..];
            values[i] = type switch
            {
                MiInt8 => (sbyte)b[0],
                MiUInt8 => b[0],
                MiInt16 => (short)U16(b),
                MiUInt16 => U16(b),
                MiInt32 => (int)U32(b),
                MiUInt32 => U32(b),
                MiSingle => BitConverter.Int32BitsToSingle((int)U32(b)),
                MiDouble => BitConverter.Int64BitsToDouble((long)U64(b)),
                MiInt64 => (long)U64(b),
                _ => U64(b),
            };
        }
        return values;
    }

    private string ToText(ReadOnlySpan<byte> bytes, int type, int count, string context)
    {
        string text = type switch
        {
            MiUtf8 or MiInt8 or MiUInt8 => Encoding.UTF8.GetString(bytes),
            MiUInt16 or MiUtf16 or MiInt16 => (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes),
            MiUtf32 or MiInt32 or MiUInt32 => new UTF32Encoding(bigEndian, false).GetString(bytes),
            _ => throw Error(context, $"char data: type {type} is not a character encoding"),
        };
        if (type is MiUInt16 or MiUtf16 or MiInt16 && text.Length != count)
            throw Error(context, $"char data: holds {text.Length} characters, the dimensions need {count}");
        return text;
    }

    private ushort U16(ReadOnlySpan<byte> b) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
    private uint U32(ReadOnlySpan<byte> b) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
    private ulong U64(ReadOnlySpan<byte> b) => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);

    public InvalidDataException Error(string context, string problem) => new($"{path}: variable {context}: {problem}.");
}
