namespace SeqZero.Pulseq.Writing;

/// <summary>Shape coding for binary files, whose values are float32: the derivative coding of
/// <see cref="ShapeCompression"/> (d₀ = s₀, dₖ = sₖ − ŝₖ₋₁, runs of equal values as "v v r"), where each dₖ is rounded
/// to float32 against the sample the reader will have reconstructed (ŝₖ = ŝₖ₋₁ + dₖ in double, as it decodes), so
/// rounding errors do not accumulate; runs are found on the float32 values, so no rounding can fake a run marker.
/// Returns the samples themselves (as float32) when the code is not shorter.</summary>
internal static class BinaryShapeCoding
{
    public static float[] Code(double[] samples)
    {
        var coded = new List<float>();
        double reconstructed = 0;
        float runValue = 0;
        int runLength = 0;
        for (int k = 0; k <= samples.Length && coded.Count < samples.Length; k++)
        {
            bool atEnd = k == samples.Length;
            float derivative = atEnd ? 0 : (float)(samples[k] - reconstructed);
            if (!atEnd) reconstructed += derivative;
            if (!atEnd && runLength > 0 && derivative == runValue)
            {
                runLength++;
                continue;
            }
            if (runLength == 1) coded.Add(runValue);
            else if (runLength >= 2)
            {
                coded.Add(runValue);
                coded.Add(runValue);
                coded.Add(runLength - 2);
            }
            runValue = derivative;
            runLength = 1;
        }
        return coded.Count < samples.Length ? [.. coded] : [.. samples.Select(s => (float)s)];
    }
}
