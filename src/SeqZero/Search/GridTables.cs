namespace SeqZero.Search;

/// <summary>Per-voxel factors of the two-RF closed form, one array over the padded grid voxels per grid value:
/// sin a1, cos a1, sin a2, cos²(a2/2) with aᵢ = B1·θᵢ; E2(Δt1), E1(Δt1), E2(Δt2); M0 (0 in padding slots).</summary>
internal sealed class GridTables
{
    public GridTables(GridVoxelLayout layout, double[] flip1, double[] flip2, double[] idle1, double[] idle2)
    {
        VoxelDataSet voxels = layout.Voxels;
        double[][] PerVoxel(double[] values, Func<int, double, double> f) => [.. values.Select(x => layout.PerSlot((v, _) => f(v, x)))];
        Sin1 = PerVoxel(flip1, (v, a) => Math.Sin(voxels.B1[v] * a));
        Cos1 = PerVoxel(flip1, (v, a) => Math.Cos(voxels.B1[v] * a));
        Sin2 = PerVoxel(flip2, (v, a) => Math.Sin(voxels.B1[v] * a));
        HalfCos2 = PerVoxel(flip2, (v, a) => (1 + Math.Cos(voxels.B1[v] * a)) / 2);
        E2First = PerVoxel(idle1, (v, t) => Math.Exp(-t / voxels.T2Seconds[v]));
        E1First = PerVoxel(idle1, (v, t) => Math.Exp(-t / voxels.T1Seconds[v]));
        E2Second = PerVoxel(idle2, (v, t) => Math.Exp(-t / voxels.T2Seconds[v]));
        M0 = layout.PerSlot((v, _) => voxels.M0[v]);
    }

    public double[][] Sin1 { get; }
    public double[][] Cos1 { get; }
    public double[][] Sin2 { get; }
    public double[][] HalfCos2 { get; }
    public double[][] E2First { get; }
    public double[][] E1First { get; }
    public double[][] E2Second { get; }
    public double[] M0 { get; }
}
