using System.Globalization;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Model;

namespace SeqZero.Tests.Pulseq;

/// <summary>Test scaffolding, not a product writer: the legacy binary layout of <c>LegacyBinarySeqReader</c> (MATLAB's old
/// writeBinary.m with record counts) written from the tables of a 1.2 text file. Definitions whose values are all whole
/// numbers go out as int64, other numeric ones as float64, text ones (Name) are left out; times are whole µs or ns.</summary>
internal static class LegacyBinaryBytes
{
    private const sbyte Int64Values = 1, Float64Values = 2;
    private const double MicrosecondsPerSecond = 1e6, NanosecondsPerSecond = 1e9;

    /// <exception cref="NotSupportedException">An event delay, time shape or extension: the layout has no field for it.</exception>
    public static byte[] Write(PulseqFile file, PulseqVersion version)
    {
        var stream = new MemoryStream();
        using var w = new BinaryWriter(stream); // little-endian on every platform, as the layout
        w.Write(BinaryLayout.Magic);
        w.Write((long)version.Major);
        w.Write((long)version.Minor);
        w.Write((long)version.Revision);

        Section(w, BinaryLayout.Definitions, file.Definitions.Where(d => Numbers(d.Value) is not null).ToList(), d =>
        {
            w.Write(System.Text.Encoding.UTF8.GetBytes(d.Key + "\0"));
            string[] numbers = Numbers(d.Value)!;
            bool whole = numbers.All(n => long.TryParse(n, CultureInfo.InvariantCulture, out _));
            w.Write(whole ? Int64Values : Float64Values);
            w.Write((sbyte)numbers.Length);
            foreach (string n in numbers)
            {
                if (whole) w.Write(long.Parse(n, CultureInfo.InvariantCulture));
                else w.Write(double.Parse(n, CultureInfo.InvariantCulture));
            }
        });
        Section(w, BinaryLayout.Blocks, file.Blocks, b =>
        {
            if (b.ExtensionId != 0) throw new NotSupportedException("extensions have no field in the legacy layout");
            foreach (int id in (int[])[b.DelayId, b.RfId, b.GxId, b.GyId, b.GzId, b.AdcId]) w.Write(id);
        });
        Section(w, BinaryLayout.Rf, file.Rf, e =>
        {
            Representable(e.Value.DelaySeconds == 0 && e.Value.TimeShapeId == 0, "RF", e.Key);
            w.Write(e.Key);
            w.Write(e.Value.AmplitudeHz);
            w.Write(e.Value.MagnitudeShapeId);
            w.Write(e.Value.PhaseShapeId);
            w.Write(e.Value.FrequencyHz);
            w.Write(e.Value.PhaseRadians);
        });
        Section(w, BinaryLayout.Gradients, file.Gradients, e =>
        {
            Representable(e.Value.DelaySeconds == 0 && e.Value.TimeShapeId == 0, "gradient", e.Key);
            w.Write(e.Key);
            w.Write(e.Value.AmplitudeHzPerMeter);
            w.Write(e.Value.ShapeId);
        });
        Section(w, BinaryLayout.Trapezoids, file.Trapezoids, e =>
        {
            Representable(e.Value.DelaySeconds == 0, "trapezoid", e.Key);
            w.Write(e.Key);
            w.Write(e.Value.AmplitudeHzPerMeter);
            foreach (double seconds in (double[])[e.Value.RiseSeconds, e.Value.FlatSeconds, e.Value.FallSeconds]) w.Write(Whole(seconds, MicrosecondsPerSecond));
        });
        Section(w, BinaryLayout.Adc, file.Adc, e =>
        {
            w.Write(e.Key);
            w.Write(e.Value.NumSamples);
            w.Write(Whole(e.Value.DwellSeconds, NanosecondsPerSecond));
            w.Write(Whole(e.Value.DelaySeconds, MicrosecondsPerSecond));
            w.Write(e.Value.FrequencyHz);
            w.Write(e.Value.PhaseRadians);
        });
        Section(w, BinaryLayout.LegacyDelays, file.Delays, e =>
        {
            w.Write(e.Key);
            w.Write(Whole(e.Value, MicrosecondsPerSecond));
        });
        Section(w, BinaryLayout.Shapes, file.Shapes, e =>
        {
            List<double> coded = Code(e.Value.Samples);
            w.Write(e.Key);
            w.Write((long)e.Value.Samples.Length);
            w.Write((long)coded.Count);
            foreach (double value in coded) w.Write(value);
        });
        w.Flush();
        return stream.ToArray();
    }

    // MATLAB writes a section only when its table has rows
    private static void Section<T>(BinaryWriter w, long code, IReadOnlyCollection<T> rows, Action<T> writeRow)
    {
        if (rows.Count == 0) return;
        w.Write(code);
        w.Write((long)rows.Count);
        foreach (T row in rows) writeRow(row);
    }

    private static string[]? Numbers(string text)
    {
        string[] tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.All(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? tokens : null;
    }

    private static long Whole(double seconds, double unitsPerSecond) => (long)Math.Round(seconds * unitsPerSecond);

    private static void Representable(bool ok, string what, int id)
    {
        if (!ok) throw new NotSupportedException($"{what} {id}: delay or time shape has no field in the legacy layout");
    }

    /// <summary>The 1.2 shape code: derivative d₀ = s₀, dₖ = sₖ − sₖ₋₁, a run of equal dₖ as "d d (run − 2)".</summary>
    private static List<double> Code(double[] samples)
    {
        double Derivative(int k) => k == 0 ? samples[0] : samples[k] - samples[k - 1];
        var coded = new List<double>();
        for (int k = 0; k < samples.Length;)
        {
            double d = Derivative(k);
            int run = 1;
            while (k + run < samples.Length && Derivative(k + run) == d) run++;
            coded.Add(d);
            if (run > 1) coded.AddRange([d, run - 2]);
            k += run;
        }
        return coded;
    }
}
