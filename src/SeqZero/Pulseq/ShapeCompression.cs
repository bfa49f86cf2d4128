namespace SeqZero.Pulseq;

/// <summary>The Pulseq shape coding (specification §"Shapes"): samples s are stored as their derivative
/// d₀ = s₀, dₖ = sₖ − sₖ₋₁, and a run of equal derivative values v v v … is stored as "v v r" where r = run length − 2.
/// From 1.4 on, a stored list as long as num_samples is the samples themselves (uncompressed); 1.2/1.3 always code.</summary>
public static class ShapeCompression
{
    /// <summary>Longest shape accepted [samples] (2²⁴ ≈ 16.8 M, 128 MB as doubles): refuses hostile num_samples before allocating.</summary>
    public const int MaxSamples = 1 << 24;

    /// <summary>Expands coded values into <paramref name="numSamples"/> samples. Returns null with <paramref name="error"/>
    /// set when the code is malformed (non-integral or negative run length, wrong total).</summary>
    public static double[]? Decompress(ReadOnlySpan<double> packed, int numSamples, bool storedRawWhenFullLength, out string? error)
    {
        error = null;
        if (storedRawWhenFullLength && packed.Length == numSamples) return packed.ToArray();

        var samples = new double[numSamples];
        int written = 0, i = 0;
        while (i < packed.Length)
        {
            double value = packed[i];
            int run = 1;
            if (i + 1 < packed.Length && packed[i + 1] == value)
            {
                if (i + 2 >= packed.Length)
                {
                    error = $"run of {value} at coded value {i + 1} lacks its repeat count";
                    return null;
                }
                double repeat = packed[i + 2];
                if (repeat < 0 || repeat != Math.Floor(repeat) || repeat > numSamples)
                {
                    error = $"repeat count {repeat} at coded value {i + 3} is not an integer in [0, {numSamples}]";
                    return null;
                }
                run = (int)repeat + 2;
                i += 3;
            }
            else
            {
                i++;
            }
            if (run > numSamples - written)
            {
                error = $"coded values expand to more than num_samples = {numSamples}";
                return null;
            }
            samples.AsSpan(written, run).Fill(value);
            written += run;
        }
        if (written != numSamples)
        {
            error = $"coded values expand to {written} samples, num_samples says {numSamples}";
            return null;
        }
        for (int k = 1; k < samples.Length; k++) samples[k] += samples[k - 1]; // derivative → samples
        return samples;
    }

    /// <summary>Quantum of the derivative coding [shape units] (MATLAB compressShape: 1e-7); coded values are integer
    /// multiples of it, so that decoding (a cumulative sum) does not accumulate rounding errors.</summary>
    public const double Quantum = 1e-7;

    /// <summary>Codes samples as MATLAB's compressShape does: nₖ = round(sₖ / <see cref="Quantum"/>), derivative
    /// dₖ = (nₖ − nₖ₋₁)·Quantum, runs of equal dₖ as "v v r". Returns the uncompressed samples instead (and
    /// <paramref name="compressed"/> = false) when coding does not make the list shorter.</summary>
    public static double[] Compress(ReadOnlySpan<double> samples, out bool compressed)
    {
        var packed = new List<double>();
        long previous = 0;
        long runValue = 0;
        int runLength = 0;
        for (int k = 0; k <= samples.Length; k++)
        {
            bool atEnd = k == samples.Length;
            long current = atEnd ? 0 : (long)Math.Round(samples[k] / Quantum);
            long derivative = current - previous;
            previous = current;
            if (!atEnd && runLength > 0 && derivative == runValue)
            {
                runLength++;
                continue;
            }
            if (runLength == 1) packed.Add(runValue * Quantum);
            else if (runLength >= 2)
            {
                packed.Add(runValue * Quantum);
                packed.Add(runValue * Quantum);
                packed.Add(runLength - 2);
            }
            if (packed.Count >= samples.Length) break; // not shorter: give up early
            runValue = derivative;
            runLength = 1;
        }
        compressed = packed.Count < samples.Length;
        return compressed ? [.. packed] : samples.ToArray();
    }
}
