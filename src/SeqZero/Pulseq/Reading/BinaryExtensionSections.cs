using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>The extension tables of a binary file (TRIGGERS, LABELSET, LABELINC, soft DELAYS, RF_SHIMS, ROTATIONS): each
/// starts with its extension type id (what [EXTENSIONS] rows refer to), then a count and rows; limits as in
/// <see cref="ExtensionSections"/>.</summary>
internal static class BinaryExtensionSections
{
    private const int TriggerBytes = 3 * 4 + 2 * 8, LabelBytes = 3 * 4, SoftDelayBytes = 2 * 4 + 8 + 8 + 4, ShimBytes = 2 * 4,
        RotationBytes = 4 + 4 * 8;

    public static void Read(BinarySource source, PulseqFile file, long code)
    {
        string name = BinaryLayout.Name(code);
        long at = source.Offset;
        int type = source.Int32($"{name} extension type id", 1, int.MaxValue);
        if (file.ExtensionTypes.TryGetValue(type, out string? other)) throw source.Error(at, $"extension type id {type} used by {other} and {name}");
        file.ExtensionTypes[type] = name;
        switch (code)
        {
            case BinaryLayout.Triggers: ReadTriggers(source, file); break;
            case BinaryLayout.LabelSet: ReadLabels(source, name, file.LabelSets); break;
            case BinaryLayout.LabelIncrement: ReadLabels(source, name, file.LabelIncrements); break;
            case BinaryLayout.SoftDelays: ReadSoftDelays(source, file); break;
            case BinaryLayout.RfShims: ReadShims(source, file); break;
            default: ReadRotations(source, file); break;
        }
    }

    private static void ReadTriggers(BinarySource source, PulseqFile file)
    {
        int count = source.Count("TRIGGERS count", TriggerBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("TRIGGERS id", 1, int.MaxValue);
            int type = source.Int32("trigger type", 0, int.MaxValue), channel = source.Int32("trigger channel", 0, int.MaxValue);
            double delay = Time(source, "trigger delay"), duration = Time(source, "trigger duration");
            BinarySeqReader.Add(source, at, file.Triggers, id, new PulseqTrigger(BinarySeqReader.Location(at), type, channel, delay, duration), "TRIGGERS");
        }
    }

    private static void ReadLabels(BinarySource source, string name, Dictionary<int, PulseqLabel> table)
    {
        int count = source.Count($"{name} count", LabelBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32($"{name} id", 1, int.MaxValue);
            int value = source.Int32($"{name} value");
            int label = source.Int32($"{name} label index", 1, BinaryLayout.Labels.Length);
            BinarySeqReader.Add(source, at, table, id, new PulseqLabel(BinarySeqReader.Location(at), value, BinaryLayout.Labels[label - 1]), name);
        }
    }

    private static void ReadSoftDelays(BinarySource source, PulseqFile file)
    {
        int count = source.Count("DELAYS count", SoftDelayBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("DELAYS id", 1, int.MaxValue);
            int numeric = source.Int32("DELAYS num", 0, int.MaxValue);
            double offset = source.Int64("DELAYS offset") / (double)BinaryLayout.PicosecondsPerMicrosecond * 1e-6;
            double factor = source.Float64("DELAYS factor");
            if (factor == 0) throw source.Error(at, "DELAYS: factor must not be 0");
            string hint = source.Text(source.Int32("DELAYS hint length", 1, SeqLineReader.MaxLineBytes), "DELAYS hint");
            BinarySeqReader.Add(source, at, file.SoftDelays, id, new PulseqSoftDelay(BinarySeqReader.Location(at), numeric, offset, factor, hint), "DELAYS");
        }
    }

    private static void ReadShims(BinarySource source, PulseqFile file)
    {
        int count = source.Count("RF_SHIMS count", ShimBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("RF_SHIMS id", 1, int.MaxValue);
            int channels = source.Int32("RF_SHIMS number of channels", 1, ExtensionSections.MaxShimChannels);
            var magnitudes = new double[channels];
            var phases = new double[channels];
            for (int c = 0; c < channels; c++)
            {
                magnitudes[c] = source.Float64($"RF_SHIMS magnitude {c + 1}");
                phases[c] = source.Float64($"RF_SHIMS phase {c + 1}");
            }
            BinarySeqReader.Add(source, at, file.RfShims, id, new PulseqRfShim(BinarySeqReader.Location(at), magnitudes, phases), "RF_SHIMS");
        }
    }

    private static void ReadRotations(BinarySource source, PulseqFile file)
    {
        int count = source.Count("ROTATIONS count", RotationBytes);
        for (int i = 0; i < count; i++)
        {
            long at = source.Offset;
            int id = source.Int32("ROTATIONS id", 1, int.MaxValue);
            double w = source.Float64("w"), x = source.Float64("x"), y = source.Float64("y"), z = source.Float64("z");
            double norm = Math.Sqrt(w * w + x * x + y * y + z * z);
            if (!(Math.Abs(norm - 1) <= ExtensionSections.QuaternionNormTolerance)) throw source.Error(at, $"ROTATIONS: quaternion norm {norm} is not 1");
            BinarySeqReader.Add(source, at, file.Rotations, id, new PulseqRotation(BinarySeqReader.Location(at), w / norm, x / norm, y / norm, z / norm), "ROTATIONS");
        }
    }

    private static double Time(BinarySource source, string what)
    {
        long at = source.Offset;
        long picoseconds = source.Int64(what);
        return picoseconds >= 0 ? picoseconds / (double)BinaryLayout.PicosecondsPerMicrosecond * 1e-6
            : throw source.Error(at, $"{what} must be ≥ 0, found {picoseconds} ps");
    }
}
