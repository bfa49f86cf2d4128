using System.Numerics;
using SeqZero.Phantoms;

namespace SeqZero.Learning;

/// <summary>Ranges of the synthetic tissue drawn for sparse training samples: T1, T2 and T2' log-uniform [s] (T2 ≤ T1),
/// B0 uniform in ±<see cref="B0MaxHertz"/> [Hz].</summary>
public sealed record SparseTissueRanges
{
    public double T1MinSeconds { get; init; } = 0.3;
    public double T1MaxSeconds { get; init; } = 4.0;
    public double T2MinSeconds { get; init; } = 0.03;
    public double T2MaxSeconds { get; init; } = 2.0;
    public double T2PrimeMinSeconds { get; init; } = 0.05;
    public double T2PrimeMaxSeconds { get; init; } = 0.5;
    public double B0MaxHertz { get; init; } = 10;
}

/// <summary>The MRzero paper's sparse synthetic training set (§3.1.1): each sample holds a few voxels of PD 1 (one by
/// default) at random positions of a phantom's grid, each with random T1/T2/T2'/B0, B1 = 1 and one coil of sensitivity 1.
/// A forward pass simulates only those voxels, a small fraction of a full phantom.</summary>
public static class SparseTrainingSet
{
    /// <summary><paramref name="count"/> samples on the grid of <paramref name="grid"/> (its maps are not used), drawn from
    /// a generator seeded with <paramref name="seed"/>: same seed, same set.</summary>
    public static VoxelSet[] Create(VoxelPhantom grid, int count, int seed, SparseTissueRanges? ranges = null, int voxelsPerSample = 1)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one training sample is needed.");
        if (voxelsPerSample < 1) throw new ArgumentOutOfRangeException(nameof(voxelsPerSample), voxelsPerSample, "A sample needs at least one voxel.");
        ranges ??= new SparseTissueRanges();
        var random = new Random(seed);
        var samples = new VoxelSet[count];
        for (int i = 0; i < count; i++)
        {
            var set = new VoxelSet(voxelsPerSample, 1, grid.VoxelSizeXMeters, grid.VoxelSizeYMeters, grid.SliceThicknessMeters);
            for (int v = 0; v < voxelsPerSample; v++)
            {
                int x = random.Next(grid.SizeX), y = random.Next(grid.SizeY);
                set.MapIndex[v] = grid.Index(x, y);
                set.PositionXMeters[v] = grid.PositionX(x);
                set.PositionYMeters[v] = grid.PositionY(y);
                set.ProtonDensity[v] = 1;
                double t1 = LogUniform(random, ranges.T1MinSeconds, ranges.T1MaxSeconds);
                set.T1Seconds[v] = t1;
                set.T2Seconds[v] = LogUniform(random, ranges.T2MinSeconds, Math.Min(ranges.T2MaxSeconds, t1));
                set.T2PrimeSeconds[v] = LogUniform(random, ranges.T2PrimeMinSeconds, ranges.T2PrimeMaxSeconds);
                set.B0Hertz[v] = ranges.B0MaxHertz * (2 * random.NextDouble() - 1);
                set.B1[v] = Complex.One;
                set.CoilSensitivities[0][v] = Complex.One;
            }
            samples[i] = set;
        }
        return samples;
    }

    private static double LogUniform(Random random, double min, double max) =>
        min * Math.Pow(max / min, random.NextDouble());
}
