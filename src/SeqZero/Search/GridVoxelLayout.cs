using System.Numerics;
using System.Runtime.InteropServices;

namespace SeqZero.Search;

/// <summary>The evaluation voxels of a grid search grouped by tissue, each group padded to whole float SIMD vectors.
/// Padding slots have <see cref="Voxel"/> = −1 and M0 = 0, so with P = Q = W = 0 they add nothing to any sum.</summary>
internal sealed class GridVoxelLayout
{
    public GridVoxelLayout(VoxelDataSet voxels)
    {
        Voxels = voxels;
        int width = Vector<float>.Count;
        var groups = TissueClasses.All.Select(t => Enumerable.Range(0, voxels.Count).Where(v => voxels.Tissue[v] == t).ToArray()).ToArray();
        Count = [.. groups.Select(g => g.Length)];
        Start = new int[TissueClasses.Count + 1];
        for (int t = 0; t < groups.Length; t++) Start[t + 1] = Start[t] + (groups[t].Length + width - 1) / width * width;
        Voxel = new int[Padded];
        Array.Fill(Voxel, -1);
        M0 = new float[Padded];
        for (int t = 0; t < groups.Length; t++)
        for (int i = 0; i < groups[t].Length; i++)
        {
            Voxel[Start[t] + i] = groups[t][i];
            M0[Start[t] + i] = (float)voxels.M0[groups[t][i]];
        }
    }

    public VoxelDataSet Voxels { get; }
    /// <summary>Voxels per tissue (without padding).</summary>
    public int[] Count { get; }
    /// <summary>First padded slot of each tissue; Start[3] = total padded length.</summary>
    public int[] Start { get; }
    public int Padded => Start[^1];
    public int[] Voxel { get; }
    public float[] M0 { get; }

    /// <summary>A per-slot table: <paramref name="ofVoxelAndSlot"/>(voxel, slot) for every filled slot, 0 in padding.</summary>
    public T[] PerSlot<T>(Func<int, int, T> ofVoxelAndSlot) where T : struct
    {
        var table = new T[Padded];
        for (int i = 0; i < Padded; i++) if (Voxel[i] >= 0) table[i] = ofVoxelAndSlot(Voxel[i], i);
        return table;
    }

    /// <summary>The slots [start, end) of a per-slot float table as whole SIMD vectors (tissue groups are padded to them).</summary>
    public static Span<Vector<float>> Vectors(float[] table, int start, int end) => MemoryMarshal.Cast<float, Vector<float>>(table.AsSpan(start, end - start));

    public static Span<Vector<float>> Vectors(float[] table) => MemoryMarshal.Cast<float, Vector<float>>(table.AsSpan());
}
