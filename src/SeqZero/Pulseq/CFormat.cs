using System.Globalization;

namespace SeqZero.Pulseq;

/// <summary>The C printf conversions Pulseq MATLAB writes and prints with (%g, %.9g, %d), invariant culture.</summary>
public static class CFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"%.{precision}g": <paramref name="precision"/> significant digits, trailing zeros dropped, exponent form
    /// (e±dd) when the decimal exponent is below −4 or at least the precision.</summary>
    public static string G(double value, int precision = 6)
    {
        if (value == 0) return double.IsNegative(value) ? "-0" : "0"; // C prints the sign of −0
        if (!double.IsFinite(value)) return double.IsNaN(value) ? "NaN" : value > 0 ? "Inf" : "-Inf";
        string e = value.ToString("E" + (precision - 1), Invariant); // correctly rounded to `precision` significant digits
        int exponent = int.Parse(e.AsSpan(e.IndexOf('E') + 1), Invariant);
        if (exponent < -4 || exponent >= precision)
        {
            string mantissa = e[..e.IndexOf('E')];
            if (mantissa.Contains('.')) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
            return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        string fixedText = value.ToString("F" + Math.Max(0, precision - 1 - exponent), Invariant);
        return fixedText.Contains('.') ? fixedText.TrimEnd('0').TrimEnd('.') : fixedText;
    }

    /// <summary>"%{width}g": right-aligned in <paramref name="width"/> characters.</summary>
    public static string G(double value, int precision, int width) => G(value, precision).PadLeft(width);

    /// <summary>An integral value as "%{width}d"; a value that is not an integer (to 1e-6) falls back to %g, as C would
    /// print it with a wider conversion rather than lose it.</summary>
    public static string D(double value, int width = 0)
    {
        double rounded = Math.Round(value);
        string text = Math.Abs(value - rounded) <= 1e-6 * Math.Max(1, Math.Abs(value))
            ? ((long)rounded).ToString(Invariant) : G(value);
        return text.PadLeft(width);
    }
}
