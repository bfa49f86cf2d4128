namespace SeqZero.Phantoms.Loaders;

/// <summary>Smallest and largest value of one map over the voxels that carry signal (PD ≠ 0); NaN when there are none.</summary>
public readonly record struct ValueRange(double Min, double Max);

/// <summary>Headline figures of a voxel phantom for `seqzero phantom info` and run records: grid, sizes in metres, and
/// the range of each tissue map over the voxels with PD ≠ 0 (SI units: s, m²/s, Hz; |B1| relative).</summary>
public sealed record PhantomSummary(
    string Source, int SizeX, int SizeY, double VoxelSizeXMeters, double VoxelSizeYMeters, double SliceThicknessMeters,
    double FovXMeters, double FovYMeters, int CoilCount, int SignalVoxelCount,
    ValueRange ProtonDensity, ValueRange T1Seconds, ValueRange T2Seconds, ValueRange T2PrimeSeconds,
    ValueRange DiffusionSquareMetersPerSecond, ValueRange B0Hertz, ValueRange B1Magnitude)
{
    public static PhantomSummary Of(VoxelPhantom p)
    {
        int[] signal = Enumerable.Range(0, p.VoxelCount).Where(i => p.ProtonDensity[i] != 0).ToArray();
        ValueRange Range(Func<int, double> value) => signal.Length == 0 ? new ValueRange(double.NaN, double.NaN)
            : new ValueRange(signal.Min(value), signal.Max(value));
        return new PhantomSummary(p.Source, p.SizeX, p.SizeY, p.VoxelSizeXMeters, p.VoxelSizeYMeters, p.SliceThicknessMeters,
            p.FovXMeters, p.FovYMeters, p.CoilCount, signal.Length,
            Range(i => p.ProtonDensity[i]), Range(i => p.T1Seconds[i]), Range(i => p.T2Seconds[i]), Range(i => p.T2PrimeSeconds[i]),
            Range(i => p.DiffusionSquareMetersPerSecond[i]), Range(i => p.B0Hertz[i]), Range(i => p.B1[i].Magnitude));
    }
}
