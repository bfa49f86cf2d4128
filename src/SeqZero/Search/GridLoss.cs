namespace SeqZero.Search;

/// <summary>The signal-dependent part of <see cref="SearchLoss"/> (magnitude measure) from per-tissue sums, as the
/// grid search accumulates them: Σ (M0 − |s|)², Σ |s|, Σ |s|² over each tissue's voxels.</summary>
internal static class GridLoss
{
    public static double Value(ExperimentSpec spec, int[] count, ReadOnlySpan<double> residual, ReadOnlySpan<double> magnitude, ReadOnlySpan<double> power)
    {
        double signal = 0;
        if (spec.SignalPerTissue)
            foreach (TissueClass t in spec.SignalTissues) signal += count[(int)t] > 0 ? residual[(int)t] / count[(int)t] : 0;
        else
        {
            int n = spec.SignalTissues.Sum(t => count[(int)t]);
            foreach (TissueClass t in spec.SignalTissues) signal += residual[(int)t];
            signal = n > 0 ? signal / n : 0;
        }
        double total = spec.SignalWeight * signal;
        if (spec.ContrastWeight != 0)
        {
            int a = (int)spec.ContrastA, b = (int)spec.ContrastB;
            double difference = magnitude[a] / count[a] - magnitude[b] / count[b];
            total -= spec.ContrastWeight * difference * difference;
        }
        if (spec.NullWeight != 0)
            foreach (TissueClass t in spec.NullTissues) total += spec.NullWeight * power[(int)t] / count[(int)t];
        return total;
    }
}
