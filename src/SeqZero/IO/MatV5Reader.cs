using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SeqZero.IO;

/// <summary>Reads MATLAB MAT-files of level 5 (MATLAB 5 … 7, "-v6"/"-v7"; not "-v7.3", which is HDF5), written from
/// MathWorks' public "MAT-File Format" description: a 128-byte header (116 bytes of text, 8 bytes subsystem offset,
/// version 0x0100, endian indicator "IM"), then top-level data elements, each miMATRIX or miCOMPRESSED (zlib stream
/// holding one miMATRIX). Little- and big-endian files; numeric (double, single, int8…uint64), logical, complex, n-d,
/// char, cell and struct arrays. Sparse and object arrays are refused. Every problem is an
/// <see cref="InvalidDataException"/> "path: variable 'name': problem."</summary>
public static class MatV5Reader
{
    private const int HeaderBytes = 128, TextBytes = 116, VersionOffset = 124, EndianOffset = 126, TagBytes = 8;
    private const int MiMatrix = 14, MiCompressed = 15;
    private const ushort Version5 = 0x0100;
    // deflate cannot expand data by more than ~1032:1; a larger declared size is corrupt or hostile
    private const long MaxDeflateRatio = 1032;

    public static MatFile Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return Read(bytes, path);
    }

    /// <summary>Parses a whole MAT file held in memory; <paramref name="path"/> is used in messages only.</summary>
    public static MatFile Read(ReadOnlySpan<byte> file, string path)
    {
        // header
        if (file.Length < HeaderBytes) throw new InvalidDataException($"{path}: header: {file.Length} bytes; a MAT v5 file starts with a 128-byte header.");
        string text = Encoding.ASCII.GetString(file[..TextBytes]).TrimEnd(' ', '\0');
        bool bigEndian = (file[EndianOffset], file[EndianOffset + 1]) switch
        {
            ((byte)'I', (byte)'M') => false,
            ((byte)'M', (byte)'I') => true,
            _ => throw new InvalidDataException($"{path}: header: no endian indicator 'IM' at byte 126; not a MAT v5 file (MAT v4 files are not supported)."),
        };
        ushort version = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(file[VersionOffset..]) : BinaryPrimitives.ReadUInt16LittleEndian(file[VersionOffset..]);
        if (version != Version5)
            throw new InvalidDataException($"{path}: header: version 0x{version:X4} is not MAT v5 (0x0100){(version == 0x0200 ? "; MAT v7.3 files are HDF5" : "")}.");

        // top-level elements; unlike nested ones, they follow each other without padding after compressed data
        var parser = new MatElementParser(path, bigEndian);
        var variables = new List<MatArray>();
        int offset = HeaderBytes;
        while (offset < file.Length)
        {
            string context = $"#{variables.Count + 1}";
            if (file.Length - offset < TagBytes) throw parser.Error(context, $"truncated: {file.Length - offset} stray bytes at the end");
            uint type = U32(file[offset..], bigEndian);
            long count = U32(file[(offset + 4)..], bigEndian);
            long available = file.Length - offset - TagBytes;
            ReadOnlySpan<byte> payload = file.Slice(offset + TagBytes, (int)Math.Min(count, available));
            switch (type)
            {
                case MiMatrix:
                    if (count > available) throw parser.Error(Name(parser, payload, context), $"truncated: the array needs {count} bytes, {available} remain");
                    variables.Add(parser.ParseMatrix(payload, context));
                    offset = (int)Math.Min(offset + TagBytes + ((count + 7) & ~7L), file.Length);
                    break;
                case MiCompressed:
                    byte[] inflated = Inflate(parser, payload, bigEndian, count > available, context);
                    variables.Add(parser.ParseMatrix(inflated.AsSpan(TagBytes), context));
                    offset = (int)Math.Min(offset + TagBytes + count, file.Length);
                    break;
                default:
                    throw parser.Error(context, $"top-level element of type {type} at offset {offset}; expected miMATRIX (14) or miCOMPRESSED (15)");
            }
        }
        return new MatFile(path, text, variables);
    }

    /// <summary>Decompresses one miCOMPRESSED element into its inner miMATRIX element (tag included), checking the
    /// declared size before allocating it.</summary>
    private static byte[] Inflate(MatElementParser parser, ReadOnlySpan<byte> compressed, bool bigEndian, bool fileTruncated, string context)
    {
        using var stream = new ZLibStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
        byte[] tag = new byte[TagBytes];
        if (ReadInflated(parser, stream, tag, tag, context) < TagBytes)
            throw parser.Error(context, "truncated: the compressed element ends before its array tag");
        uint innerType = U32(tag, bigEndian);
        long innerCount = U32(tag.AsSpan(4), bigEndian);
        if (innerType != MiMatrix) throw parser.Error(context, $"a compressed element holds type {innerType}; expected miMATRIX (14)");
        if (innerCount > Math.Min(compressed.Length * MaxDeflateRatio, Array.MaxLength - TagBytes))
            throw parser.Error(context, $"a compressed element of {compressed.Length} bytes claims to hold {innerCount} bytes");

        byte[] inflated = new byte[TagBytes + innerCount];
        tag.CopyTo(inflated, 0);
        int read = ReadInflated(parser, stream, inflated.AsSpan(TagBytes), inflated.AsSpan(TagBytes), context);
        if (read < innerCount || fileTruncated)
            throw parser.Error(Name(parser, inflated.AsSpan(TagBytes, read), context),
                $"truncated: {read} of {innerCount} bytes could be decompressed{(fileTruncated ? " and the file ends inside the element" : "")}");
        return inflated;
    }

    /// <summary>Fills <paramref name="buffer"/> as far as the stream goes; a corrupt zlib stream becomes an error naming
    /// the variable (peeked from <paramref name="soFar"/>).</summary>
    private static int ReadInflated(MatElementParser parser, ZLibStream stream, Span<byte> buffer, ReadOnlySpan<byte> soFar, string context)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw parser.Error(Name(parser, soFar, context), $"the compressed data is not a valid zlib stream ({e.Message.TrimEnd('.')})");
        }
    }

    private static string Name(MatElementParser parser, ReadOnlySpan<byte> payload, string context) =>
        parser.TryPeekName(payload) is { Length: > 0 } name ? $"'{name}'" : context;

    private static uint U32(ReadOnlySpan<byte> b, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
}
