using System.Security.Cryptography;
using System.Text;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq;

/// <summary>The [SIGNATURE] rule: MD5 of the file's bytes up to the "[SIGNATURE]" line, without the newline just before
/// it (that newline belongs to the signature), written as "Type md5" and "Hash &lt;32 hex digits&gt;". Binary files
/// (recognised by their magic bytes) follow <see cref="BinarySignature"/> in <see cref="SignedContent"/>,
/// <see cref="Resign"/> and <see cref="Verify"/>.</summary>
public static class PulseqSignature
{
    private static ReadOnlySpan<byte> Marker => "\n[SIGNATURE]"u8;

    /// <summary>The block MATLAB appends: newline, header, explanation comments, type and hash.</summary>
    public static string Block(string md5Hex) =>
        "\n[SIGNATURE]\n"
        + "# This is the hash of the Pulseq file, calculated right before the [SIGNATURE] section was added\n"
        + "# It can be reproduced/verified with md5sum if the file trimmed to the position right above [SIGNATURE]\n"
        + "# The new line character preceding [SIGNATURE] BELONGS to the signature (and needs to be stripped away for recalculating/verification)\n"
        + "Type md5\n"
        + $"Hash {md5Hex}\n";

    /// <summary>Lower-case hex MD5 of <paramref name="content"/>.</summary>
    public static string Md5Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(MD5.HashData(content));

    /// <summary>The bytes the signature covers: everything before "\n[SIGNATURE]" (the whole file when absent).</summary>
    public static ReadOnlySpan<byte> SignedContent(ReadOnlySpan<byte> file)
    {
        if (BinarySignature.IsBinary(file)) return BinarySignature.SignedLength(file) is int length ? file[..length] : file;
        int at = file.IndexOf(Marker);
        return at >= 0 ? file[..at] : file;
    }

    /// <summary>Signs unsigned text: the text followed by the signature block of its MD5.</summary>
    public static string Sign(string unsignedText) => unsignedText + Block(Md5Hex(Encoding.UTF8.GetBytes(unsignedText)));

    /// <summary>Replaces (or adds) the signature of a file's bytes.</summary>
    public static byte[] Resign(ReadOnlySpan<byte> file)
    {
        ReadOnlySpan<byte> content = SignedContent(file);
        if (BinarySignature.IsBinary(file)) return [.. content, .. BinarySignature.Section(content)];
        return [.. content, .. Encoding.UTF8.GetBytes(Block(Md5Hex(content)))];
    }

    /// <summary>Valid when the stored hash equals the MD5 of the signed content; absent without a [SIGNATURE] section.</summary>
    public static PulseqSignatureStatus Verify(ReadOnlySpan<byte> file)
    {
        if (BinarySignature.IsBinary(file)) return BinarySignature.Verify(file);
        int at = file.IndexOf(Marker);
        if (at < 0) return PulseqSignatureStatus.Absent;
        string rest = Encoding.UTF8.GetString(file[at..]);
        int hash = rest.IndexOf("\nHash ", StringComparison.Ordinal);
        if (hash < 0) return PulseqSignatureStatus.Invalid;
        string stored = rest[(hash + 6)..].Split('\n')[0].Trim();
        return string.Equals(stored, Md5Hex(file[..at]), StringComparison.OrdinalIgnoreCase) ? PulseqSignatureStatus.Valid : PulseqSignatureStatus.Invalid;
    }
}
