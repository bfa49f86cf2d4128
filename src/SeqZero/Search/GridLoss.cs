namespace SeqZero.Search;

/// <summary>The signal-dependent part of <see cref="SearchLoss"/> (magnitude measure) from per-tissue sums, as the
/// grid search accumulates them: Σ (M0 − |s|)², Σ |s|, Σ |s|² over each tissue's voxels. Called once per grid point
/// (millions of times), so it loops by index: a foreach over the spec's lists or a LINQ sum allocates an enumerator or a
/// closure per call (0.9 GB per Table IV grid).</summary>
internal static class GridLoss
{
    public static double Value(ExperimentSpec spec, int[] count, ReadOnlySpan<double> residual, ReadOnlySpan<double> magnitude, ReadOnlySpan<double> power)
    {
        IReadOnlyList<TissueClass> signalTissues = spec.SignalTissues, nullTissues = spec.NullTissues;
        double signal = 0;
        int pooled = 0;
        for (int k = 0; k < signalTissues.Count; k++)
        {
            int t = (int)signalTissues[k];
            if (spec.SignalPerTissue) signal += count[t] > 0 ? residual[t] / count[t] : 0;
            else { signal += residual[t]; pooled += count[t]; }
        }
        if (!spec.SignalPerTissue) signal = pooled > 0 ? signal / pooled : 0;
        double total = spec.SignalWeight * signal;
        if (spec.ContrastWeight != 0)
        {
            int a = (int)spec.ContrastA, b = (int)spec.ContrastB;
            double difference = magnitude[a] / count[a] - magnitude[b] / count[b];
            total -= spec.ContrastWeight * difference * difference;
        }
        if (spec.NullWeight != 0)
            for (int k = 0; k < nullTissues.Count; k++) total += spec.NullWeight * power[(int)nullTissues[k]] / count[(int)nullTissues[k]];
        return total;
    }
}
