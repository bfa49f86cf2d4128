using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>After all sections are read: every id a block, event or extension list refers to exists, shapes that go
/// together have equal lengths, time shapes increase, and extension lists end. Errors name the referring line.</summary>
internal static class PulseqReferenceCheck
{
    /// <summary>Checks <paramref name="file"/>; errors name <paramref name="path"/> and the referring row (line or byte offset).</summary>
    public static void Check(PulseqFile file, PulseqSource path)
    {
        foreach (PulseqBlockRow b in file.Blocks) CheckBlock(file, path, b);
        foreach (PulseqRfEvent rf in file.Rf.Values) CheckRf(file, path, rf);
        foreach (PulseqGradientEvent g in file.Gradients.Values) CheckGradient(file, path, g);
        foreach (PulseqAdcEvent adc in file.Adc.Values)
        {
            if (adc.PhaseShapeId != 0 && Shape(file, path, adc.Line, adc.PhaseShapeId, "ADC phase").Length != adc.NumSamples)
            {
                throw path.Error(adc.Line, $"ADC phase shape {adc.PhaseShapeId} length differs from num = {adc.NumSamples}");
            }
        }
        foreach (PulseqExtensionLink link in file.ExtensionLinks.Values) CheckLink(file, path, link);
        CheckListsEnd(file, path);
    }

    private static void CheckBlock(PulseqFile file, PulseqSource path, PulseqBlockRow b)
    {
        if (b.RfId != 0 && !file.Rf.ContainsKey(b.RfId))
        {
            throw path.Error(b.Line, $"block refers to RF id {b.RfId}, which [RF] does not define");
        }
        for (int axis = 0; axis < 3; axis++)
        {
            int id = b.GradientId(axis);
            if (id != 0 && !file.Gradients.ContainsKey(id) && !file.Trapezoids.ContainsKey(id))
            {
                throw path.Error(b.Line, $"block refers to G{"xyz"[axis]} id {id}, which neither [GRADIENTS] nor [TRAP] defines");
            }
        }
        if (b.AdcId != 0 && !file.Adc.ContainsKey(b.AdcId))
        {
            throw path.Error(b.Line, $"block refers to ADC id {b.AdcId}, which [ADC] does not define");
        }
        if (b.DelayId != 0 && !file.Delays.ContainsKey(b.DelayId))
        {
            throw path.Error(b.Line, $"block refers to delay id {b.DelayId}, which [DELAYS] does not define");
        }
        if (b.ExtensionId != 0 && !file.ExtensionLinks.ContainsKey(b.ExtensionId))
        {
            throw path.Error(b.Line, $"block refers to extension id {b.ExtensionId}, which [EXTENSIONS] does not define");
        }
    }

    private static void CheckRf(PulseqFile file, PulseqSource path, PulseqRfEvent rf)
    {
        int n = Shape(file, path, rf.Line, rf.MagnitudeShapeId, "RF magnitude").Length;
        if (rf.PhaseShapeId != 0) SameLength(path, rf.Line, "RF phase", Shape(file, path, rf.Line, rf.PhaseShapeId, "RF phase").Length, n);
        if (rf.TimeShapeId > 0) CheckTimeShape(file, path, rf.Line, rf.TimeShapeId, n);
    }

    private static void CheckGradient(PulseqFile file, PulseqSource path, PulseqGradientEvent g)
    {
        int n = Shape(file, path, g.Line, g.ShapeId, "gradient").Length;
        if (g.TimeShapeId > 0) CheckTimeShape(file, path, g.Line, g.TimeShapeId, n);
    }

    private static void CheckTimeShape(PulseqFile file, PulseqSource path, int line, int id, int n)
    {
        double[] times = Shape(file, path, line, id, "time");
        SameLength(path, line, "time", times.Length, n);
        if (times[0] < 0)
        {
            throw path.Error(line, $"time shape {id} starts at {times[0]} < 0");
        }
        for (int k = 1; k < times.Length; k++)
        {
            if (times[k] < times[k - 1])
            {
                throw path.Error(line, $"time shape {id} decreases at sample {k + 1}");
            }
        }
    }

    private static void CheckLink(PulseqFile file, PulseqSource path, PulseqExtensionLink link)
    {
        if (!file.ExtensionTypes.TryGetValue(link.TypeId, out string? name))
        {
            throw path.Error(link.Line, $"extension type {link.TypeId} has no \"extension NAME {link.TypeId}\" specification");
        }
        bool exists = name switch
        {
            "LABELSET" => file.LabelSets.ContainsKey(link.RefId),
            "LABELINC" => file.LabelIncrements.ContainsKey(link.RefId),
            "TRIGGERS" => file.Triggers.ContainsKey(link.RefId),
            "ROTATIONS" => file.Rotations.ContainsKey(link.RefId),
            "RF_SHIMS" => file.RfShims.ContainsKey(link.RefId),
            "DELAYS" => file.SoftDelays.ContainsKey(link.RefId),
            _ => file.UnknownExtensions[name!].ContainsKey(link.RefId),
        };
        if (!exists)
        {
            throw path.Error(link.Line, $"extension {name} has no entry with id {link.RefId}");
        }
        if (link.NextId != 0 && !file.ExtensionLinks.ContainsKey(link.NextId))
        {
            throw path.Error(link.Line, $"extension list continues with id {link.NextId}, which [EXTENSIONS] does not define");
        }

    }

    /// <summary>Every list ends: walks each list once, marking links in progress/done (linear in the table size).</summary>
    private static void CheckListsEnd(PulseqFile file, PulseqSource path)
    {
        var done = new HashSet<int>();
        var walking = new List<int>();
        var inProgress = new HashSet<int>();
        foreach ((int start, PulseqExtensionLink first) in file.ExtensionLinks)
        {
            walking.Clear();
            inProgress.Clear();
            for (int id = start; id != 0 && !done.Contains(id); id = file.ExtensionLinks[id].NextId)
            {
                if (!inProgress.Add(id))
                {
                    throw path.Error(first.Line, "extension list never ends (cycle through next_id)");
                }
                walking.Add(id);
            }
            done.UnionWith(walking);
        }
    }

    private static double[] Shape(PulseqFile file, PulseqSource path, int line, int id, string what)
    {
        if (!file.Shapes.TryGetValue(id, out PulseqShape? shape))
        {
            throw path.Error(line, $"{what} shape id {id} is not defined in [SHAPES]");
        }
        return shape.Samples;
    }

    private static void SameLength(PulseqSource path, int line, string what, int length, int expected)
    {
        if (length != expected)
        {
            throw path.Error(line, $"{what} shape has {length} samples, the magnitude/amplitude shape {expected}");
        }
    }
}
