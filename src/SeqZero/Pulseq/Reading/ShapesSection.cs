using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Reading;

/// <summary>[SHAPES]: "shape_id N", "num_samples M", then the (coded) values one per line until the next shape_id or
/// section. Decodes each shape with <see cref="ShapeCompression"/> as soon as it is complete.</summary>
internal sealed class ShapesSection(PulseqFile file, SeqLineReader reader)
{
    private int shapeId, shapeLine, numSamples = -1;
    private readonly List<double> packed = [];

    public void ReadRow(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("shape_id"u8))
        {
            Finish();
            var t = new LineTokens(line, reader, "[SHAPES]");
            t.Next("keyword");
            shapeId = t.NextInt("shape_id", 1, int.MaxValue);
            t.ExpectEnd(2);
            shapeLine = reader.LineNumber;
            if (file.Shapes.TryGetValue(shapeId, out PulseqShape? previous))
            {
                throw reader.Error($"shape id {shapeId} defined twice (first at line {previous.Line})");
            }
            numSamples = -1;
            return;
        }
        if (shapeId == 0) throw reader.Error("[SHAPES]: data before the first shape_id");
        if (line.StartsWith("num_samples"u8))
        {
            if (numSamples >= 0) throw reader.Error($"[SHAPES]: shape {shapeId} has num_samples twice");
            var t = new LineTokens(line, reader, "[SHAPES]");
            t.Next("keyword");
            long n = t.NextInteger("num_samples", 1, long.MaxValue);
            t.ExpectEnd(2);
            if (n > ShapeCompression.MaxSamples)
            {
                throw reader.Error($"[SHAPES]: shape {shapeId} num_samples = {n} exceeds the limit of {ShapeCompression.MaxSamples}");
            }
            numSamples = (int)n;
            return;
        }
        if (numSamples < 0) throw reader.Error($"[SHAPES]: shape {shapeId} has values before num_samples");
        var values = new LineTokens(line, reader, "[SHAPES]");
        while (!values.IsAtEnd)
        {
            // a run code "v v r" expands at most r + 2 ≤ num_samples + 2 samples from 3 values, so a valid list has at most
            // 1.5·num_samples + 3 values; refusing longer lists bounds memory by num_samples, which is itself bounded
            if (packed.Count > numSamples + numSamples / 2 + 3)
            {
                throw reader.Error($"[SHAPES]: shape {shapeId} has more values than num_samples = {numSamples} can code");
            }
            packed.Add(values.NextDouble("sample"));
        }
    }

    public void Finish()
    {
        if (shapeId == 0) return;
        if (numSamples < 0) throw new PulseqFormatException(reader.Path, shapeLine, $"[SHAPES]: shape {shapeId} lacks num_samples");
        double[]? samples = ShapeCompression.Decompress(
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(packed), numSamples, file.Version.AtLeast(1, 4), out string? error);
        if (samples is null) throw new PulseqFormatException(reader.Path, shapeLine, $"[SHAPES]: shape {shapeId}: {error}");
        file.Shapes.Add(shapeId, new PulseqShape(shapeLine, samples));
        packed.Clear();
        shapeId = 0;
    }
}
