using System.Numerics;

namespace SeqZero.Search;

/// <summary>|Mxy|(t) of a design for the nominal voxels (the tissue table's means, B1 = 1, ΔB0 = 0), as Fig. 4d–f of the paper:
/// the design is cut at each time t (the operation running at t shortened) and simulated to its end.</summary>
public static class DesignTimeline
{
    /// <summary>Times [s] from <paramref name="fromSeconds"/> (default: the first RF) to the readout, evenly spaced, and
    /// |s| per tissue (GM, WM, CSF) at each.</summary>
    public static (double[] TimesSeconds, double[][] Signals) Transverse(IReadOnlyList<VoxelOperation> ops, SpinSet spins, IReadOnlyList<TissueDistribution> tissues, int points = 400,
        double fromSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(ops);
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "At least two time points are needed.");
        double total = ops.Sum(o => o.IdleSeconds);
        if (!(fromSeconds >= 0 && fromSeconds < total))
            throw new ArgumentOutOfRangeException(nameof(fromSeconds), fromSeconds, $"The window must start in [0, {total} s).");
        VoxelDataSet nominal = VoxelDataSet.Nominal(tissues);
        int[] all = [.. Enumerable.Range(0, nominal.Count)];
        var simulator = new VoxelSimulator<double>(spins);
        double[] times = [.. Enumerable.Range(0, points).Select(i => fromSeconds + (total - fromSeconds) * i / (points - 1))];
        double[][] signals = [.. all.Select(_ => new double[points])];
        var s = new Complex[nominal.Count];
        for (int i = 0; i < points; i++)
        {
            simulator.Simulate(Truncate(ops, times[i]), nominal, all, s);
            for (int v = 0; v < all.Length; v++) signals[v][i] = s[v].Magnitude;
        }
        return (times, signals);
    }

    /// <summary>The operations up to time t [s]: every operation that starts at or before t, the last one's idle time cut at t.</summary>
    public static VoxelOperation[] Truncate(IReadOnlyList<VoxelOperation> ops, double t)
    {
        var result = new List<VoxelOperation>();
        double start = 0;
        foreach (VoxelOperation op in ops)
        {
            if (start > t) break;
            result.Add(op with { IdleSeconds = Math.Min(op.IdleSeconds, t - start) });
            start += op.IdleSeconds;
        }
        return [.. result];
    }
}
