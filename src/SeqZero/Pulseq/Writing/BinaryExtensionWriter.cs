using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Writing;

/// <summary>The extension tables of a binary file, each headed by its extension type id (layout in <see cref="BinaryLayout"/>).
/// Labels are stored as their 1-based index into <see cref="BinaryLayout.Labels"/>.</summary>
internal static class BinaryExtensionWriter
{
    /// <exception cref="ArgumentException">An extension or label that the binary layout has no place for.</exception>
    public static void Write(BinaryWriter w, PulseqFile f)
    {
        foreach ((int type, string name) in f.ExtensionTypes.OrderBy(p => p.Key))
        {
            switch (name)
            {
                case "TRIGGERS":
                    Table(w, BinaryLayout.Triggers, type, f.Triggers, (id, t) =>
                    {
                        w.Write(t.Type);
                        w.Write(t.Channel);
                        w.Write(BinarySeqWriter.Picoseconds(t.DelaySeconds, $"TRIGGERS {id} delay"));
                        w.Write(BinarySeqWriter.Picoseconds(t.DurationSeconds, $"TRIGGERS {id} duration"));
                    });
                    break;
                case "LABELSET" or "LABELINC":
                    Table(w, name == "LABELSET" ? BinaryLayout.LabelSet : BinaryLayout.LabelIncrement, type,
                        name == "LABELSET" ? f.LabelSets : f.LabelIncrements, (id, l) =>
                        {
                            int index = Array.IndexOf(BinaryLayout.Labels, l.Label);
                            if (index < 0) throw new ArgumentException($"{name} {id}: label {l.Label} is not one the binary format can store ({string.Join(' ', BinaryLayout.Labels)}).");
                            w.Write(l.Value);
                            w.Write(index + 1);
                        });
                    break;
                case "DELAYS":
                    Table(w, BinaryLayout.SoftDelays, type, f.SoftDelays, (id, d) =>
                    {
                        w.Write(d.NumericId);
                        w.Write(BinarySeqWriter.Picoseconds(d.OffsetSeconds, $"DELAYS {id} offset"));
                        w.Write(d.Factor);
                        BinarySeqWriter.Text(w, d.Hint);
                    });
                    break;
                case "RF_SHIMS":
                    Table(w, BinaryLayout.RfShims, type, f.RfShims, (_, s) =>
                    {
                        w.Write(s.Magnitudes.Length);
                        for (int c = 0; c < s.Magnitudes.Length; c++)
                        {
                            w.Write(s.Magnitudes[c]);
                            w.Write(s.PhasesRadians[c]);
                        }
                    });
                    break;
                case "ROTATIONS":
                    Table(w, BinaryLayout.Rotations, type, f.Rotations, (_, r) =>
                    {
                        foreach (double q in (ReadOnlySpan<double>)[r.W, r.X, r.Y, r.Z]) w.Write(q);
                    });
                    break;
                default:
                    throw new ArgumentException($"Extension {name} has no section in the binary Pulseq format; write it as text (.seq).");
            }
        }
    }

    private static void Table<T>(BinaryWriter w, long code, int type, Dictionary<int, T> rows, Action<int, T> row)
    {
        w.Write(code);
        w.Write(type);
        w.Write((long)rows.Count);
        foreach ((int id, T value) in rows.OrderBy(p => p.Key))
        {
            w.Write(id);
            row(id, value);
        }
    }
}
