namespace SeqZero.Search;

/// <summary>One layer of the supernet: candidate operations with their weight parameters (flip [rad], phase [rad],
/// u = log(idle + offset) [log s]) and the architecture parameters α (one per candidate; p = softmax(α)) with their
/// Adam state. Candidates 0 … RfOperations−1 are RF operations, the rest wait operations.</summary>
public sealed class SupernetLayer
{
    internal SupernetLayer(int candidates, int rfOperations, double architectureLearningRate, double architectureBeta1)
    {
        IsRf = [.. Enumerable.Range(0, candidates).Select(c => c < rfOperations)];
        Flip = new double[candidates]; Phase = new double[candidates]; LogIdle = new double[candidates];
        Alpha = new double[candidates];
        ArchitectureOptimizer = new Adam(candidates, architectureLearningRate, architectureBeta1);
    }

    public int Count => Alpha.Length;
    public bool[] IsRf { get; }
    public double[] Flip { get; }
    public double[] Phase { get; }
    public double[] LogIdle { get; }
    public double[] Alpha { get; }
    internal Adam ArchitectureOptimizer { get; }

    /// <summary>p = softmax(α), computed with the maximum subtracted.</summary>
    public double[] Probabilities()
    {
        double max = Alpha.Max();
        double[] e = [.. Alpha.Select(a => Math.Exp(a - max))];
        double sum = e.Sum();
        return [.. e.Select(x => x / sum)];
    }

    /// <summary>The candidate with the largest α (the lowest index on ties): the final choice of this layer.</summary>
    public int Argmax()
    {
        int best = 0;
        for (int c = 1; c < Count; c++) if (Alpha[c] > Alpha[best]) best = c;
        return best;
    }
}
