namespace SeqZero.Pulseq;

/// <summary>The binary Pulseq layout (.bseq) as MATLAB's Sequence.writeBinary/readBinary of the 1.5 toolbox write and read
/// it. Little-endian throughout. The file starts with the 8 magic bytes 0x01 'p' 'u' 'l' 's' 'e' 'q' 0x02, then the
/// version major, minor, revision as int64; then sections, each an int64 code (0xFFFFFFFF_000000nn) followed by its
/// records. Times are int64 picoseconds, ids int32, amplitudes and offsets float64, shape values float32.
/// <list type="bullet">
/// <item>DEFINITIONS: count i64; per key: length i32, chars, value count i32, type char ('f' float64 / 'i' int32 / 'c' chars), values</item>
/// <item>BLOCKS: count i64; per block: duration i64 [block rasters], rf gx gy gz adc ext i32</item>
/// <item>RF: count i64; id i32, amp f64, mag/phase/time shape ids i32, center i64, delay i64, freqPPM phasePPM freq phase f64, use char</item>
/// <item>GRADIENTS: count i64; id i32, amp first last f64, shape id and time shape id i32, delay i64</item>
/// <item>TRAP: count i64; id i32, amp f64, rise flat fall delay i64</item>
/// <item>ADC: count i64; id i32, num i64, dwell i64, delay i64, freqPPM phasePPM freq phase f64, phase shape id i32</item>
/// <item>SHAPES: count i64; id i32, num_samples i64, coded count i64, coded values f32</item>
/// <item>EXTENSIONS: count i64; id type ref next_id i32</item>
/// <item>TRIGGERS, LABELSET, LABELINC, soft DELAYS, RF_SHIMS, ROTATIONS: extension type id i32, count i64, rows
/// (triggers: id type channel i32, delay duration i64; labels: id value label-index i32 (1-based into
/// <see cref="Labels"/>); soft delays: id num i32, offset i64, factor f64, hint length i32, hint chars; shims: id
/// channels i32, (magnitude, phase) f64 pairs; rotations: id i32, quaternion w x y z f64)</item>
/// <item>SIGNATURE (last): type length i32, "md5", hash length i32, hash bytes, i64 = offset of this section's code
/// (the MD5 covers every byte before it)</item></list>
/// The legacy [DELAYS] section (code 7: count i64, id i32 + delay i64 per row) is read and ignored, as MATLAB does.
/// Files whose header states 1.1/1.2 use the same magic bytes and codes 1–8 in the older layout of
/// <see cref="Reading.LegacyBinarySeqReader"/>.</summary>
internal static class BinaryLayout
{
    /// <summary>The first 8 bytes of every binary Pulseq file.</summary>
    public static ReadOnlySpan<byte> Magic => [0x01, (byte)'p', (byte)'u', (byte)'l', (byte)'s', (byte)'e', (byte)'q', 0x02];

    private const long SectionPrefix = unchecked((long)0xFFFF_FFFF_0000_0000);
    public const long Definitions = SectionPrefix | 1, Blocks = SectionPrefix | 2, Rf = SectionPrefix | 3, Gradients = SectionPrefix | 4,
        Trapezoids = SectionPrefix | 5, Adc = SectionPrefix | 6, LegacyDelays = SectionPrefix | 7, Shapes = SectionPrefix | 8,
        Extensions = SectionPrefix | 9, Triggers = SectionPrefix | 10, LabelSet = SectionPrefix | 11, LabelIncrement = SectionPrefix | 12,
        SoftDelays = SectionPrefix | 13, RfShims = SectionPrefix | 14, Rotations = SectionPrefix | 15, Signature = SectionPrefix | 0x00FF_FFFF;

    /// <summary>Label names in the order their 1-based index is stored (MATLAB mr.getSupportedLabels of the 1.5 toolbox).</summary>
    public static readonly string[] Labels =
    [
        "SLC", "SEG", "REP", "AVG", "SET", "ECO", "PHS", "LIN", "PAR", "ACQ", "TRID",
        "NAV", "REV", "SMS", "REF", "IMA", "OFF", "NOISE",
        "PMC", "NOROT", "NOPOS", "NOSCL", "ONCE",
    ];

    public const double PicosecondsPerSecond = 1e12;

    /// <summary>Picoseconds per microsecond and per nanosecond: the units the text format writes the same fields in.</summary>
    public const long PicosecondsPerMicrosecond = 1_000_000, PicosecondsPerNanosecond = 1_000;

    /// <summary>Seconds from picoseconds, computed as the text reader computes the same field (value in its text unit ×
    /// seconds per unit), so that a time read from .bseq is the same double as read from .seq.</summary>
    public static double Seconds(long picoseconds, long picosecondsPerTextUnit) =>
        (double)picoseconds / picosecondsPerTextUnit * (picosecondsPerTextUnit == PicosecondsPerMicrosecond ? 1e-6 : 1e-9);

    /// <summary>Section name for messages.</summary>
    public static string Name(long code) => code switch
    {
        Definitions => "[DEFINITIONS]", Blocks => "[BLOCKS]", Rf => "[RF]", Gradients => "[GRADIENTS]", Trapezoids => "[TRAP]",
        Adc => "[ADC]", LegacyDelays => "[DELAYS]", Shapes => "[SHAPES]", Extensions => "[EXTENSIONS]", Triggers => "TRIGGERS",
        LabelSet => "LABELSET", LabelIncrement => "LABELINC", SoftDelays => "DELAYS", RfShims => "RF_SHIMS", Rotations => "ROTATIONS",
        Signature => "[SIGNATURE]", _ => $"section 0x{code:X16}",
    };
}
