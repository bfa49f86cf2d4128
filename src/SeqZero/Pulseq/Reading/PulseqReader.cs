using System.Text;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>Reads Pulseq files into a <see cref="PulseqFile"/> (SI units): binary files (.bseq, recognised by their magic
/// bytes, whatever the extension; the 1.5 layout, or the legacy layout of the 1.1/1.2 MATLAB toolboxes when the header's
/// version says so) through <see cref="BinarySeqReader"/>, text otherwise. Text: versions 1.2.x–1.5.x, one pass over
/// the lines in fixed-size chunks (time and memory linear in the file size), invariant culture, strict: any malformed
/// line, dangling id, version mismatch or impossible value throws <see cref="PulseqFormatException"/> "path:line: detail".</summary>
public static class PulseqReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="PulseqFormatException">The content breaks a rule of the format.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static PulseqFile ReadFile(string path)
    {
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, path);
    }

    /// <summary>Reads a binary or text file from <paramref name="stream"/> (from its start); <paramref name="path"/> only
    /// names it in messages.</summary>
    /// <exception cref="PulseqFormatException">The content breaks a rule of the format.</exception>
    public static PulseqFile Read(Stream stream, string path)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        Span<byte> head = stackalloc byte[BinaryLayout.Magic.Length];
        int found = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return found == head.Length && head.SequenceEqual(BinaryLayout.Magic) ? BinarySeqReader.Read(stream, path) : ReadText(stream, path);
    }

    private static PulseqFile ReadText(Stream stream, string path)
    {
        using var reader = new SeqLineReader(stream, path);
        var file = new PulseqFile();
        var state = new ReaderState(file, reader);
        while (reader.TryReadContentLine(out ReadOnlySpan<byte> line))
        {
            if (line[0] == (byte)'[') state.BeginSection(line);
            else if (line.StartsWith("extension"u8) && line.Length > 9 && line[9] is (byte)' ' or (byte)'\t') state.BeginExtension(line);
            else state.ReadRow(line);
        }
        state.Finish();
        PulseqReferenceCheck.Check(file, new PulseqSource(path, IsBinary: false));
        return file;
    }

    /// <summary>The section being read and what has been seen so far.</summary>
    private sealed class ReaderState(PulseqFile file, SeqLineReader reader)
    {
        private string section = "";
        private bool versionSeen;
        private bool signatureSeen;
        private bool versionFinished;
        private int versionLine;
        private int? major, minor, revision;
        private string? extensionName;
        private int numBlocksDefinitionLine;
        private long? numBlocksDefinition;
        private readonly HashSet<string> sectionsSeen = [];
        private readonly ShapesSection shapes = new(file, reader);
        private readonly Dictionary<string, int> extensionTypeLines = [];

        public void BeginSection(ReadOnlySpan<byte> line)
        {
            EndSection();
            if (line[^1] != (byte)']') throw reader.Error($"malformed section header '{Encoding.UTF8.GetString(line)}'");
            section = Encoding.UTF8.GetString(line);
            extensionName = null;
            if (signatureSeen) throw reader.Error($"section {section} after [SIGNATURE]: the signature must be last");
            if (!sectionsSeen.Add(section)) throw reader.Error($"section {section} appears twice");
            switch (section)
            {
                case "[VERSION]":
                    versionSeen = true;
                    versionLine = reader.LineNumber;
                    break;
                case "[DEFINITIONS]":
                case "[SIGNATURE]":
                    signatureSeen = section == "[SIGNATURE]";
                    break;
                case "[BLOCKS]" or "[RF]" or "[GRADIENTS]" or "[TRAP]" or "[ADC]" or "[DELAYS]" or "[SHAPES]" or "[EXTENSIONS]":
                    RequireVersion();
                    if (section == "[DELAYS]" && file.Version.AtLeast(1, 4))
                    {
                        throw reader.Error($"[DELAYS] does not exist in Pulseq {file.Version} (block durations replaced it in 1.4)");
                    }
                    if (section == "[EXTENSIONS]" && !file.Version.AtLeast(1, 3))
                    {
                        throw reader.Error($"[EXTENSIONS] does not exist in Pulseq {file.Version} (added in 1.3)");
                    }
                    break;
                default:
                    throw reader.Error($"unknown section {section}");
            }
        }

        public void BeginExtension(ReadOnlySpan<byte> line)
        {
            EndSection();
            RequireVersion();
            if (!sectionsSeen.Contains("[EXTENSIONS]")) throw reader.Error("extension specification before [EXTENSIONS]");
            var tokens = new LineTokens(line, reader, "extension header");
            tokens.Next("keyword");
            string name = tokens.NextString("extension name");
            int typeId = tokens.NextInt("extension type id", 1, int.MaxValue);
            tokens.ExpectEnd(3);
            if (extensionTypeLines.TryGetValue(name, out int previous)) throw reader.Error($"extension {name} declared twice (first at line {previous})");
            if (file.ExtensionTypes.ContainsKey(typeId)) throw reader.Error($"extension type id {typeId} used by {file.ExtensionTypes[typeId]} and {name}");
            extensionTypeLines[name] = reader.LineNumber;
            file.ExtensionTypes[typeId] = name;
            extensionName = name;
            section = $"extension {name}";
            if (!ExtensionSections.IsKnown(name))
            {
                file.UnknownExtensions[name] = [];
                file.Warnings.Add($"{reader.Path}:{reader.LineNumber}: unknown extension {name} kept but not interpreted");
            }
        }

        public void ReadRow(ReadOnlySpan<byte> line)
        {
            switch (section)
            {
                case "": throw reader.Error("data before the first section header");
                case "[VERSION]": ReadVersionRow(line); break;
                case "[DEFINITIONS]": ReadDefinitionRow(line); break;
                case "[BLOCKS]": EventSections.ReadBlock(file, reader, line); break;
                case "[RF]": EventSections.ReadRf(file, reader, line); break;
                case "[GRADIENTS]": EventSections.ReadGradient(file, reader, line); break;
                case "[TRAP]": EventSections.ReadTrapezoid(file, reader, line); break;
                case "[ADC]": EventSections.ReadAdc(file, reader, line); break;
                case "[DELAYS]": EventSections.ReadDelay(file, reader, line); break;
                case "[EXTENSIONS]": ExtensionSections.ReadLink(file, reader, line); break;
                case "[SHAPES]": shapes.ReadRow(line); break;
                case "[SIGNATURE]": ReadSignatureRow(line); break;
                default: ExtensionSections.ReadRow(file, reader, extensionName!, line); break;
            }
        }

        public void Finish()
        {
            EndSection();
            if (!versionSeen) throw new PulseqFormatException(reader.Path, reader.LineNumber, "no [VERSION] section");
            if (!sectionsSeen.Contains("[BLOCKS]")) throw new PulseqFormatException(reader.Path, reader.LineNumber, "no [BLOCKS] section");
            if (numBlocksDefinition is { } n && n != file.Blocks.Count)
            {
                throw new PulseqFormatException(reader.Path, numBlocksDefinitionLine, $"Num_Blocks = {n} but [BLOCKS] has {file.Blocks.Count} rows");
            }
            string computed = reader.HashHex();
            if (signatureSeen)
            {
                if (file.SignatureHash is null) throw new PulseqFormatException(reader.Path, reader.LineNumber, "[SIGNATURE] without a Hash line");
                file.Signature = string.Equals(computed, file.SignatureHash, StringComparison.OrdinalIgnoreCase)
                    ? PulseqSignatureStatus.Valid : PulseqSignatureStatus.Invalid;
            }
        }

        private void EndSection()
        {
            if (section == "[SHAPES]") shapes.Finish();
            if (section == "[VERSION]") FinishVersion();
        }

        private void RequireVersion()
        {
            if (!versionSeen) throw reader.Error($"{section} before [VERSION]: the column layout depends on the version");
            if (!versionFinished) FinishVersion();
        }

        private void FinishVersion()
        {
            if (versionFinished) return;
            versionFinished = true;
            if (major is null || minor is null || revision is null)
            {
                throw new PulseqFormatException(reader.Path, versionLine, "[VERSION] needs major, minor and revision");
            }
            file.Version = new PulseqVersion(major.Value, minor.Value, revision.Value);
            if (!file.Version.IsSupported)
            {
                throw new PulseqFormatException(reader.Path, versionLine, $"unsupported Pulseq version {file.Version} (this reader reads 1.2.x–1.5.x)");
            }
        }

        private void ReadVersionRow(ReadOnlySpan<byte> line)
        {
            var tokens = new LineTokens(line, reader, "[VERSION]");
            string key = tokens.NextString("key");
            int value = tokens.NextInt(key, 0, 1000);
            tokens.ExpectEnd(2);
            switch (key)
            {
                case "major" when major is null: major = value; break;
                case "minor" when minor is null: minor = value; break;
                case "revision" when revision is null: revision = value; break;
                case "major" or "minor" or "revision": throw reader.Error($"[VERSION]: {key} given twice");
                default: throw reader.Error($"[VERSION]: unknown key '{key}' (expected major, minor, revision)");
            }
        }

        private void ReadDefinitionRow(ReadOnlySpan<byte> line)
        {
            var tokens = new LineTokens(line, reader, "[DEFINITIONS]");
            string key = tokens.NextString("key");
            int blank = line.IndexOfAny(" \t"u8);
            string value = blank < 0 ? "" : Encoding.UTF8.GetString(line[blank..]).Trim();
            if (file.DefinitionText(key) is not null) throw reader.Error($"[DEFINITIONS]: {key} given twice");
            if (key is "GradientRasterTime" or "RadiofrequencyRasterTime" or "AdcRasterTime" or "BlockDurationRaster")
            {
                double raster = tokens.NextDouble(key);
                tokens.ExpectEnd(2);
                if (raster <= 0 || raster > 1) throw reader.Error($"[DEFINITIONS]: {key} = {raster} s must be in (0, 1] s");
            }
            else if (key == "Num_Blocks")
            {
                numBlocksDefinition = tokens.NextInteger(key, 0, long.MaxValue);
                numBlocksDefinitionLine = reader.LineNumber;
            }
            file.Definitions.Add(new(key, value));
        }

        private void ReadSignatureRow(ReadOnlySpan<byte> line)
        {
            var tokens = new LineTokens(line, reader, "[SIGNATURE]");
            string key = tokens.NextString("key");
            string value = tokens.NextString(key);
            tokens.ExpectEnd(2);
            switch (key)
            {
                case "Type" when value.Equals("md5", StringComparison.OrdinalIgnoreCase): break;
                case "Type": throw reader.Error($"[SIGNATURE]: unsupported signature type '{value}' (only md5)");
                case "Hash" when value.Length == 32 && value.All(Uri.IsHexDigit): file.SignatureHash = value; break;
                case "Hash": throw reader.Error($"[SIGNATURE]: hash '{value}' is not 32 hexadecimal digits");
                default: throw reader.Error($"[SIGNATURE]: unknown key '{key}' (expected Type, Hash)");
            }
        }
    }
}
