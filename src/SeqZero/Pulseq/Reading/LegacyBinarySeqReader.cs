using System.Globalization;
using System.Text;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>Reads the legacy binary layout that MATLAB Pulseq's writeBinary.m/readBinary.m used before the 1.5 layout:
/// the variant with an int64 record count after each section code and int32 ids, which is what readBinary.m reads (an
/// older writeBinary variant with int64 ids, no counts and one version field is not read). Same magic bytes
/// and section codes 1–8 as <see cref="BinaryLayout"/>; the header states the version of the toolbox that wrote the file
/// (1.1.x or 1.2.x), which becomes the file's version. Little-endian; every section is its code, an int64 count, records:
/// <list type="bullet">
/// <item>DEFINITIONS: key chars up to a NUL (≤ 255), type int8 (1 = int64, 2 = float64), value count int8, the values</item>
/// <item>BLOCKS: 6 int32 per block: delay rf gx gy gz adc ids (a 1.2 row: the duration comes from the events and [DELAYS])</item>
/// <item>RF: id i32, amp f64 [Hz], mag and phase shape ids i32, freq f64 [Hz], phase f64 [rad] (no delay field)</item>
/// <item>GRADIENTS: id i32, amp f64 [Hz/m], shape id i32 (no delay field)</item>
/// <item>TRAP: id i32, amp f64 [Hz/m], rise flat fall i64 [µs] (no delay field)</item>
/// <item>ADC: id i32, num i64, dwell i64 [ns], delay i64 [µs], freq f64 [Hz], phase f64 [rad]</item>
/// <item>DELAYS: id i32, delay i64 [µs]</item>
/// <item>SHAPES: id i32, num_samples i64, coded count i64, coded values f64 (always the derivative/run-length code)</item></list>
/// Rows become what a 1.2 text file with the same tables gives (event delays 0, no stored block durations), so the decoder
/// lays them out as 1.2. Errors, limits and count checks as in <see cref="BinarySeqReader"/>.</summary>
internal static class LegacyBinarySeqReader
{
    /// <summary>Minor versions whose toolboxes wrote this layout (the header's version picks it over the 1.5 layout).</summary>
    public const int OldestMinor = 1, NewestMinor = 2;

    /// <summary>Bytes of the smallest record per section (what a count is checked against).</summary>
    private const int DefinitionBytes = 1 + 1 + 1 + 1, BlockBytes = 6 * 4, RfBytes = 4 + 8 + 2 * 4 + 2 * 8, GradientBytes = 4 + 8 + 4,
        TrapezoidBytes = 4 + 8 + 3 * 8, AdcBytes = 4 + 3 * 8 + 2 * 8, DelayBytes = 4 + 8, ShapeBytes = 4 + 8 + 8 + 8;

    /// <summary>Longest definition key [bytes]: readBinary.m stops reading a key there.</summary>
    private const int MaxKeyBytes = 255;

    /// <summary>Definition value types (int8 before the value count).</summary>
    private const sbyte Int64Values = 1, Float64Values = 2;

    /// <summary>1.2 block rows store a [DELAYS] id, not a duration (the text reader leaves this field at −1 too).</summary>
    private const long NoStoredDuration = -1;

    public static bool IsLegacyVersion(PulseqVersion version) => version.Major == 1 && version.Minor is >= OldestMinor and <= NewestMinor;

    /// <summary>Reads every section after the header into <paramref name="file"/>.</summary>
    public static void ReadSections(BinarySource source, PulseqFile file)
    {
        var seen = new HashSet<long>();
        while (!source.AtEnd)
        {
            long at = source.Offset;
            long code = source.Int64("section code");
            if (!seen.Add(code)) throw source.Error(at, $"{BinaryLayout.Name(code)} appears twice");
            switch (code)
            {
                case BinaryLayout.Definitions: ReadDefinitions(source, file); break;
                case BinaryLayout.Blocks: ReadBlocks(source, file); break;
                case BinaryLayout.Rf: ReadRf(source, file); break;
                case BinaryLayout.Gradients: ReadGradients(source, file); break;
                case BinaryLayout.Trapezoids: ReadTrapezoids(source, file); break;
                case BinaryLayout.Adc: ReadAdc(source, file); break;
                case BinaryLayout.LegacyDelays: ReadDelays(source, file); break;
                case BinaryLayout.Shapes: ReadShapes(source, file); break;
                default: throw source.Error(at, $"unknown section code 0x{code:X16} (legacy Pulseq {file.Version} binary files have sections 1–8 only)");
            }
        }
        if (!seen.Contains(BinaryLayout.Blocks)) throw source.Error(source.Offset, "no [BLOCKS] section");
    }

    private static void ReadDefinitions(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[DEFINITIONS] count", DefinitionBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            string key = Key(source, at);
            sbyte type = (sbyte)source.Byte($"[DEFINITIONS] {key}: value type");
            sbyte n = (sbyte)source.Byte($"[DEFINITIONS] {key}: value count");
            if (n < 0) throw source.Error(at, $"[DEFINITIONS] {key}: value count {n} must be ≥ 0");
            string value = type switch
            {
                Int64Values => string.Join(' ', Enumerable.Range(0, n).Select(_ => source.Int64($"[DEFINITIONS] {key} value").ToString(CultureInfo.InvariantCulture))),
                Float64Values => string.Join(' ', Enumerable.Range(0, n).Select(_ => BinarySeqReader.ShortestText(source.Float64($"[DEFINITIONS] {key} value")))),
                _ => throw source.Error(at, $"[DEFINITIONS] {key}: value type {type} is not {Int64Values} (int64) or {Float64Values} (float64)"),
            };
            BinarySeqReader.AddDefinition(source, file, at, key, value);
        }
    }

    /// <summary>A NUL-terminated key of 1 to <see cref="MaxKeyBytes"/> bytes.</summary>
    private static string Key(BinarySource source, long at)
    {
        Span<byte> key = stackalloc byte[MaxKeyBytes];
        for (int length = 0; length <= MaxKeyBytes; length++)
        {
            byte c = source.Byte("[DEFINITIONS] key");
            if (c == 0)
            {
                return length > 0 ? Encoding.UTF8.GetString(key[..length]) : throw source.Error(at, "[DEFINITIONS]: empty key");
            }
            if (length == MaxKeyBytes) break;
            key[length] = c;
        }
        throw source.Error(at, $"[DEFINITIONS]: key without a NUL within {MaxKeyBytes} bytes");
    }

    private static void ReadBlocks(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[BLOCKS] count", BlockBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int delay = BinarySeqReader.Id(source, "delay id"), rf = BinarySeqReader.Id(source, "RF id");
            int gx = BinarySeqReader.Id(source, "GX id"), gy = BinarySeqReader.Id(source, "GY id"), gz = BinarySeqReader.Id(source, "GZ id");
            int adc = BinarySeqReader.Id(source, "ADC id");
            file.Blocks.Add(new PulseqBlockRow(BinarySeqReader.Location(at), NoStoredDuration, delay, rf, gx, gy, gz, adc, 0));
        }
    }

    private static void ReadRf(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[RF] count", RfBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("RF id", 1, int.MaxValue);
            double amplitude = source.Float64("RF amplitude");
            int mag = source.Int32("magnitude shape id", 1, int.MaxValue);
            int phase = source.Int32("phase shape id", 0, int.MaxValue);
            double freq = source.Float64("RF freq"), phaseOffset = source.Float64("RF phase");
            var rf = new PulseqRfEvent(BinarySeqReader.Location(at), amplitude, mag, phase, TimeShapeId: 0, CenterSeconds: null, DelaySeconds: 0,
                FrequencyPpm: 0, PhasePpm: 0, freq, phaseOffset, PulseqRfUse.Undefined);
            BinarySeqReader.Add(source, at, file.Rf, id, rf, "RF");
        }
    }

    private static void ReadGradients(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[GRADIENTS] count", GradientBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("gradient id", 1, int.MaxValue);
            double amplitude = source.Float64("gradient amplitude");
            int shape = source.Int32("gradient shape id", 1, int.MaxValue);
            if (file.Trapezoids.ContainsKey(id)) throw source.Error(at, $"gradient id {id} already used by [TRAP]");
            var gradient = new PulseqGradientEvent(BinarySeqReader.Location(at), amplitude, FirstHzPerMeter: null, LastHzPerMeter: null, shape,
                TimeShapeId: 0, DelaySeconds: 0);
            BinarySeqReader.Add(source, at, file.Gradients, id, gradient, "gradient");
        }
    }

    private static void ReadTrapezoids(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[TRAP] count", TrapezoidBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("trapezoid id", 1, int.MaxValue);
            double amplitude = source.Float64("trapezoid amplitude");
            double rise = Time(source, "rise", EventSections.SecondsPerMicrosecond, "µs");
            double flat = Time(source, "flat", EventSections.SecondsPerMicrosecond, "µs");
            double fall = Time(source, "fall", EventSections.SecondsPerMicrosecond, "µs");
            if (file.Gradients.ContainsKey(id)) throw source.Error(at, $"gradient id {id} already used by [GRADIENTS]");
            var trapezoid = new PulseqTrapezoidEvent(BinarySeqReader.Location(at), amplitude, rise, flat, fall, DelaySeconds: 0);
            BinarySeqReader.Add(source, at, file.Trapezoids, id, trapezoid, "trapezoid");
        }
    }

    private static void ReadAdc(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[ADC] count", AdcBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("ADC id", 1, int.MaxValue);
            long samples = source.Int64("ADC num");
            if (samples < 1 || samples > int.MaxValue) throw source.Error(at, $"[ADC] {id}: num = {samples} must be in [1, {int.MaxValue}]");
            double dwell = Time(source, "dwell", EventSections.SecondsPerNanosecond, "ns");
            if (dwell <= 0) throw source.Error(at, $"[ADC] {id}: dwell must be > 0");
            double delay = Time(source, "ADC delay", EventSections.SecondsPerMicrosecond, "µs");
            double freq = source.Float64("ADC freq"), phase = source.Float64("ADC phase");
            if (samples * dwell > EventSections.MaxEventSeconds) throw source.Error(at, $"[ADC] {id}: {samples} samples × {dwell} s is longer than {EventSections.MaxEventSeconds} s");
            var adc = new PulseqAdcEvent(BinarySeqReader.Location(at), samples, dwell, delay, FrequencyPpm: 0, PhasePpm: 0, freq, phase, PhaseShapeId: 0);
            BinarySeqReader.Add(source, at, file.Adc, id, adc, "ADC");
        }
    }

    private static void ReadDelays(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[DELAYS] count", DelayBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("delay id", 1, int.MaxValue);
            BinarySeqReader.Add(source, at, file.Delays, id, Time(source, "delay", EventSections.SecondsPerMicrosecond, "µs"), "delay");
        }
    }

    private static void ReadShapes(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[SHAPES] count", ShapeBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("shape id", 1, int.MaxValue);
            long n = source.Int64("num_samples");
            if (n < 1 || n > ShapeCompression.MaxSamples) throw source.Error(at, $"[SHAPES] shape {id}: num_samples = {n} must be in [1, {ShapeCompression.MaxSamples}]");
            long coded = source.Int64("coded count");
            // a valid code has at most 1.5·num_samples + 3 values (see ShapesSection); the bytes left bound it as well
            if (coded < 1 || coded > n + n / 2 + 3 || coded > source.Remaining / sizeof(double))
            {
                throw source.Error(at, $"[SHAPES] shape {id}: {coded} coded values for num_samples = {n} (or more than the file holds)");
            }
            var packed = new double[coded];
            for (int k = 0; k < packed.Length; k++) packed[k] = source.Float64("shape value");
            double[]? samples = ShapeCompression.Decompress(packed, (int)n, storedRawWhenFullLength: false, out string? error);
            if (samples is null) throw source.Error(at, $"[SHAPES] shape {id}: {error}");
            BinarySeqReader.Add(source, at, file.Shapes, id, new PulseqShape(BinarySeqReader.Location(at), samples), "shape");
        }
    }

    /// <summary>An int64 time in whole text units, converted as the text reader converts the same field (value × seconds per
    /// unit), in [0, one day].</summary>
    private static double Time(BinarySource source, string what, double secondsPerUnit, string unit)
    {
        long at = source.Offset;
        long value = source.Int64(what);
        double seconds = value * secondsPerUnit;
        if (value < 0 || seconds > EventSections.MaxEventSeconds)
        {
            throw source.Error(at, $"{what} = {value} {unit} must be in [0, {EventSections.MaxEventSeconds} s]");
        }
        return seconds;
    }
}
