using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SeqZero.Tests.IO;

/// <summary>Builds small MAT v5 files byte by byte (from the format description) for reader tests: either endianness,
/// optional zlib compression of each variable.</summary>
internal sealed class MatTestFiles(bool bigEndian = false, bool compress = false)
{
    public const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7,
        MiDouble = 9, MiInt64 = 12, MiMatrix = 14, MiCompressed = 15;

    private readonly MemoryStream _body = new();

    /// <summary>Appends a top-level variable whose miMATRIX payload is <paramref name="payload"/>.</summary>
    public MatTestFiles Add(byte[] payload)
    {
        byte[] element = Element(MiMatrix, payload);
        if (!compress) { _body.Write(element); return this; }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(element);
        byte[] data = compressed.ToArray();
        _body.Write(Tag(MiCompressed, data.Length));
        _body.Write(data); // top-level compressed data is not padded
        return this;
    }

    public byte[] ToArray()
    {
        byte[] header = new byte[128];
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, Platform: test".PadRight(116)).CopyTo(header, 0);
        if (bigEndian) { header[124] = 0x01; header[125] = 0x00; header[126] = (byte)'M'; header[127] = (byte)'I'; }
        else { header[124] = 0x00; header[125] = 0x01; header[126] = (byte)'I'; header[127] = (byte)'M'; }
        return [.. header, .. _body.ToArray()];
    }

    /// <summary>A miMATRIX payload: flags, dims, name, then the given class-specific elements.</summary>
    public byte[] Matrix(int matClass, int[] dims, string name, uint extraFlags = 0, params byte[][] parts)
    {
        var m = new MemoryStream();
        m.Write(Element(MiUInt32, [.. U32((uint)matClass | extraFlags), .. U32(0)]));
        m.Write(Element(MiInt32, dims.SelectMany(d => U32((uint)d)).ToArray()));
        m.Write(Element(MiInt8, Encoding.ASCII.GetBytes(name)));
        foreach (byte[] p in parts) m.Write(p);
        return m.ToArray();
    }

    public byte[] Doubles(params double[] v) => Element(MiDouble, v.SelectMany(x => U64((ulong)BitConverter.DoubleToInt64Bits(x))).ToArray());
    public byte[] Singles(params float[] v) => Element(MiSingle, v.SelectMany(x => U32((uint)BitConverter.SingleToInt32Bits(x))).ToArray());
    public byte[] Int16s(params short[] v) => Element(MiInt16, v.SelectMany(x => U16((ushort)x)).ToArray());

    /// <summary>Small data element format: ≤ 4 bytes packed into the tag.</summary>
    public byte[] Small(int type, byte[] data)
    {
        byte[] e = new byte[8];
        uint word = (uint)type | (uint)data.Length << 16;
        U32(word).CopyTo(e, 0);
        data.CopyTo(e, 4);
        return e;
    }

    public byte[] Element(int type, byte[] data)
    {
        int padded = (data.Length + 7) / 8 * 8;
        byte[] e = new byte[8 + padded];
        Tag(type, data.Length).CopyTo(e, 0);
        data.CopyTo(e, 8);
        return e;
    }

    public byte[] Tag(int type, int count) => [.. U32((uint)type), .. U32((uint)count)];

    public byte[] U16(ushort v) { byte[] b = new byte[2]; if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v); else BinaryPrimitives.WriteUInt16LittleEndian(b, v); return b; }
    public byte[] U32(uint v) { byte[] b = new byte[4]; if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v); return b; }
    public byte[] U64(ulong v) { byte[] b = new byte[8]; if (bigEndian) BinaryPrimitives.WriteUInt64BigEndian(b, v); else BinaryPrimitives.WriteUInt64LittleEndian(b, v); return b; }
}
