using System.Text;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Writing;

/// <summary>The text of one table row after its id, in MATLAB write.m's printf layouts (times back to µs/ns). Also the
/// de-duplication key of the normaliser: two events are the same exactly when they print the same.</summary>
internal static class PulseqRowFormat
{
    private const double MicrosecondsPerSecond = 1e6;
    private const double NanosecondsPerSecond = 1e9;

    /// <summary>Significant digits of shape samples (MATLAB '%.9g').</summary>
    private const int ShapeDigits = 9;

    public static string Rf(PulseqRfEvent e, PulseqVersion v)
    {
        string head = $"{CFormat.G(e.AmplitudeHz, 6, 12)} {e.MagnitudeShapeId} {e.PhaseShapeId} {e.TimeShapeId}";
        string offsets = $"{CFormat.G(e.FrequencyHz)} {CFormat.G(e.PhaseRadians)}";
        return v.Minor == 5
            ? $"{head} {Us(e.CenterSeconds ?? 0)} {Us(e.DelaySeconds)} {CFormat.G(e.FrequencyPpm)} {CFormat.G(e.PhasePpm)} {offsets} {PulseqRfUseLetter.Letter(e.Use)}"
            : $"{head} {Us(e.DelaySeconds)} {offsets}";
    }

    public static string Gradient(PulseqGradientEvent e, PulseqVersion v)
    {
        string amplitude = CFormat.G(e.AmplitudeHzPerMeter, 6, 12);
        string tail = $"{e.ShapeId} {e.TimeShapeId} {CFormat.D(e.DelaySeconds * MicrosecondsPerSecond)}";
        return v.Minor == 5
            ? $"{amplitude} {CFormat.G(e.FirstHzPerMeter ?? 0, 6, 12)} {CFormat.G(e.LastHzPerMeter ?? 0, 6, 12)} {tail}"
            : $"{amplitude} {tail}";
    }

    public static string Trapezoid(PulseqTrapezoidEvent e) =>
        $"{CFormat.G(e.AmplitudeHzPerMeter, 6, 12)} {CFormat.D(e.RiseSeconds * MicrosecondsPerSecond, 3)} "
        + $"{CFormat.D(e.FlatSeconds * MicrosecondsPerSecond, 4)} {CFormat.D(e.FallSeconds * MicrosecondsPerSecond, 3)} "
        + $"{CFormat.D(e.DelaySeconds * MicrosecondsPerSecond, 3)}";

    public static string Adc(PulseqAdcEvent e, PulseqVersion v)
    {
        string timing = $"{e.NumSamples} {CFormat.D(e.DwellSeconds * NanosecondsPerSecond)} {CFormat.D(e.DelaySeconds * MicrosecondsPerSecond)}";
        string offsets = $"{CFormat.G(e.FrequencyHz)} {CFormat.G(e.PhaseRadians)}";
        return v.Minor == 5
            ? $"{timing} {CFormat.G(e.FrequencyPpm)} {CFormat.G(e.PhasePpm)} {offsets} {e.PhaseShapeId}"
            : $"{timing} {offsets}";
    }

    public static string Label(PulseqLabel l) => $"{l.Value} {l.Label}";

    public static string Trigger(PulseqTrigger t) =>
        $"{t.Type} {t.Channel} {CFormat.D(t.DelaySeconds * MicrosecondsPerSecond)} "
        + CFormat.D(t.DurationSeconds * MicrosecondsPerSecond);

    public static string Rotation(PulseqRotation r) => $" {CFormat.G(r.W)} {CFormat.G(r.X)} {CFormat.G(r.Y)} {CFormat.G(r.Z)}";

    public static string RfShim(PulseqRfShim s)
    {
        var text = new StringBuilder().Append(s.Magnitudes.Length);
        for (int c = 0; c < s.Magnitudes.Length; c++)
        {
            text.Append(' ').Append(CFormat.G(s.Magnitudes[c])).Append(' ').Append(CFormat.G(s.PhasesRadians[c]));
        }
        return text.ToString();
    }

    public static string SoftDelay(PulseqSoftDelay d) =>
        $"{d.NumericId} {CFormat.G(d.OffsetSeconds * MicrosecondsPerSecond)} {CFormat.G(d.Factor)} {d.Hint}";

    public static string Unknown(PulseqUnknownExtensionRow r) => string.Join(' ', r.Tokens);

    /// <summary>"num_samples n" and the coded values one per line (MATLAB compressShape rules, '%.9g').</summary>
    public static string Shape(double[] samples)
    {
        double[] coded = ShapeCompression.Compress(samples, out _);
        var text = new StringBuilder($"num_samples {samples.Length}\n");
        foreach (double value in coded) text.Append(CFormat.G(value, ShapeDigits)).Append('\n');
        return text.ToString();
    }

    private static string Us(double seconds) => CFormat.G(seconds * MicrosecondsPerSecond);
}
