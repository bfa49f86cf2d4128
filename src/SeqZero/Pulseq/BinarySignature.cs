using System.Buffers.Binary;
using System.Security.Cryptography;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq;

/// <summary>The signature of binary Pulseq files (<see cref="BinaryLayout"/>): a last section holding "md5", the 16 hash
/// bytes and, as the file's last 8 bytes, the offset of the section, which is the length of the signed content.</summary>
internal static class BinarySignature
{
    private static ReadOnlySpan<byte> Type => "md5"u8;

    /// <summary>True when <paramref name="file"/> starts with the binary magic bytes.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> file) => file.StartsWith(BinaryLayout.Magic);

    /// <summary>The signature section for <paramref name="signedContent"/> (to be appended to it).</summary>
    public static byte[] Section(ReadOnlySpan<byte> signedContent)
    {
        var section = new byte[sizeof(long) + sizeof(int) + Type.Length + sizeof(int) + MD5.HashSizeInBytes + sizeof(long)];
        Span<byte> s = section;
        BinaryPrimitives.WriteInt64LittleEndian(s, BinaryLayout.Signature);
        BinaryPrimitives.WriteInt32LittleEndian(s[8..], Type.Length);
        Type.CopyTo(s[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[(12 + Type.Length)..], MD5.HashSizeInBytes);
        MD5.HashData(signedContent, s[(16 + Type.Length)..]);
        BinaryPrimitives.WriteInt64LittleEndian(s[^8..], signedContent.Length);
        return section;
    }

    /// <summary>Length of the signed content when the file ends with a well-formed md5 signature section, else null.</summary>
    public static int? SignedLength(ReadOnlySpan<byte> file)
    {
        int sectionBytes = Section([]).Length;
        if (file.Length < BinaryLayout.Magic.Length + sectionBytes) return null;
        long length = BinaryPrimitives.ReadInt64LittleEndian(file[^8..]);
        return length == file.Length - sectionBytes && BinaryPrimitives.ReadInt64LittleEndian(file[(int)length..]) == BinaryLayout.Signature
            && file[((int)length + 12)..].StartsWith(Type) ? (int)length : null;
    }

    /// <summary>Valid when the stored hash is the MD5 of the signed content; absent without a signature section.</summary>
    public static PulseqSignatureStatus Verify(ReadOnlySpan<byte> file)
    {
        if (SignedLength(file) is not int length) return PulseqSignatureStatus.Absent;
        return file[length..].SequenceEqual(Section(file[..length])) ? PulseqSignatureStatus.Valid : PulseqSignatureStatus.Invalid;
    }
}
