using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SeqZero.IO;

/// <summary>The header of a .npy file (NumPy format versions 1.0, 2.0, 3.0): magic "\x93NUMPY", major and minor
/// version, header length (uint16 in 1.0, uint32 in 2.0/3.0, little-endian), then a Python dict literal
/// {'descr': …, 'fortran_order': …, 'shape': (…)} in ASCII (1.0/2.0) or UTF-8 (3.0).</summary>
internal sealed partial record NpyHeader(string Descriptor, bool FortranOrder, int[] Shape)
{
    private const int MaxHeaderBytes = 1 << 20; // NumPy itself refuses headers longer than 10 kB by default
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (int s in Shape) n *= s;
            return n;
        }
    }

    /// <summary>Reads the header from the start of <paramref name="stream"/>, leaving it at the first data byte.</summary>
    public static NpyHeader Read(Stream stream, string source)
    {
        Span<byte> prefix = stackalloc byte[8];
        if (stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) < prefix.Length || !prefix[..6].SequenceEqual(Magic))
            throw Error(source, "not a NumPy .npy file (no \\x93NUMPY magic)");
        byte major = prefix[6];
        int lengthBytes = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw Error(source, $"format version {major}.{prefix[7]} is not supported (1.0, 2.0, 3.0)"),
        };
        Span<byte> lengthField = stackalloc byte[4];
        if (stream.ReadAtLeast(lengthField[..lengthBytes], lengthBytes, throwOnEndOfStream: false) < lengthBytes)
            throw Error(source, "truncated header");
        long length = lengthBytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField) : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (length > MaxHeaderBytes) throw Error(source, $"header of {length} bytes is implausibly long");
        byte[] text = new byte[length];
        if (stream.ReadAtLeast(text, text.Length, throwOnEndOfStream: false) < text.Length) throw Error(source, "truncated header");
        return Parse((major == 3 ? Encoding.UTF8 : Encoding.ASCII).GetString(text), source);
    }

    private static NpyHeader Parse(string dict, string source)
    {
        Match descr = DescrPattern().Match(dict);
        if (!descr.Success) throw Error(source, $"header has no simple 'descr' (structured arrays are not supported): {dict.Trim()}");
        Match order = FortranPattern().Match(dict);
        if (!order.Success) throw Error(source, $"header has no 'fortran_order': {dict.Trim()}");
        Match shape = ShapePattern().Match(dict);
        if (!shape.Success) throw Error(source, $"header has no 'shape': {dict.Trim()}");

        string[] parts = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int[] dims = new int[parts.Length];
        long count = 1;
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]))
                throw Error(source, $"shape entry '{parts[i]}' is not a non-negative integer");
            count *= dims[i];
            if (count > Array.MaxLength) throw Error(source, $"shape ({shape.Groups[1].Value}) exceeds the largest array .NET can hold");
        }
        return new NpyHeader(descr.Groups[1].Value, order.Groups[1].Value == "True", dims);
    }

    public static InvalidDataException Error(string source, string problem) => new($"{source}: {problem}.");

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();
    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();
    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
