using System.Globalization;

namespace SeqZero.Pulseq.Model;

/// <summary>The content of a .seq (or .bseq) file as its tables, converted to SI units (seconds, Hz, Hz/m) but not yet
/// laid out in time: what the reader produces and the writer consumes. Ids are the file's ids; every id a block or
/// event refers to exists (the reader checks). <see cref="Decoding.PulseqDecoder"/> turns it into timed
/// waveforms.</summary>
public sealed class PulseqFile
{
    /// <summary>Gradient raster when DEFINITIONS omits GradientRasterTime [s] (MATLAB mr.opts default).</summary>
    public const double DefaultGradientRasterSeconds = 10e-6;

    /// <summary>RF raster when DEFINITIONS omits RadiofrequencyRasterTime [s] (MATLAB mr.opts default).</summary>
    public const double DefaultRfRasterSeconds = 1e-6;

    /// <summary>ADC raster when DEFINITIONS omits AdcRasterTime [s] (MATLAB mr.opts default).</summary>
    public const double DefaultAdcRasterSeconds = 100e-9;

    /// <summary>Block duration raster when DEFINITIONS omits BlockDurationRaster [s] (MATLAB mr.opts default).</summary>
    public const double DefaultBlockDurationRasterSeconds = 10e-6;

    /// <summary>The [VERSION] of the file (the layout its tables were read in, or are written in).</summary>
    public PulseqVersion Version { get; set; }

    /// <summary>[DEFINITIONS] in file order: key → the rest of the line (raw text).</summary>
    public List<KeyValuePair<string, string>> Definitions { get; } = [];

    /// <summary>[BLOCKS] rows in order; block n is Blocks[n − 1].</summary>
    public List<PulseqBlockRow> Blocks { get; } = [];

    /// <summary>[RF]: id → event.</summary>
    public Dictionary<int, PulseqRfEvent> Rf { get; } = [];

    /// <summary>[GRADIENTS] (arbitrary): id → event; ids are shared with <see cref="Trapezoids"/>.</summary>
    public Dictionary<int, PulseqGradientEvent> Gradients { get; } = [];

    /// <summary>[TRAP]: id → event; ids are shared with <see cref="Gradients"/>.</summary>
    public Dictionary<int, PulseqTrapezoidEvent> Trapezoids { get; } = [];

    /// <summary>[ADC]: id → event.</summary>
    public Dictionary<int, PulseqAdcEvent> Adc { get; } = [];

    /// <summary>1.2/1.3 [DELAYS]: id → delay [s].</summary>
    public Dictionary<int, double> Delays { get; } = [];

    /// <summary>[SHAPES], decompressed: id → samples.</summary>
    public Dictionary<int, PulseqShape> Shapes { get; } = [];

    /// <summary>[EXTENSIONS] list rows: id → link.</summary>
    public Dictionary<int, PulseqExtensionLink> ExtensionLinks { get; } = [];

    /// <summary>Extension type id → name, from the "extension NAME id" headers.</summary>
    public Dictionary<int, string> ExtensionTypes { get; } = [];

    public Dictionary<int, PulseqLabel> LabelSets { get; } = [];
    public Dictionary<int, PulseqLabel> LabelIncrements { get; } = [];
    public Dictionary<int, PulseqTrigger> Triggers { get; } = [];
    public Dictionary<int, PulseqRotation> Rotations { get; } = [];
    public Dictionary<int, PulseqRfShim> RfShims { get; } = [];
    public Dictionary<int, PulseqSoftDelay> SoftDelays { get; } = [];

    /// <summary>Extensions this reader does not interpret: name → id → row (kept, and listed in <see cref="Warnings"/>).</summary>
    public Dictionary<string, Dictionary<int, PulseqUnknownExtensionRow>> UnknownExtensions { get; } = [];

    /// <summary>Whether [SIGNATURE] matches the file's MD5 (set by the reader).</summary>
    public PulseqSignatureStatus Signature { get; set; }

    /// <summary>The hash written in [SIGNATURE] (null when absent).</summary>
    public string? SignatureHash { get; set; }

    /// <summary>Read from a binary (.bseq) file: the rows' Line fields are then byte offsets.</summary>
    public bool IsBinary { get; set; }

    /// <summary>Things the reader accepted but the user should know (unknown extensions).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>DEFINITIONS GradientRasterTime [s], or the default.</summary>
    public double GradientRasterSeconds => Definition("GradientRasterTime", DefaultGradientRasterSeconds);

    /// <summary>DEFINITIONS RadiofrequencyRasterTime [s], or the default.</summary>
    public double RfRasterSeconds => Definition("RadiofrequencyRasterTime", DefaultRfRasterSeconds);

    /// <summary>DEFINITIONS AdcRasterTime [s], or the default.</summary>
    public double AdcRasterSeconds => Definition("AdcRasterTime", DefaultAdcRasterSeconds);

    /// <summary>DEFINITIONS BlockDurationRaster [s], or the default.</summary>
    public double BlockDurationRasterSeconds => Definition("BlockDurationRaster", DefaultBlockDurationRasterSeconds);

    /// <summary>The raw text of a definition, or null.</summary>
    public string? DefinitionText(string key)
    {
        foreach (KeyValuePair<string, string> pair in Definitions)
        {
            if (pair.Key == key) return pair.Value;
        }
        return null;
    }

    private double Definition(string key, double fallback) =>
        DefinitionText(key) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value : fallback;
}
