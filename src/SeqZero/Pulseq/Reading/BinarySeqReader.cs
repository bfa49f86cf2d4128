using System.Globalization;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>Reads binary Pulseq files (.bseq, the 1.5 layout of <see cref="BinaryLayout"/>, or, when the header states
/// 1.1/1.2, the legacy layout of <see cref="LegacyBinarySeqReader"/>) into the same <see cref="PulseqFile"/> the text reader
/// produces: times in seconds computed as from text, shapes decompressed, definitions as text. Strict like the text reader
/// and with the same limits; every error is "path@offset: detail" with the offset of the bad record, and counts are checked
/// against the bytes left before anything is allocated. Row <c>Line</c> fields hold the byte offset of the row.</summary>
internal static class BinarySeqReader
{
    /// <summary>Bytes of the smallest record per section (what a count is checked against).</summary>
    private const int BlockBytes = 8 + 6 * 4, RfBytes = 4 + 8 + 3 * 4 + 2 * 8 + 4 * 8 + 1, GradientBytes = 4 + 3 * 8 + 2 * 4 + 8,
        TrapezoidBytes = 4 + 8 + 4 * 8, AdcBytes = 4 + 3 * 8 + 4 * 8 + 4, ShapeBytes = 4 + 8 + 8, ExtensionBytes = 4 * 4,
        LegacyDelayBytes = 4 + 8, DefinitionBytes = 4 + 4 + 1;

    /// <summary>Longest definition key or value text, and soft-delay hint [bytes]: the text reader's longest line.</summary>
    private const int MaxTextBytes = SeqLineReader.MaxLineBytes;

    /// <summary>Reads a binary file from <paramref name="stream"/> (seekable, positioned at the magic bytes).</summary>
    public static PulseqFile Read(Stream stream, string path)
    {
        var source = new BinarySource(stream, path);
        var file = new PulseqFile { IsBinary = true };
        ReadHeader(source, file);
        if (LegacyBinarySeqReader.IsLegacyVersion(file.Version)) LegacyBinarySeqReader.ReadSections(source, file);
        else ReadSections(source, file);
        PulseqReferenceCheck.Check(file, new PulseqSource(path, IsBinary: true));
        return file;
    }

    private static void ReadSections(BinarySource source, PulseqFile file)
    {
        var seen = new HashSet<long>();
        while (!source.AtEnd)
        {
            long at = source.Offset;
            long code = source.Int64("section code");
            if (!seen.Add(code)) throw source.Error(at, $"{BinaryLayout.Name(code)} appears twice");
            if (seen.Contains(BinaryLayout.Signature) && code != BinaryLayout.Signature)
            {
                throw source.Error(at, $"{BinaryLayout.Name(code)} after [SIGNATURE]: the signature must be last");
            }
            ReadSection(source, file, code, at);
        }
        if (!seen.Contains(BinaryLayout.Blocks)) throw source.Error(source.Offset, "no [BLOCKS] section");
    }

    private static void ReadHeader(BinarySource source, PulseqFile file)
    {
        for (int i = 0; i < BinaryLayout.Magic.Length; i++)
        {
            if (source.Byte("magic bytes") != BinaryLayout.Magic[i]) throw source.Error(i, "not a binary Pulseq file (magic bytes differ)");
        }
        long at = source.Offset;
        long major = source.Int64("version major"), minor = source.Int64("version minor"), revision = source.Int64("version revision");
        // the version chooses the layout: 1.5, or the legacy layout that 1.1/1.2 toolboxes wrote
        if (major != 1 || minor is not (5 or (>= LegacyBinarySeqReader.OldestMinor and <= LegacyBinarySeqReader.NewestMinor)) || revision is < 0 or > 1000)
        {
            throw source.Error(at, $"binary Pulseq version {major}.{minor}.{revision} is not supported (this reader reads the 1.5 layout of "
                + "MATLAB writeBinary and the legacy layout its 1.1/1.2 toolboxes wrote)");
        }
        file.Version = new PulseqVersion(1, (int)minor, (int)revision);
    }

    private static void ReadSection(BinarySource source, PulseqFile file, long code, long at)
    {
        switch (code)
        {
            case BinaryLayout.Definitions: ReadDefinitions(source, file); break;
            case BinaryLayout.Blocks: ReadBlocks(source, file); break;
            case BinaryLayout.Rf: ReadRf(source, file); break;
            case BinaryLayout.Gradients: ReadGradients(source, file); break;
            case BinaryLayout.Trapezoids: ReadTrapezoids(source, file); break;
            case BinaryLayout.Adc: ReadAdc(source, file); break;
            case BinaryLayout.LegacyDelays: SkipLegacyDelays(source, file, at); break;
            case BinaryLayout.Shapes: ReadShapes(source, file); break;
            case BinaryLayout.Extensions: ReadExtensionLinks(source, file); break;
            case BinaryLayout.Triggers or BinaryLayout.LabelSet or BinaryLayout.LabelIncrement or BinaryLayout.SoftDelays
                or BinaryLayout.RfShims or BinaryLayout.Rotations:
                BinaryExtensionSections.Read(source, file, code); break;
            case BinaryLayout.Signature: ReadSignature(source, file, at); break;
            default: throw source.Error(at, $"unknown section code 0x{code:X16}");
        }
    }

    private static void ReadDefinitions(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[DEFINITIONS] count", DefinitionBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            string key = source.Text(source.Int32("[DEFINITIONS] key length", 1, MaxTextBytes), "[DEFINITIONS] key");
            int n = source.Int32($"[DEFINITIONS] {key}: value count", 0, MaxTextBytes);
            char type = (char)source.Byte($"[DEFINITIONS] {key}: value type");
            string value = type switch
            {
                'f' => string.Join(' ', Enumerable.Range(0, n).Select(_ => ShortestText(source.Float64($"[DEFINITIONS] {key} value")))),
                'i' => string.Join(' ', Enumerable.Range(0, n).Select(_ => source.Int32($"[DEFINITIONS] {key} value").ToString(CultureInfo.InvariantCulture))),
                'c' => source.Text(n, $"[DEFINITIONS] {key} text").TrimEnd('\0'),
                _ => throw source.Error(at, $"[DEFINITIONS] {key}: value type '{type}' is not f, i or c"),
            };
            AddDefinition(source, file, at, key, value);
        }
    }

    /// <summary>Adds a definition read at <paramref name="at"/>: a key only once, rasters one number in (0, 1] s (the text reader's rules).</summary>
    internal static void AddDefinition(BinarySource source, PulseqFile file, long at, string key, string value)
    {
        if (file.DefinitionText(key) is not null) throw source.Error(at, $"[DEFINITIONS]: {key} given twice");
        if (key is "GradientRasterTime" or "RadiofrequencyRasterTime" or "AdcRasterTime" or "BlockDurationRaster"
            && !(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double raster) && raster > 0 && raster <= 1))
        {
            throw source.Error(at, $"[DEFINITIONS]: {key} = {value} s must be one number in (0, 1] s");
        }
        file.Definitions.Add(new(key, value));
    }

    private static void ReadBlocks(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[BLOCKS] count", BlockBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            long duration = source.Int64("block duration");
            if (duration < 0 || duration > long.MaxValue / 2) throw source.Error(at, $"block {i + 1}: duration = {duration} block rasters must be ≥ 0");
            int rf = Id(source, "RF id"), gx = Id(source, "GX id"), gy = Id(source, "GY id"), gz = Id(source, "GZ id");
            int adc = Id(source, "ADC id"), ext = Id(source, "EXT id");
            file.Blocks.Add(new PulseqBlockRow(Location(at), duration, 0, rf, gx, gy, gz, adc, ext));
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
            int time = source.Int32("time shape id", -1, int.MaxValue);
            double center = Time(source, "RF center", BinaryLayout.PicosecondsPerMicrosecond);
            double delay = Time(source, "RF delay", BinaryLayout.PicosecondsPerMicrosecond);
            double freqPpm = source.Float64("RF freqPPM"), phasePpm = source.Float64("RF phasePPM");
            double freq = source.Float64("RF freq"), phaseOffset = source.Float64("RF phase");
            char letter = (char)source.Byte("RF use");
            PulseqRfUse use = PulseqRfUseLetter.Parse(letter) ?? throw source.Error(at, $"[RF] {id}: use '{letter}' is not one of e r i s p o u");
            Add(source, at, file.Rf, id, new PulseqRfEvent(Location(at), amplitude, mag, phase, time, center, delay, freqPpm, phasePpm, freq, phaseOffset, use), "RF");
        }
    }

    private static void ReadGradients(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[GRADIENTS] count", GradientBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("gradient id", 1, int.MaxValue);
            double amplitude = source.Float64("gradient amplitude"), first = source.Float64("gradient first"), last = source.Float64("gradient last");
            int shape = source.Int32("gradient shape id", 1, int.MaxValue);
            int time = source.Int32("gradient time shape id", -1, int.MaxValue);
            double delay = Time(source, "gradient delay", BinaryLayout.PicosecondsPerMicrosecond);
            if (file.Trapezoids.ContainsKey(id)) throw source.Error(at, $"gradient id {id} already used by [TRAP]");
            Add(source, at, file.Gradients, id, new PulseqGradientEvent(Location(at), amplitude, first, last, shape, time, delay), "gradient");
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
            double rise = Time(source, "rise", BinaryLayout.PicosecondsPerMicrosecond), flat = Time(source, "flat", BinaryLayout.PicosecondsPerMicrosecond);
            double fall = Time(source, "fall", BinaryLayout.PicosecondsPerMicrosecond), delay = Time(source, "delay", BinaryLayout.PicosecondsPerMicrosecond);
            if (file.Gradients.ContainsKey(id)) throw source.Error(at, $"gradient id {id} already used by [GRADIENTS]");
            Add(source, at, file.Trapezoids, id, new PulseqTrapezoidEvent(Location(at), amplitude, rise, flat, fall, delay), "trapezoid");
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
            double dwell = Time(source, "dwell", BinaryLayout.PicosecondsPerNanosecond);
            if (dwell <= 0) throw source.Error(at, $"[ADC] {id}: dwell must be > 0");
            double delay = Time(source, "ADC delay", BinaryLayout.PicosecondsPerMicrosecond);
            double freqPpm = source.Float64("ADC freqPPM"), phasePpm = source.Float64("ADC phasePPM");
            double freq = source.Float64("ADC freq"), phase = source.Float64("ADC phase");
            int phaseShape = source.Int32("ADC phase shape id", 0, int.MaxValue);
            if (samples * dwell > EventSections.MaxEventSeconds) throw source.Error(at, $"[ADC] {id}: {samples} samples × {dwell} s is longer than {EventSections.MaxEventSeconds} s");
            Add(source, at, file.Adc, id, new PulseqAdcEvent(Location(at), samples, dwell, delay, freqPpm, phasePpm, freq, phase, phaseShape), "ADC");
        }
    }

    private static void SkipLegacyDelays(BinarySource source, PulseqFile file, long at)
    {
        int count = source.Count("[DELAYS] count", LegacyDelayBytes);
        for (int i = 0; i < count; i++)
        {
            source.Int32("delay id");
            source.Int64("delay");
        }
        file.Warnings.Add($"{source.Path}@{at}: legacy [DELAYS] section ignored (1.5 blocks store their durations)");
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
            if (coded < 1 || coded > n + n / 2 + 3 || coded > source.Remaining / sizeof(float))
            {
                throw source.Error(at, $"[SHAPES] shape {id}: {coded} coded values for num_samples = {n} (or more than the file holds)");
            }
            var packed = new double[coded];
            for (int k = 0; k < packed.Length; k++) packed[k] = source.Float32("shape value");
            double[]? samples = ShapeCompression.Decompress(packed, (int)n, storedRawWhenFullLength: true, out string? error);
            if (samples is null) throw source.Error(at, $"[SHAPES] shape {id}: {error}");
            Add(source, at, file.Shapes, id, new PulseqShape(Location(at), samples), "shape");
        }
    }

    private static void ReadExtensionLinks(BinarySource source, PulseqFile file)
    {
        int count = source.Count("[EXTENSIONS] count", ExtensionBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("extension id", 1, int.MaxValue);
            int type = source.Int32("extension type", 1, int.MaxValue);
            int reference = source.Int32("extension ref", 1, int.MaxValue);
            int next = source.Int32("extension next_id", 0, int.MaxValue);
            if (!file.ExtensionLinks.TryAdd(id, new PulseqExtensionLink(Location(at), type, reference, next)))
            {
                throw source.Error(at, $"extension list id {id} defined twice");
            }
        }
    }

    /// <summary>Type and hash; the stored offset must be this section's, and the MD5 of every byte before it is compared.</summary>
    private static void ReadSignature(BinarySource source, PulseqFile file, long at)
    {
        string type = source.Text(source.Int32("signature type length", 0, MaxTextBytes), "signature type");
        if (!type.Equals("md5", StringComparison.OrdinalIgnoreCase)) throw source.Error(at, $"[SIGNATURE]: unsupported signature type '{type}' (only md5)");
        int length = source.Int32("signature hash length", 16, 16);
        string hash = Convert.ToHexStringLower(Enumerable.Range(0, length).Select(_ => source.Byte("signature hash")).ToArray());
        long signedLength = source.Int64("signed length");
        if (signedLength != at) throw source.Error(at, $"[SIGNATURE]: signed length {signedLength} is not the offset of the signature section");
        string computed = source.Md5OfPrefix(signedLength);
        file.SignatureHash = hash;
        file.Signature = computed == hash ? PulseqSignatureStatus.Valid : PulseqSignatureStatus.Invalid;
    }

    /// <summary>A time field (int64 ps) in seconds, in [0, one day] as in the text reader.</summary>
    private static double Time(BinarySource source, string what, long picosecondsPerTextUnit)
    {
        long at = source.Offset;
        long picoseconds = source.Int64(what);
        double seconds = BinaryLayout.Seconds(picoseconds, picosecondsPerTextUnit);
        if (picoseconds < 0 || seconds > EventSections.MaxEventSeconds)
        {
            throw source.Error(at, $"{what} = {picoseconds} ps must be in [0, {EventSections.MaxEventSeconds} s]");
        }
        return seconds;
    }

    internal static int Id(BinarySource source, string what) => source.Int32(what, 0, int.MaxValue);

    internal static int Location(long offset) => (int)Math.Min(offset, int.MaxValue);

    internal static void Add<T>(BinarySource source, long at, Dictionary<int, T> table, int id, T value, string what)
    {
        if (!table.TryAdd(id, value)) throw source.Error(at, $"{what} id {id} defined twice");
    }

    /// <summary>The shortest "%g" text that reads back as the same double.</summary>
    internal static string ShortestText(double value)
    {
        for (int digits = 6; digits < 17; digits++)
        {
            string text = CFormat.G(value, digits);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double back) && back.Equals(value)) return text;
        }
        return CFormat.G(value, 17);
    }
}
