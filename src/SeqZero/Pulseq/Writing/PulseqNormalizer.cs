using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Writing;

/// <summary>Rebuilds a <see cref="PulseqFile"/> in a target version (1.4.x or 1.5.x) with de-duplicated tables numbered
/// in order of first use (blocks in order; per block RF, Gx, Gy, Gz, ADC, extensions; shapes likewise), as MATLAB's
/// Sequence does when blocks are added. Converts what the versions differ in: block durations in raster units, RF centre
/// and use and gradient first/last (1.5; taken from the decoded sequence), oversampled gradients become explicit time
/// shapes in 1.4. Normalising an already normalised file changes nothing (so write → read → write is byte-identical).</summary>
internal sealed class PulseqNormalizer
{
    private readonly PulseqFile source;
    private readonly PulseqFile target;
    // de-duplication keys: (table, printed row) → id; equal text = equal event, so re-normalising is the identity
    private readonly Dictionary<(string Table, string Text), int> ids = [];
    private readonly Dictionary<string, int> counts = [];
    private readonly Dictionary<(int Type, int SourceRef), int> extensionRowIds = [];

    // per-source caches: a source event (or decoded gradient, which also depends on its inferred first value) and a
    // shape array convert to the same target id every time, so each is formatted once, not once per block
    private readonly Dictionary<int, int> rfBySource = [];
    private readonly Dictionary<DecodedGradient, int> gradientBySource = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, int> adcBySource = [];
    private readonly Dictionary<double[], int> shapeBySource = new(ReferenceEqualityComparer.Instance);

    private PulseqNormalizer(PulseqFile source, PulseqVersion version)
    {
        this.source = source;
        target = new PulseqFile { Version = version };
    }

    /// <exception cref="ArgumentException">The target version is not 1.4.x/1.5.x, or the content uses features the target
    /// version cannot express (1.5 ppm offsets or ADC phase shapes in 1.4), or block durations are off the block raster.</exception>
    public static PulseqFile Normalize(PulseqFile source, PulseqVersion version)
    {
        if (version.Major != 1 || version.Minor is not (4 or 5))
        {
            throw new ArgumentException($"Pulseq output version must be 1.4.x or 1.5.x, not {version}.", nameof(version));
        }
        var normalizer = new PulseqNormalizer(source, version);
        normalizer.Run();
        return normalizer.target;
    }

    private void Run()
    {
        DecodedSequence decoded = PulseqDecoder.Decode(source);
        CopyDefinitions(decoded.DurationSeconds);
        double blockRaster = target.BlockDurationRasterSeconds;
        foreach (DecodedBlock block in decoded.Blocks)
        {
            PulseqBlockRow row = source.Blocks[block.Number - 1];
            double units = block.DurationSeconds / blockRaster;
            if (Math.Abs(units - Math.Round(units)) > 1e-6)
            {
                throw new ArgumentException($"Block {block.Number}: duration {block.DurationSeconds:G9} s is not a multiple of the block raster {blockRaster:G9} s.");
            }
            int rf = 0;
            if (block.Rf is not null && !rfBySource.TryGetValue(row.RfId, out rf))
            {
                rfBySource[row.RfId] = rf = AddRf(block.Rf, source.Rf[row.RfId]);
            }
            int gx = CachedGradient(block.Gradients[0], row.GxId), gy = CachedGradient(block.Gradients[1], row.GyId);
            int gz = CachedGradient(block.Gradients[2], row.GzId);
            int adc = 0;
            if (row.AdcId != 0 && !adcBySource.TryGetValue(row.AdcId, out adc))
            {
                adcBySource[row.AdcId] = adc = AddAdc(source.Adc[row.AdcId], row.AdcId);
            }
            int ext = AddExtensionList(block.Extensions);
            target.Blocks.Add(new PulseqBlockRow(0, (long)Math.Round(units), 0, rf, gx, gy, gz, adc, ext));
        }
    }

    private void CopyDefinitions(double durationSeconds)
    {
        var definitions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string value) in source.Definitions)
        {
            if (key != "Num_Blocks") definitions[key] = value;
        }
        definitions.TryAdd("AdcRasterTime", CFormat.G(source.AdcRasterSeconds));
        definitions.TryAdd("BlockDurationRaster", CFormat.G(source.BlockDurationRasterSeconds));
        definitions.TryAdd("GradientRasterTime", CFormat.G(source.GradientRasterSeconds));
        definitions.TryAdd("RadiofrequencyRasterTime", CFormat.G(source.RfRasterSeconds));
        definitions["TotalDuration"] = CFormat.G(durationSeconds, 9);
        foreach (KeyValuePair<string, string> pair in definitions) target.Definitions.Add(pair);
    }

    private int AddRf(DecodedRf rf, PulseqRfEvent e)
    {
        bool v15 = target.Version.Minor == 5;
        if (!v15 && (e.FrequencyPpm != 0 || e.PhasePpm != 0))
        {
            throw new ArgumentException($"RF id {rf.Id} uses freqPPM/phasePPM, which Pulseq 1.4 cannot store.");
        }
        int mag = AddShape(source.Shapes[e.MagnitudeShapeId].Samples);
        int phase = e.PhaseShapeId == 0 ? 0 : AddShape(source.Shapes[e.PhaseShapeId].Samples);
        int time = e.TimeShapeId > 0 ? AddShape(source.Shapes[e.TimeShapeId].Samples) : e.TimeShapeId;
        if (!v15 && time < 0) throw new ArgumentException($"RF id {rf.Id} is oversampled (time shape −1), which Pulseq 1.4 cannot store.");
        PulseqRfUse use = source.Version.AtLeast(1, 5) ? e.Use : rf.Use;
        var row = new PulseqRfEvent(0, e.AmplitudeHz, mag, phase, time, v15 ? rf.CenterSeconds - rf.DelaySeconds : null, e.DelaySeconds,
            e.FrequencyPpm, e.PhasePpm, e.FrequencyHz, e.PhaseRadians, v15 ? use : PulseqRfUse.Undefined);
        return Id("RF", PulseqRowFormat.Rf(row, target.Version), row, target.Rf);
    }

    private int CachedGradient(DecodedGradient? g, int sourceId)
    {
        if (g is null) return 0;
        if (!gradientBySource.TryGetValue(g, out int id)) gradientBySource[g] = id = AddGradient(g, sourceId);
        return id;
    }

    private int AddGradient(DecodedGradient g, int sourceId)
    {
        if (source.Trapezoids.TryGetValue(sourceId, out PulseqTrapezoidEvent? t))
        {
            var trap = t with { Line = 0 };
            return Id("gradient", "trap " + PulseqRowFormat.Trapezoid(trap), trap, target.Trapezoids);
        }

        PulseqGradientEvent e = source.Gradients[sourceId];
        bool v15 = target.Version.Minor == 5;
        int shape, time = e.TimeShapeId;
        double amplitude = e.AmplitudeHzPerMeter;
        if (!v15 && e.TimeShapeId == -1)
        {
            // oversampled → explicit time shape with the edge values first/last as corners (exact in 1.4)
            double peak = g.AmplitudesHzPerMeter.Max(Math.Abs);
            amplitude = peak == 0 ? 0 : Math.Sign(e.AmplitudeHzPerMeter == 0 ? 1 : e.AmplitudeHzPerMeter) * peak;
            double scale = amplitude == 0 ? 1 : amplitude;
            shape = AddShape([.. g.AmplitudesHzPerMeter.Select(v => v / scale)]);
            time = AddShape([.. g.TimesSeconds.Select(t => (t - g.DelaySeconds) / target.GradientRasterSeconds)]);
        }
        else
        {
            shape = AddShape(source.Shapes[e.ShapeId].Samples);
            if (time > 0) time = AddShape(source.Shapes[e.TimeShapeId].Samples);
        }
        var row = new PulseqGradientEvent(0, amplitude, v15 ? g.FirstHzPerMeter : null, v15 ? g.LastHzPerMeter : null, shape, time, e.DelaySeconds);
        return Id("gradient", "arbitrary " + PulseqRowFormat.Gradient(row, target.Version), row, target.Gradients);
    }

    private int AddAdc(PulseqAdcEvent e, int sourceId)
    {
        bool v15 = target.Version.Minor == 5;
        if (!v15 && (e.FrequencyPpm != 0 || e.PhasePpm != 0 || e.PhaseShapeId != 0))
        {
            throw new ArgumentException($"ADC id {sourceId} uses freqPPM/phasePPM or a phase shape, which Pulseq 1.4 cannot store.");
        }
        int phaseShape = e.PhaseShapeId == 0 ? 0 : AddShape(source.Shapes[e.PhaseShapeId].Samples);
        PulseqAdcEvent row = e with { Line = 0, PhaseShapeId = phaseShape };
        return Id("ADC", PulseqRowFormat.Adc(row, target.Version), row, target.Adc);
    }

    /// <summary>Registers a list from its tail, so that shared tails share ids (MATLAB order: tail first).</summary>
    private int AddExtensionList(IReadOnlyList<DecodedExtension> list)
    {
        int next = 0;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            int type = source.ExtensionTypes.First(p => p.Value == list[i].Name).Key;
            int reference = AddExtensionRow(type, list[i]);
            var link = new PulseqExtensionLink(0, type, reference, next);
            next = Id("extension list", $"{type} {reference} {next}", link, target.ExtensionLinks);
        }
        return next;
    }

    private int AddExtensionRow(int type, DecodedExtension e)
    {
        if (extensionRowIds.TryGetValue((type, e.RefId), out int id)) return id;
        target.ExtensionTypes[type] = e.Name;
        // rows are de-duplicated by their printed text within their table
        id = e.Name switch
        {
            "LABELSET" => Row(e.Name, PulseqRowFormat.Label, source.LabelSets[e.RefId] with { Line = 0 }, target.LabelSets),
            "LABELINC" => Row(e.Name, PulseqRowFormat.Label, source.LabelIncrements[e.RefId] with { Line = 0 }, target.LabelIncrements),
            "TRIGGERS" => Row(e.Name, PulseqRowFormat.Trigger, source.Triggers[e.RefId] with { Line = 0 }, target.Triggers),
            "ROTATIONS" => Row(e.Name, PulseqRowFormat.Rotation, source.Rotations[e.RefId] with { Line = 0 }, target.Rotations),
            "RF_SHIMS" => Row(e.Name, PulseqRowFormat.RfShim, source.RfShims[e.RefId] with { Line = 0 }, target.RfShims),
            "DELAYS" => Row(e.Name, PulseqRowFormat.SoftDelay, source.SoftDelays[e.RefId] with { Line = 0 }, target.SoftDelays),
            _ => Row(e.Name, PulseqRowFormat.Unknown, source.UnknownExtensions[e.Name][e.RefId] with { Line = 0 }, UnknownTable(e.Name)),
        };
        extensionRowIds[(type, e.RefId)] = id;
        return id;
    }

    private Dictionary<int, PulseqUnknownExtensionRow> UnknownTable(string name)
    {
        if (!target.UnknownExtensions.TryGetValue(name, out Dictionary<int, PulseqUnknownExtensionRow>? table))
        {
            target.UnknownExtensions[name] = table = [];
        }
        return table;
    }

    private int Row<T>(string table, Func<T, string> format, T row, Dictionary<int, T> rows) => Id(table, format(row), row, rows);

    private int AddShape(double[] samples)
    {
        if (!shapeBySource.TryGetValue(samples, out int id))
        {
            shapeBySource[samples] = id = Id("shape", PulseqRowFormat.Shape(samples), new PulseqShape(0, samples), target.Shapes);
        }
        return id;
    }

    /// <summary>The id of the row printed as <paramref name="text"/> in <paramref name="table"/>, adding it when new.</summary>
    private int Id<T>(string table, string text, T row, Dictionary<int, T> rows)
    {
        if (ids.TryGetValue((table, text), out int id)) return id;
        id = counts.GetValueOrDefault(table) + 1;
        counts[table] = id;
        ids[(table, text)] = id;
        rows[id] = row;
        return id;
    }
}
