using System.Globalization;

namespace SeqZero.Cli.Commands;

/// <summary>Parses the unit-carrying options of `seqzero seq` into SI (Hz/m, Hz/m/s, s). mT/m and T/m/s convert with
/// SeqZero's one gyromagnetic ratio.</summary>
internal static class SeqUnits
{
    private const double MicrosecondsPerSecond = 1e6;

    /// <summary>"40mT/m" or "1.7e6" / "1.7e6Hz/m" → Hz/m; null stays null (not checked).</summary>
    public static double? GradientHzPerMeter(string? text, string option) => Parse(text, option,
        [("mT/m", 1e-3 * Physics.Gyromagnetic.ProtonHertzPerTesla), ("Hz/m", 1)]);

    /// <summary>"170T/m/s" or "7e9" / "7e9Hz/m/s" → Hz/m/s; null stays null (not checked).</summary>
    public static double? SlewHzPerMeterPerSecond(string? text, string option) => Parse(text, option,
        [("T/m/s", Physics.Gyromagnetic.ProtonHertzPerTesla), ("Hz/m/s", 1)]);

    /// <summary>--version: a Pulseq version this tool writes (1.4.2 or 1.5.1).</summary>
    public static Pulseq.PulseqVersion WritableVersion(string text)
    {
        Pulseq.PulseqVersion version = Pulseq.PulseqVersion.Parse(text);
        return version == Pulseq.PulseqVersion.V142 || version == Pulseq.PulseqVersion.V151 ? version
            : throw new ArgumentException($"--version must be 1.4.2 or 1.5.1, not {version}.");
    }

    /// <summary>µs → s, refusing negative values.</summary>
    public static double Microseconds(double microseconds, string option) => microseconds >= 0 && double.IsFinite(microseconds)
        ? microseconds / MicrosecondsPerSecond
        : throw new ArgumentException($"{option} must be a time ≥ 0 µs, not {microseconds}.");

    /// <summary>"from,to" in seconds (from &lt; to); null = everything.</summary>
    public static (double From, double To) TimeRange(string? text, string option)
    {
        if (text is null) return (double.NegativeInfinity, double.PositiveInfinity);
        string[] parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double from)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double to)
            && double.IsFinite(from) && double.IsFinite(to) && from < to)
        {
            return (from, to);
        }
        throw new ArgumentException($"{option} must be two times in seconds \"from,to\" with from < to, not '{text}'.");
    }

    private static double? Parse(string? text, string option, (string Unit, double Factor)[] units)
    {
        if (text is null) return null;
        string trimmed = text.Trim();
        double factor = 1;
        foreach ((string unit, double f) in units)
        {
            if (trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^unit.Length].Trim();
                factor = f;
                break;
            }
        }
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentException($"{option} must be a positive number with unit {string.Join(" or ", units.Select(u => u.Unit))}, not '{text}'.");
        }
        return value * factor;
    }
}
