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
    public readonly bool IsAtEnd => rest.TrimStart(" \t"u8).IsEmpty;

    /// <summary>Number of tokens in the whole line (counted once, on demand, for column-count checks).</summary>
    public static int Count(ReadOnlySpan<byte> line)
    {
        int count = 0;
        bool inToken = false;
        foreach (byte b in line)
        {
            bool blank = b is (byte)' ' or (byte)'\t';
            if (!blank && !inToken) count++;
            inToken = !blank;
        }
        return count;
    }

    /// <summary>The next raw token.</summary>
    public ReadOnlySpan<byte> Next(string field)
    {
        rest = rest.TrimStart(" \t"u8);
        if (rest.IsEmpty) throw reader.Error($"{section}: missing {field} (column {index + 1})");
        int blank = rest.IndexOfAny(" \t"u8);
        ReadOnlySpan<byte> token = blank < 0 ? rest : rest[..blank];
        rest = blank < 0 ? default : rest[blank..];
        index++;
        return token;
    }

    /// <summary>The next token as text.</summary>
    public string NextString(string field) => Encoding.UTF8.GetString(Next(field));

    /// <summary>The next token as a finite number.</summary>
    public double NextDouble(string field)
    {
        ReadOnlySpan<byte> token = Next(field);
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }
        throw reader.Error($"{section}: {field}: expected a finite number, found '{Show(token)}'");
    }

    /// <summary>The next token as an integer in [min, max]; values written as "12.0" or "1e3" are accepted when integral.</summary>
    public long NextInteger(string field, long min, long max)
    {
        ReadOnlySpan<byte> token = Next(field);
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
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

    private static string Show(ReadOnlySpan<byte> token)
    {
        const int MaxShown = 40;
        string text = Encoding.UTF8.GetString(token.Length > MaxShown ? token[..MaxShown] : token);
        return token.Length > MaxShown ? text + "…" : text;
    }
}
