using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>After all sections are read: every id a block, event or extension list refers to exists, shapes that go
/// together have equal lengths, time shapes increase, and extension lists end. Errors name the referring line.</summary>
internal static class PulseqReferenceCheck
{
    /// <summary>Checks <paramref name="file"/>; errors name <paramref name="source"/> and the referring row (line or byte offset).</summary>
    public static void Check(PulseqFile file, PulseqSource source)
    {
        foreach (PulseqBlockRow b in file.Blocks) CheckBlock(file, source, b);
        foreach (PulseqRfEvent rf in file.Rf.Values) CheckRf(file, source, rf);
        foreach (PulseqGradientEvent g in file.Gradients.Values) CheckGradient(file, source, g);
        foreach (PulseqAdcEvent adc in file.Adc.Values)
        {
            if (adc.PhaseShapeId != 0 && Shape(file, source, adc.Line, adc.PhaseShapeId, "ADC phase").Length != adc.NumSamples)
            {
                throw source.Error(adc.Line, $"ADC phase shape {adc.PhaseShapeId} length differs from num = {adc.NumSamples}");
            }
        }
        foreach (PulseqExtensionLink link in file.ExtensionLinks.Values) CheckLink(file, source, link);
        CheckListsEnd(file, source);
    }

    private static void CheckBlock(PulseqFile file, PulseqSource source, PulseqBlockRow b)
    {
        if (b.RfId != 0 && !file.Rf.ContainsKey(b.RfId))
        {
            throw source.Error(b.Line, $"block refers to RF id {b.RfId}, which [RF] does not define");
        }
        for (int axis = 0; axis < 3; axis++)
        {
            int id = b.GradientId(axis);
            if (id != 0 && !file.Gradients.ContainsKey(id) && !file.Trapezoids.ContainsKey(id))
            {
                throw source.Error(b.Line, $"block refers to G{"xyz"[axis]} id {id}, which neither [GRADIENTS] nor [TRAP] defines");
            }
        }
        if (b.AdcId != 0 && !file.Adc.ContainsKey(b.AdcId))
        {
            throw source.Error(b.Line, $"block refers to ADC id {b.AdcId}, which [ADC] does not define");
        }
        if (b.DelayId != 0 && !file.Delays.ContainsKey(b.DelayId))
        {
            throw source.Error(b.Line, $"block refers to delay id {b.DelayId}, which [DELAYS] does not define");
        }
        if (b.ExtensionId != 0 && !file.ExtensionLinks.ContainsKey(b.ExtensionId))
        {
            throw source.Error(b.Line, $"block refers to extension id {b.ExtensionId}, which [EXTENSIONS] does not define");
        }
    }

    private static void CheckRf(PulseqFile file, PulseqSource source, PulseqRfEvent rf)
    {
        int n = Shape(file, source, rf.Line, rf.MagnitudeShapeId, "RF magnitude").Length;
        if (rf.PhaseShapeId != 0) SameLength(source, rf.Line, "RF phase", Shape(file, source, rf.Line, rf.PhaseShapeId, "RF phase").Length, n);
        if (rf.TimeShapeId > 0) CheckTimeShape(file, source, rf.Line, rf.TimeShapeId, n);
    }

    private static void CheckGradient(PulseqFile file, PulseqSource source, PulseqGradientEvent g)
    {
        int n = Shape(file, source, g.Line, g.ShapeId, "gradient").Length;
        if (g.TimeShapeId > 0) CheckTimeShape(file, source, g.Line, g.TimeShapeId, n);
    }

    private static void CheckTimeShape(PulseqFile file, PulseqSource source, int line, int id, int n)
    {
        double[] times = Shape(file, source, line, id, "time");
        SameLength(source, line, "time", times.Length, n);
        if (times[0] < 0)
        {
            throw source.Error(line, $"time shape {id} starts at {times[0]} < 0");
        }
        for (int k = 1; k < times.Length; k++)
        {
            if (times[k] < times[k - 1])
            {
                throw source.Error(line, $"time shape {id} decreases at sample {k + 1}");
            }
        }
    }

    private static void CheckLink(PulseqFile file, PulseqSource source, PulseqExtensionLink link)
    {
        if (!file.ExtensionTypes.TryGetValue(link.TypeId, out string? name))
        {
            throw source.Error(link.Line, $"extension type {link.TypeId} has no \"extension NAME {link.TypeId}\" specification");
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
            throw source.Error(link.Line, $"extension {name} has no entry with id {link.RefId}");
        }
        if (link.NextId != 0 && !file.ExtensionLinks.ContainsKey(link.NextId))
        {
            throw source.Error(link.Line, $"extension list continues with id {link.NextId}, which [EXTENSIONS] does not define");
        }

    }

    /// <summary>Every list ends: walks each list once, marking links in progress/done (linear in the table size).</summary>
    private static void CheckListsEnd(PulseqFile file, PulseqSource source)
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
                    throw source.Error(first.Line, "extension list never ends (cycle through next_id)");
                }
                walking.Add(id);
            }
            done.UnionWith(walking);
        }
    }

    private static double[] Shape(PulseqFile file, PulseqSource source, int line, int id, string what)
    {
        if (!file.Shapes.TryGetValue(id, out PulseqShape? shape))
        {
            throw source.Error(line, $"{what} shape id {id} is not defined in [SHAPES]");
        }
        return shape.Samples;
    }

    private static void SameLength(PulseqSource source, int line, string what, int length, int expected)
    {
        if (length != expected)
        {
            throw source.Error(line, $"{what} shape has {length} samples, the magnitude/amplitude shape {expected}");
        }
    }
}
