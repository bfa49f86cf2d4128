using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SeqZero.Pulseq.Reading;

/// <summary>Whitespace-separated tokens of one content line (UTF-8 bytes), parsed with the invariant culture. Every
/// failure throws <see cref="PulseqFormatException"/> naming the section, the field and the offending token.</summary>
internal ref struct LineTokens(ReadOnlySpan<byte> line, SeqLineReader reader, string section)
{
    private ReadOnlySpan<byte> rest = line;
    private int index;

    /// <summary>True when no token is left.</summary>
    public readonly bool IsAtEnd => SkipBlanks(rest) == rest.Length;

    /// <summary>Number of tokens in the whole line (counted once, on demand, for column-count checks).</summary>
    public static int Count(ReadOnlySpan<byte> line)
    {
        int count = 0;
        bool inToken = false;
        for (int i = 0; i < line.Length; i++)
        {
            bool blank = IsBlank(line[i]);
            if (!blank && !inToken) count++;
            inToken = !blank;
        }
        return count;
    }

    /// <summary>The next raw token.</summary>
    public ReadOnlySpan<byte> Next(string field)
    {
        // scalar scans: tokens are a few bytes long, shorter than any vector setup pays for
        rest = rest[SkipBlanks(rest)..];
        if (rest.IsEmpty) throw reader.Error($"{section}: missing {field} (column {index + 1})");
        int end = 1;
        while (end < rest.Length && !IsBlank(rest[end])) end++;
        ReadOnlySpan<byte> token = rest[..end];
        rest = rest[end..];
        index++;
        return token;
    }

    /// <summary>The next token as text.</summary>
    public string NextString(string field) => Encoding.UTF8.GetString(Next(field));

    /// <summary>The next token as a finite number.</summary>
    public double NextDouble(string field)
    {
        ReadOnlySpan<byte> token = Next(field);
        // Clinger's exact fast path, then Utf8Parser (culture-free), then double.TryParse for the rarer spellings
        if ((TryParseShortDecimal(token, out double value)
                || Utf8Parser.TryParse(token, out value, out int used) && used == token.Length
                || double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            && double.IsFinite(value))
        {
            return value;
        }
        throw reader.Error($"{section}: {field}: expected a finite number, found '{Show(token)}'");
    }

    /// <summary>The next token as an integer in [min, max]; values written as "12.0" or "1e3" are accepted when integral.</summary>
    public long NextInteger(string field, long min, long max)
    {
        ReadOnlySpan<byte> token = Next(field);
        if (!TryParseSmallInteger(token, out long value) && !long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)
                || real != Math.Round(real) || Math.Abs(real) > 9e15)
            {
                throw reader.Error($"{section}: {field}: expected an integer, found '{Show(token)}'");
            }
            value = (long)real;
        }
        if (value < min || value > max)
        {
            throw reader.Error($"{section}: {field} = {value} is outside [{min}, {max}]");
        }
        return value;
    }

    /// <summary>The next token as an int in [min, max].</summary>
    public int NextInt(string field, int min, int max) => (int)NextInteger(field, min, max);

    /// <summary>Throws unless every token was consumed.</summary>
    public readonly void ExpectEnd(int expectedColumns)
    {
        if (!IsAtEnd)
        {
            throw reader.Error($"{section}: expected {expectedColumns} columns, found {expectedColumns + Count(rest)}");
        }
    }

    /// <summary>Powers of ten that are exact doubles (10⁰…10²²).</summary>
    private static ReadOnlySpan<double> ExactPowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Clinger's fast path: [±]digits[.digits][e[±]digits] with a mantissa m ≤ 2⁵³ and a decimal exponent e with
    /// |e| ≤ 22 is m·10^e or m/10^−e, one correctly rounded IEEE operation on exact operands. False for anything else
    /// (the caller then uses the general parser).</summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<byte> token, out double value)
    {
        const ulong MaxExactMantissa = 1UL << 53;
        const int MaxExponentDigits = 4;
        value = 0;
        int i = 0;
        bool negative = token.Length > 0 && token[0] == (byte)'-';
        if (negative || token.Length > 0 && token[0] == (byte)'+') i++;
        ulong mantissa = 0;
        int exponent = 0, digits = 0;
        bool point = false;
        for (; i < token.Length; i++)
        {
            byte b = token[i];
            if (b == (byte)'.' && !point)
            {
                point = true;
                continue;
            }
            uint d = (uint)(b - (byte)'0');
            if (d > 9) break;
            if (mantissa > (MaxExactMantissa - d) / 10) return false;
            mantissa = mantissa * 10 + d;
            if (point) exponent--;
            digits++;
        }
        if (digits == 0) return false;
        if (i < token.Length)
        {
            if (token[i] is not ((byte)'e' or (byte)'E') || ++i == token.Length) return false;
            bool negativeExponent = token[i] == (byte)'-';
            if (negativeExponent || token[i] == (byte)'+') i++;
            int e = 0, exponentDigits = 0;
            for (; i < token.Length; i++)
            {
                uint d = (uint)(token[i] - (byte)'0');
                if (d > 9 || ++exponentDigits > MaxExponentDigits) return false;
                e = e * 10 + (int)d;
            }
            if (exponentDigits == 0) return false;
            exponent += negativeExponent ? -e : e;
        }
        if (exponent < -22 || exponent > 22) return false;
        value = exponent < 0 ? mantissa / ExactPowersOfTen[-exponent] : mantissa * ExactPowersOfTen[exponent];
        if (negative) value = -value;
        return true;
    }

    /// <summary>Optional '-' and up to 18 decimal digits (cannot overflow): the common case, parsed without the general parser.</summary>
    private static bool TryParseSmallInteger(ReadOnlySpan<byte> token, out long value)
    {
        const int MaxDigits = 18;
        value = 0;
        int i = token.Length > 0 && token[0] == (byte)'-' ? 1 : 0;
        if (i == token.Length || token.Length - i > MaxDigits) return false;
        for (; i < token.Length; i++)
        {
            uint digit = (uint)(token[i] - (byte)'0');
            if (digit > 9) return false;
            value = value * 10 + digit;
        }
        if (token[0] == (byte)'-') value = -value;
        return true;
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';

    private static int SkipBlanks(ReadOnlySpan<byte> span)
    {
        int i = 0;
        while (i < span.Length && IsBlank(span[i])) i++;
        return i;
    }

    private static string Show(ReadOnlySpan<byte> token)
    {
        const int MaxShown = 40;
        string text = Encoding.UTF8.GetString(token.Length > MaxShown ? token[..MaxShown] : token);
        return token.Length > MaxShown ? text + "…" : text;
    }
}
