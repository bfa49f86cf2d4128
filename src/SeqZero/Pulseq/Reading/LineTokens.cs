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
        // Utf8Parser is the fast path (culture-free, like the invariant culture); double.TryParse takes the rarer spellings
        if ((Utf8Parser.TryParse(token, out double value, out int used) && used == token.Length
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
