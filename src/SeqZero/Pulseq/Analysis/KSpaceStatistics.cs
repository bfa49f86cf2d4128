namespace SeqZero.Pulseq.Analysis;

/// <summary>What MATLAB testReport derives from the ADC k-space positions: bins of size k_max/4·10⁶ per axis; axes whose
/// extent is below one bin are dropped; repeats = visits per bin; per remaining axis the number of distinct positions
/// (neighbouring bins merged) among first visits; resolution = 0.5/k_extent [m]; Cartesian when the distinct counts
/// multiply to the number of first visits.</summary>
public sealed record KSpaceStatistics(
    IReadOnlyList<int> Axes, IReadOnlyList<int> UniquePositions, IReadOnlyList<double> ResolutionMeters,
    double RepeatsMedian, int RepeatsMin, int RepeatsMax, IReadOnlyList<(int Positions, int Repeats)> RepeatHistogram,
    bool IsCartesian)
{
    /// <summary>Number of bins across the largest k extent (testReport's k_bins).</summary>
    public const double Bins = 4e6;

    public static KSpaceStatistics Compute(double[][] k)
    {
        int n = k[0].Length;
        double[] extent = [.. k.Select(axis => axis.Length == 0 ? 0 : axis.Max(Math.Abs))];
        double scale = extent.Max();
        if (scale == 0) return new KSpaceStatistics([], [1], [], 1, 1, 1, [], false);
        double threshold = scale / Bins;
        int[] axes = [.. Enumerable.Range(0, 3).Where(a => extent[a] >= threshold)];

        // visits per bin (all axes together); first visits are the samples whose bin count becomes 1
        var visits = new Dictionary<(long, long, long), int>();
        var firstVisit = new bool[n];
        for (int i = 0; i < n; i++)
        {
            (long, long, long) key = (Bin(k, axes, 0, i, threshold), Bin(k, axes, 1, i, threshold), Bin(k, axes, 2, i, threshold));
            int count = visits.GetValueOrDefault(key) + 1;
            visits[key] = count;
            firstVisit[i] = count == 1;
        }
        int[] counts = [.. visits.Values.Order()];
        double median = counts.Length % 2 == 1 ? counts[counts.Length / 2] : 0.5 * (counts[counts.Length / 2 - 1] + counts[counts.Length / 2]);
        (int, int)[] histogram = [.. counts.GroupBy(c => c).Select(g => (g.Count(), g.Key))];

        // distinct positions per axis among first visits, a bin's neighbours counting as the same position
        var unique = new int[axes.Length];
        int firstVisits = firstVisit.Count(f => f);
        for (int j = 0; j < axes.Length; j++)
        {
            var seen = new HashSet<long>();
            for (int i = 0; i < n; i++)
            {
                if (!firstVisit[i]) continue;
                long key = (long)Math.Round(k[axes[j]][i] / threshold);
                if (!seen.Contains(key) && !seen.Contains(key + 1) && !seen.Contains(key - 1)) seen.Add(key);
            }
            unique[j] = seen.Count;
        }
        bool cartesian = unique.Aggregate(1L, (p, u) => p * u) == firstVisits;
        return new KSpaceStatistics(axes, unique, [.. axes.Select(a => 0.5 / extent[a])], median, counts[0], counts[^1], histogram, cartesian);
    }

    private static long Bin(double[][] k, int[] axes, int j, int i, double threshold) =>
        j < axes.Length ? (long)Math.Round(k[axes[j]][i] / threshold) : 0;
}
