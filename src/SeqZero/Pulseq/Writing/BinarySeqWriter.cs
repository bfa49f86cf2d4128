using System.Globalization;
using System.Text;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Writing;

/// <summary>Writes binary Pulseq files (.bseq, the 1.5 layout of <see cref="BinaryLayout"/>) from the same normalised
/// tables as the text writer, signed with the MD5 of every byte before the signature section.
/// What the binary format carries differently from text, and what happens then:
/// <list type="bullet">
/// <item>shape values are float32: each coded derivative is rounded to float32 with the rounding error carried into the
/// next one, so a decoded sample is off by at most half a float32 step of its derivative (relative ≈ 6e-8), without
/// drift along the shape; every other number is stored exactly (times to 1 ps)</item>
/// <item>times that are not whole picoseconds, labels outside <see cref="BinaryLayout.Labels"/> and extensions other than
/// TRIGGERS, LABELSET, LABELINC, DELAYS, RF_SHIMS, ROTATIONS have no binary form: <see cref="ArgumentException"/>
/// naming the value, never silent loss</item>
/// <item>the layout is that of 1.5; 1.2–1.4 content is converted as the text writer converts it to 1.5</item></list></summary>
public static class BinarySeqWriter
{
    /// <summary>Largest distance of a time from a whole number of picoseconds that still counts as exact [ps]
    /// (seconds·1e12 carries float rounding of about 1e-4 ps for times up to a day).</summary>
    private const double PicosecondTolerance = 1e-2;

    /// <summary>The signed binary file of <paramref name="file"/> in <paramref name="version"/> (1.5.x).</summary>
    /// <exception cref="ArgumentException">The version is not 1.5.x or the content has no binary form (see the class remarks).</exception>
    public static byte[] Write(PulseqFile file, PulseqVersion version)
    {
        if (version.Major != 1 || version.Minor != 5)
        {
            throw new ArgumentException($"Binary Pulseq files use the 1.5 layout; version {version} cannot be written as .bseq.", nameof(version));
        }
        PulseqFile f = PulseqNormalizer.Normalize(file, version);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(BinaryLayout.Magic);
            w.Write((long)version.Major);
            w.Write((long)version.Minor);
            w.Write((long)version.Revision);
            WriteDefinitions(w, f);
            WriteEvents(w, f);
            BinaryExtensionWriter.Write(w, f);
        }
        buffer.Write(BinarySignature.Section(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="file"/> to <paramref name="path"/> as .bseq.</summary>
    public static void WriteFile(PulseqFile file, PulseqVersion version, string path) => File.WriteAllBytes(path, Write(file, version));

    /// <summary>Numeric values (every token a number) as float64 arrays, anything else as text.</summary>
    private static void WriteDefinitions(BinaryWriter w, PulseqFile f)
    {
        if (f.Definitions.Count == 0) return;
        w.Write(BinaryLayout.Definitions);
        w.Write((long)f.Definitions.Count);
        foreach ((string key, string value) in f.Definitions)
        {
            Text(w, key);
            string[] tokens = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            double[] numbers = new double[tokens.Length];
            bool numeric = tokens.Length > 0 && tokens.Select((t, i) =>
                double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])).All(ok => ok);
            if (numeric)
            {
                w.Write(numbers.Length);
                w.Write((byte)'f');
                foreach (double number in numbers) w.Write(number);
            }
            else
            {
                byte[] bytes = Encoding.UTF8.GetBytes(value.Trim());
                w.Write(bytes.Length);
                w.Write((byte)'c');
                w.Write(bytes);
            }
        }
    }

    private static void WriteEvents(BinaryWriter w, PulseqFile f)
    {
        w.Write(BinaryLayout.Blocks);
        w.Write((long)f.Blocks.Count);
        foreach (PulseqBlockRow b in f.Blocks)
        {
            w.Write(b.DurationRasterUnits);
            foreach (int id in (ReadOnlySpan<int>)[b.RfId, b.GxId, b.GyId, b.GzId, b.AdcId, b.ExtensionId]) w.Write(id);
        }
        Section(w, BinaryLayout.Rf, f.Rf, (id, e) =>
        {
            w.Write(e.AmplitudeHz);
            w.Write(e.MagnitudeShapeId);
            w.Write(e.PhaseShapeId);
            w.Write(e.TimeShapeId);
            w.Write(Picoseconds(e.CenterSeconds ?? 0, $"RF {id} center"));
            w.Write(Picoseconds(e.DelaySeconds, $"RF {id} delay"));
            foreach (double v in (ReadOnlySpan<double>)[e.FrequencyPpm, e.PhasePpm, e.FrequencyHz, e.PhaseRadians]) w.Write(v);
            w.Write((byte)PulseqRfUseLetter.Letter(e.Use));
        });
        Section(w, BinaryLayout.Gradients, f.Gradients, (id, e) =>
        {
            w.Write(e.AmplitudeHzPerMeter);
            w.Write(e.FirstHzPerMeter ?? 0);
            w.Write(e.LastHzPerMeter ?? 0);
            w.Write(e.ShapeId);
            w.Write(e.TimeShapeId);
            w.Write(Picoseconds(e.DelaySeconds, $"gradient {id} delay"));
        });
        Section(w, BinaryLayout.Trapezoids, f.Trapezoids, (id, e) =>
        {
            w.Write(e.AmplitudeHzPerMeter);
            foreach (double t in (ReadOnlySpan<double>)[e.RiseSeconds, e.FlatSeconds, e.FallSeconds, e.DelaySeconds]) w.Write(Picoseconds(t, $"trapezoid {id}"));
        });
        Section(w, BinaryLayout.Adc, f.Adc, (id, e) =>
        {
            w.Write(e.NumSamples);
            w.Write(Picoseconds(e.DwellSeconds, $"ADC {id} dwell"));
            w.Write(Picoseconds(e.DelaySeconds, $"ADC {id} delay"));
            foreach (double v in (ReadOnlySpan<double>)[e.FrequencyPpm, e.PhasePpm, e.FrequencyHz, e.PhaseRadians]) w.Write(v);
            w.Write(e.PhaseShapeId);
        });
        Section(w, BinaryLayout.Shapes, f.Shapes, (_, shape) =>
        {
            float[] coded = BinaryShapeCoding.Code(shape.Samples);
            w.Write((long)shape.Samples.Length);
            w.Write((long)coded.Length);
            foreach (float v in coded) w.Write(v);
        });
        if (f.ExtensionLinks.Count > 0)
        {
            Section(w, BinaryLayout.Extensions, f.ExtensionLinks, (_, l) =>
            {
                w.Write(l.TypeId);
                w.Write(l.RefId);
                w.Write(l.NextId);
            });
        }
    }

    /// <summary>Section code, count, then per row (ascending id) the id and <paramref name="row"/>'s fields; nothing when empty.</summary>
    internal static void Section<T>(BinaryWriter w, long code, Dictionary<int, T> rows, Action<int, T> row)
    {
        if (rows.Count == 0) return;
        w.Write(code);
        w.Write((long)rows.Count);
        foreach ((int id, T value) in rows.OrderBy(p => p.Key))
        {
            w.Write(id);
            row(id, value);
        }
    }

    /// <summary>Length (int32) and UTF-8 bytes, no terminator.</summary>
    internal static void Text(BinaryWriter w, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    /// <summary>A time as int64 picoseconds; refuses a time that is not a whole number of them.</summary>
    internal static long Picoseconds(double seconds, string what)
    {
        double picoseconds = seconds * BinaryLayout.PicosecondsPerSecond;
        double whole = Math.Round(picoseconds);
        if (Math.Abs(picoseconds - whole) > PicosecondTolerance || Math.Abs(whole) > long.MaxValue / 2)
        {
            throw new ArgumentException($"{what}: {seconds:G17} s is not a whole number of picoseconds, which .bseq stores.");
        }
        return (long)whole;
    }
}
