using System.Globalization;
using System.Text;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Writing;

/// <summary>Writes Pulseq 1.4.x or 1.5.x text as MATLAB's Sequence.write does: section headers and comments, printf
/// layouts per table, de-duplicated events, compressed shapes, definitions sorted by key, "\n" line ends, and an MD5
/// [SIGNATURE]. Reading what it wrote and writing again gives the same bytes.</summary>
public static class PulseqWriter
{
    private const string GradientsHeader = "\n# Format of arbitrary gradients:\n"
        + "#   time_shape_id of 0 means default timing (stepping with grad_raster starting at 1/2 of grad_raster)\n";

    /// <summary>The signed file text of <paramref name="file"/> in <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentException">The version is not 1.4.x/1.5.x or cannot express the content.</exception>
    public static string Write(PulseqFile file, PulseqVersion version)
    {
        PulseqFile f = PulseqNormalizer.Normalize(file, version);
        var s = new StringBuilder();
        s.Append("# Pulseq sequence file\n# Created by SeqZero\n\n");
        s.Append($"[VERSION]\nmajor {version.Major}\nminor {version.Minor}\nrevision {version.Revision}\n\n");
        s.Append("[DEFINITIONS]\n");
        foreach ((string key, string value) in f.Definitions) s.Append(key).Append(' ').Append(value).Append(" \n");

        s.Append("\n# Format of blocks:\n# NUM DUR RF  GX  GY  GZ  ADC  EXT\n[BLOCKS]\n");
        int idWidth = f.Blocks.Count.ToString(CultureInfo.InvariantCulture).Length;
        for (int i = 0; i < f.Blocks.Count; i++)
        {
            PulseqBlockRow b = f.Blocks[i];
            s.Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(idWidth))
                .Append($" {b.DurationRasterUnits,3} {b.RfId,3} {b.GxId,3} {b.GyId,3} {b.GzId,3} {b.AdcId,2} {b.ExtensionId,2}\n");
        }

        bool v15 = version.Minor == 5;
        if (f.Rf.Count > 0)
        {
            s.Append(v15
                ? "\n# Format of RF events:\n"
                  + "# id ampl. mag_id phase_id time_shape_id center delay freqPPM phasePPM freq phase use\n"
                  + "# ..   Hz      ..       ..            ..     us    us     ppm  rad/MHz   Hz   rad  ..\n"
                  + "# Field 'use' is the initial of: \n"
                  + "#   excitation refocusing inversion saturation preparation other undefined\n[RF]\n"
                : "\n# Format of RF events:\n"
                  + "# id amplitude mag_id phase_id time_shape_id delay freq phase\n"
                  + "# ..        Hz   ....     ....          ....    us   Hz   rad\n[RF]\n");
            foreach ((int id, PulseqRfEvent e) in f.Rf.OrderBy(p => p.Key)) s.Append($"{id} {PulseqRowFormat.Rf(e, version)}\n");
        }
        if (f.Gradients.Count > 0)
        {
            s.Append(v15
                ? GradientsHeader + "# id amplitude first last amp_shape_id time_shape_id delay\n"
                  + "# ..      Hz/m  Hz/m Hz/m        ..         ..          us\n[GRADIENTS]\n"
                : GradientsHeader + "# id amplitude amp_shape_id time_shape_id delay\n"
                  + "# ..      Hz/m       ..         ..          us\n[GRADIENTS]\n");
            foreach ((int id, PulseqGradientEvent e) in f.Gradients.OrderBy(p => p.Key)) s.Append($"{id} {PulseqRowFormat.Gradient(e, version)}\n");
        }
        if (f.Trapezoids.Count > 0)
        {
            s.Append("\n# Format of trapezoid gradients:\n# id amplitude rise flat fall delay\n# ..      Hz/m   us   us   us    us\n[TRAP]\n");
            foreach ((int id, PulseqTrapezoidEvent e) in f.Trapezoids.OrderBy(p => p.Key)) s.Append($"{id,2} {PulseqRowFormat.Trapezoid(e)}\n");
        }
        if (f.Adc.Count > 0)
        {
            s.Append(v15
                ? "\n# Format of ADC events:\n# id num dwell delay freqPPM phasePPM freq phase phase_id\n"
                  + "# ..  ..    ns    us     ppm  rad/MHz   Hz   rad       ..\n[ADC]\n"
                : "\n# Format of ADC events:\n# id num dwell delay freq phase\n# ..  ..    ns    us   Hz   rad\n[ADC]\n");
            foreach ((int id, PulseqAdcEvent e) in f.Adc.OrderBy(p => p.Key)) s.Append($"{id} {PulseqRowFormat.Adc(e, version)}\n");
        }
        if (f.ExtensionLinks.Count > 0) WriteExtensions(s, f);
        if (f.Shapes.Count > 0)
        {
            s.Append("\n# Sequence Shapes\n[SHAPES]\n\n");
            foreach ((int id, PulseqShape shape) in f.Shapes.OrderBy(p => p.Key)) s.Append($"shape_id {id}\n{PulseqRowFormat.Shape(shape.Samples)}\n");
        }
        return PulseqSignature.Sign(s.ToString());
    }

    /// <summary>Writes <paramref name="file"/> to <paramref name="path"/> (UTF-8 without BOM).</summary>
    public static void WriteFile(PulseqFile file, PulseqVersion version, string path) =>
        File.WriteAllText(path, Write(file, version), new UTF8Encoding(false));

    private static void WriteExtensions(StringBuilder s, PulseqFile f)
    {
        s.Append("\n# Format of extension lists:\n# id type ref next_id\n# next_id of 0 terminates the list\n"
            + "# Extension list is followed by extension specifications\n[EXTENSIONS]\n");
        foreach ((int id, PulseqExtensionLink l) in f.ExtensionLinks.OrderBy(p => p.Key)) s.Append($"{id} {l.TypeId} {l.RefId} {l.NextId}\n");
        foreach ((int type, string name) in f.ExtensionTypes.OrderBy(p => p.Key))
        {
            switch (name)
            {
                case "TRIGGERS":
                    Table(s, "digital output and input triggers:\n# id type channel delay (us) duration (us)", name, type, f.Triggers, PulseqRowFormat.Trigger);
                    break;
                case "LABELSET" or "LABELINC":
                    Table(s, "setting labels:\n# id set labelstring", name, type, name == "LABELSET" ? f.LabelSets : f.LabelIncrements, PulseqRowFormat.Label);
                    break;
                case "DELAYS":
                    Table(s, "soft delays:\n# id num offset factor hint\n# ..  ..     us     ..   ..", name, type, f.SoftDelays, PulseqRowFormat.SoftDelay);
                    break;
                case "ROTATIONS":
                    Table(s, "rotation events:\n# id RotQuat0 RotQuatX RotQuatY RotQuatZ", name, type, f.Rotations, PulseqRowFormat.Rotation);
                    break;
                case "RF_SHIMS":
                    Table(s, "RF shimming:\n# id num_chan mag1 phase1 mag2 phase2 ...", name, type, f.RfShims, PulseqRowFormat.RfShim);
                    break;
                default:
                    Table(s, $"{name} (kept verbatim):", name, type, f.UnknownExtensions[name], PulseqRowFormat.Unknown);
                    break;
            }
        }
    }

    private static void Table<T>(StringBuilder s, string what, string name, int type, Dictionary<int, T> rows, Func<T, string> format)
    {
        s.Append($"\n# Extension specification for {what}\nextension {name} {type}\n");
        foreach ((int id, T row) in rows.OrderBy(p => p.Key)) s.Append($"{id} {format(row)}\n");
    }
}
