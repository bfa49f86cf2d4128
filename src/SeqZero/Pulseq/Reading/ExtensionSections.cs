using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>Row parsers of [EXTENSIONS] (id type ref next_id) and of the extension specifications that follow
/// "extension NAME type_id" headers: LABELSET/LABELINC (id value label), TRIGGERS (id type channel delay[µs] duration[µs]),
/// ROTATIONS (id w x y z, unit quaternion), RF_SHIMS (id n mag₁ phase₁ … magₙ phaseₙ), DELAYS = soft delays
/// (id num offset[µs] factor hint). Other extensions are kept verbatim.</summary>
internal static class ExtensionSections
{
    private const double SecondsPerMicrosecond = 1e-6;

    /// <summary>Largest number of RF shim channels accepted (hostile counts are refused before allocating).</summary>
    internal const int MaxShimChannels = 1024;

    /// <summary>|‖q‖ − 1| accepted for a rotation quaternion: files print 6 significant digits.</summary>
    internal const double QuaternionNormTolerance = 1e-4;

    public static bool IsKnown(string name) => name is "LABELSET" or "LABELINC" or "TRIGGERS" or "ROTATIONS" or "RF_SHIMS" or "DELAYS";

    public static void ReadLink(PulseqFile file, SeqLineReader reader, ReadOnlySpan<byte> line)
    {
        var t = new LineTokens(line, reader, "[EXTENSIONS]");
        int id = t.NextInt("extension id", 1, int.MaxValue);
        int type = t.NextInt("type", 1, int.MaxValue);
        int reference = t.NextInt("ref", 1, int.MaxValue);
        int next = t.NextInt("next_id", 0, int.MaxValue);
        t.ExpectEnd(4);
        if (!file.ExtensionLinks.TryAdd(id, new PulseqExtensionLink(reader.LineNumber, type, reference, next)))
        {
            throw reader.Error($"extension list id {id} defined twice");
        }
    }

    public static void ReadRow(PulseqFile file, SeqLineReader reader, string name, ReadOnlySpan<byte> line)
    {
        string section = $"extension {name}";
        var t = new LineTokens(line, reader, section);
        int id = t.NextInt("id", 1, int.MaxValue);
        int at = reader.LineNumber;
        bool added;
        switch (name)
        {
            case "LABELSET" or "LABELINC":
                {
                    int value = t.NextInt("value", int.MinValue, int.MaxValue);
                    string label = t.NextString("label");
                    t.ExpectEnd(3);
                    added = (name == "LABELSET" ? file.LabelSets : file.LabelIncrements).TryAdd(id, new PulseqLabel(at, value, label));
                    break;
                }
            case "TRIGGERS":
                {
                    int type = t.NextInt("type", 0, int.MaxValue);
                    int channel = t.NextInt("channel", 0, int.MaxValue);
                    double delay = NonNegative(ref t, reader, section, "delay") * SecondsPerMicrosecond;
                    double duration = NonNegative(ref t, reader, section, "duration") * SecondsPerMicrosecond;
                    t.ExpectEnd(5);
                    added = file.Triggers.TryAdd(id, new PulseqTrigger(at, type, channel, delay, duration));
                    break;
                }
            case "ROTATIONS":
                {
                    double w = t.NextDouble("w"), x = t.NextDouble("x"), y = t.NextDouble("y"), z = t.NextDouble("z");
                    t.ExpectEnd(5);
                    double norm = Math.Sqrt(w * w + x * x + y * y + z * z);
                    if (Math.Abs(norm - 1) > QuaternionNormTolerance) throw reader.Error($"{section}: quaternion norm {norm} is not 1");
                    added = file.Rotations.TryAdd(id, new PulseqRotation(at, w / norm, x / norm, y / norm, z / norm));
                    break;
                }
            case "RF_SHIMS":
                {
                    int channels = t.NextInt("number of channels", 1, MaxShimChannels);
                    var magnitudes = new double[channels];
                    var phases = new double[channels];
                    for (int c = 0; c < channels; c++)
                    {
                        magnitudes[c] = t.NextDouble($"magnitude {c + 1}");
                        phases[c] = t.NextDouble($"phase {c + 1}");
                    }
                    t.ExpectEnd(2 + 2 * channels);
                    added = file.RfShims.TryAdd(id, new PulseqRfShim(at, magnitudes, phases));
                    break;
                }
            case "DELAYS":
                {
                    int numeric = t.NextInt("num", 0, int.MaxValue);
                    double offset = t.NextDouble("offset") * SecondsPerMicrosecond;
                    double factor = t.NextDouble("factor");
                    if (factor == 0) throw reader.Error($"{section}: factor must not be 0");
                    string hint = t.NextString("hint");
                    t.ExpectEnd(5);
                    added = file.SoftDelays.TryAdd(id, new PulseqSoftDelay(at, numeric, offset, factor, hint));
                    break;
                }
            default:
                {
                    var tokens = new List<string>();
                    while (!t.IsAtEnd) tokens.Add(t.NextString("value"));
                    added = file.UnknownExtensions[name].TryAdd(id, new PulseqUnknownExtensionRow(at, [.. tokens]));
                    break;
                }
        }
        if (!added) throw reader.Error($"{section}: id {id} defined twice");
    }

    private static double NonNegative(ref LineTokens t, SeqLineReader reader, string section, string field)
    {
        double value = t.NextDouble(field);
        if (value < 0) throw reader.Error($"{section}: {field} must be ≥ 0, found {value}");
        return value;
    }
}
