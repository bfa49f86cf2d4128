using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>Row parsers of [BLOCKS], [RF], [GRADIENTS], [TRAP], [ADC] and [DELAYS]. Column layouts per version:
/// <list type="bullet">
/// <item>BLOCKS 1.2: id delay_id rf gx gy gz adc; 1.3: + ext; 1.4+: id duration[block rasters] rf gx gy gz adc ext</item>
/// <item>RF ≤1.3: id amp[Hz] mag phase delay[µs] freq[Hz] phase[rad]; 1.4: id amp mag phase time delay freq phase;
/// 1.5: id amp mag phase time center[µs] delay[µs] freqPPM phasePPM freq phase use</item>
/// <item>GRADIENTS ≤1.3: id amp[Hz/m] shape delay[µs]; 1.4: id amp shape time delay; 1.5: id amp first last shape time delay</item>
/// <item>TRAP: id amp[Hz/m] rise flat fall delay [µs]</item>
/// <item>ADC ≤1.4: id num dwell[ns] delay[µs] freq[Hz] phase[rad]; 1.5: id num dwell delay freqPPM phasePPM freq phase phase_id</item>
/// <item>DELAYS (1.2/1.3): id delay[µs]</item></list></summary>
internal static class EventSections
{
    /// <summary>Seconds per text time unit; the legacy binary reader multiplies by the same factors, so that its times equal a text file's.</summary>
    internal const double SecondsPerMicrosecond = 1e-6, SecondsPerNanosecond = 1e-9;

    /// <summary>Longest event time accepted [s]: one day; anything longer is a corrupt number, not a sequence.</summary>
    internal const double MaxEventSeconds = 86_400;

    public static void ReadBlock(PulseqFile file, SeqLineReader reader, ReadOnlySpan<byte> line)
    {
        PulseqVersion v = file.Version;
        int columns = v.AtLeast(1, 3) ? 8 : 7;
        CheckColumns(reader, line, "[BLOCKS]", columns, v);
        var t = new LineTokens(line, reader, "[BLOCKS]");
        int expectedId = file.Blocks.Count + 1;
        int id = t.NextInt("block id", 1, int.MaxValue);
        if (id != expectedId) throw reader.Error($"[BLOCKS]: block id {id} out of sequence (expected {expectedId})");
        long duration = -1;
        int delayId = 0;
        if (v.AtLeast(1, 4)) duration = t.NextInteger("duration", 0, long.MaxValue / 2);
        else delayId = t.NextInt("delay id", 0, int.MaxValue);
        int rf = t.NextInt("RF id", 0, int.MaxValue), gx = t.NextInt("GX id", 0, int.MaxValue);
        int gy = t.NextInt("GY id", 0, int.MaxValue), gz = t.NextInt("GZ id", 0, int.MaxValue);
        int adc = t.NextInt("ADC id", 0, int.MaxValue);
        int ext = columns == 8 ? t.NextInt("EXT id", 0, int.MaxValue) : 0;
        file.Blocks.Add(new PulseqBlockRow(reader.LineNumber, duration, delayId, rf, gx, gy, gz, adc, ext));
    }

    public static void ReadRf(PulseqFile file, SeqLineReader reader, ReadOnlySpan<byte> line)
    {
        PulseqVersion v = file.Version;
        int columns = v.AtLeast(1, 5) ? 12 : v.AtLeast(1, 4) ? 8 : 7;
        CheckColumns(reader, line, "[RF]", columns, v);
        var t = new LineTokens(line, reader, "[RF]");
        int id = t.NextInt("RF id", 1, int.MaxValue);
        double amplitude = t.NextDouble("amplitude");
        int mag = t.NextInt("magnitude shape id", 1, int.MaxValue);
        int phase = t.NextInt("phase shape id", 0, int.MaxValue);
        int time = v.AtLeast(1, 4) ? t.NextInt("time shape id", -1, int.MaxValue) : 0;
        double? center = v.AtLeast(1, 5) ? Time(ref t, reader, "center", SecondsPerMicrosecond) : null;
        double delay = Time(ref t, reader, "delay", SecondsPerMicrosecond);
        (double freqPpm, double phasePpm, double freq, double phaseOffset) = Offsets(ref t, v);
        PulseqRfUse use = PulseqRfUse.Undefined;
        if (v.AtLeast(1, 5)) use = ParseUse(reader, t.NextString("use"));
        AddUnique(file.Rf, id, new PulseqRfEvent(reader.LineNumber, amplitude, mag, phase, time, center, delay, freqPpm, phasePpm,
            freq, phaseOffset, use), reader, "RF");
    }

    public static void ReadGradient(PulseqFile file, SeqLineReader reader, ReadOnlySpan<byte> line)
    {
        PulseqVersion v = file.Version;
        int columns = v.AtLeast(1, 5) ? 7 : v.AtLeast(1, 4) ? 5 : 4;
        CheckColumns(reader, line, "[GRADIENTS]", columns, v);
        var t = new LineTokens(line, reader, "[GRADIENTS]");
        int id = t.NextInt("gradient id", 1, int.MaxValue);
        double amplitude = t.NextDouble("amplitude");
        double? first = null, last = null;
        if (v.AtLeast(1, 5))
        {
            first = t.NextDouble("first");
            last = t.NextDouble("last");
        }
        int shape = t.NextInt("shape id", 1, int.MaxValue);
        int time = v.AtLeast(1, 4) ? t.NextInt("time shape id", -1, int.MaxValue) : 0;
        double delay = Time(ref t, reader, "delay", SecondsPerMicrosecond);
        if (file.Trapezoids.TryGetValue(id, out PulseqTrapezoidEvent? trap))
        {
            throw reader.Error($"gradient id {id} already used by [TRAP] at line {trap.Line}");
        }
        AddUnique(file.Gradients, id, new PulseqGradientEvent(reader.LineNumber, amplitude, first, last, shape, time, delay), reader, "gradient");
    }

    public static void ReadTrapezoid(PulseqFile file, SeqLineReader reader, ReadOnlySpan<byte> line)
    {
        CheckColumns(reader, line, "[TRAP]", 6, file.Version);
        var t = new LineTokens(line, reader, "[TRAP]");
        int id = t.NextInt("trapezoid id", 1, int.MaxValue);
        double amplitude = t.NextDouble("amplitude");
        double rise = Time(ref t, reader, "rise", SecondsPerMicrosecond);
        double flat = Time(ref t, reader, "flat", SecondsPerMicrosecond);
        double fall = Time(ref t, reader, "fall", SecondsPerMicrosecond);
        double delay = Time(ref t, reader, "delay", SecondsPerMicrosecond);
        if (file.Gradients.TryGetValue(id, out PulseqGradientEvent? grad))
        {
            throw reader.Error($"gradient id {id} already used by [GRADIENTS] at line {grad.Line}");
        }
        AddUnique(file.Trapezoids, id, new PulseqTrapezoidEvent(reader.LineNumber, amplitude, rise, flat, fall, delay), reader, "trapezoid");
    }

    public static void ReadAdc(PulseqFile file, SeqLineReader reader, ReadOnlySpan<byte> line)
    {
        PulseqVersion v = file.Version;
        int columns = v.AtLeast(1, 5) ? 9 : 6;
        CheckColumns(reader, line, "[ADC]", columns, v);
        var t = new LineTokens(line, reader, "[ADC]");
        int id = t.NextInt("ADC id", 1, int.MaxValue);
        long samples = t.NextInteger("num", 1, int.MaxValue);
        double dwell = Time(ref t, reader, "dwell", SecondsPerNanosecond);
        if (dwell <= 0) throw reader.Error($"[ADC]: dwell must be > 0 ns, found {dwell / SecondsPerNanosecond}");
        double delay = Time(ref t, reader, "delay", SecondsPerMicrosecond);
        (double freqPpm, double phasePpm, double freq, double phase) = Offsets(ref t, v);
        int phaseShape = v.AtLeast(1, 5) ? t.NextInt("phase shape id", 0, int.MaxValue) : 0;
        if (samples * dwell > MaxEventSeconds) throw reader.Error($"[ADC]: {samples} samples × {dwell} s is longer than {MaxEventSeconds} s");
        AddUnique(file.Adc, id, new PulseqAdcEvent(reader.LineNumber, samples, dwell, delay, freqPpm, phasePpm, freq, phase, phaseShape), reader, "ADC");
    }

    public static void ReadDelay(PulseqFile file, SeqLineReader reader, ReadOnlySpan<byte> line)
    {
        CheckColumns(reader, line, "[DELAYS]", 2, file.Version);
        var t = new LineTokens(line, reader, "[DELAYS]");
        int id = t.NextInt("delay id", 1, int.MaxValue);
        double delay = Time(ref t, reader, "delay", SecondsPerMicrosecond);
        if (!file.Delays.TryAdd(id, delay)) throw reader.Error($"delay id {id} defined twice");
    }

    /// <summary>The frequency and phase offsets shared by [RF] and [ADC] rows: freqPPM and phasePPM (1.5 only, else 0), then
    /// freq [Hz] and phase [rad].</summary>
    private static (double FrequencyPpm, double PhasePpm, double FrequencyHz, double PhaseRadians) Offsets(ref LineTokens t, PulseqVersion v)
    {
        double freqPpm = v.AtLeast(1, 5) ? t.NextDouble("freqPPM") : 0;
        double phasePpm = v.AtLeast(1, 5) ? t.NextDouble("phasePPM") : 0;
        return (freqPpm, phasePpm, t.NextDouble("freq"), t.NextDouble("phase"));
    }

    /// <summary>A non-negative time no longer than a day, converted to seconds.</summary>
    private static double Time(ref LineTokens t, SeqLineReader reader, string field, double secondsPerUnit)
    {
        double seconds = t.NextDouble(field) * secondsPerUnit;
        if (seconds < 0 || seconds > MaxEventSeconds)
        {
            throw reader.Error($"{field} = {seconds / secondsPerUnit} must be in [0, {MaxEventSeconds / secondsPerUnit}]");
        }
        return seconds;
    }

    private static void CheckColumns(SeqLineReader reader, ReadOnlySpan<byte> line, string section, int columns, PulseqVersion v)
    {
        int found = LineTokens.Count(line);
        if (found != columns) throw reader.Error($"{section} expects {columns} columns (Pulseq {v}), found {found}");
    }

    private static PulseqRfUse ParseUse(SeqLineReader reader, string token) =>
        (token.Length == 1 ? PulseqRfUseLetter.Parse(token[0]) : null) ?? throw reader.Error($"[RF]: use '{token}' is not one of e r i s p o u");

    private static void AddUnique<T>(Dictionary<int, T> table, int id, T value, SeqLineReader reader, string what)
        where T : class
    {
        if (!table.TryAdd(id, value)) throw reader.Error($"{what} id {id} defined twice");
    }
}
