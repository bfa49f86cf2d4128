using SeqZero.Search;

namespace SeqZero.Tests.Search;

/// <summary>Small voxel sets and operation chains shared by the Search tests.</summary>
internal static class SearchTestData
{
    /// <summary>Three RF pulses at ΔtRF = 6.2 ms and two equal waits, as a supernet path often is.</summary>
    public static VoxelOperation[] RepeatedIdleOperations() =>
    [
        VoxelOperation.Rf(1.4, 0.2, 0.0062), VoxelOperation.Rf(2.9, 1.1, 0.0062), VoxelOperation.Wait(0.02),
        VoxelOperation.Rf(0.8, -0.6, 0.0062), VoxelOperation.Wait(0.02),
    ];

    /// <summary>A random five-operation chain with RF and wait operations and idle times from 1 ms to 0.5 s.</summary>
    public static VoxelOperation[] RandomOperations(int seed)
    {
        var random = new Random(seed);
        return
        [
            VoxelOperation.Rf(0.3 + 2.5 * random.NextDouble(), 6 * random.NextDouble() - 3, 0.0062 + 0.01 * random.NextDouble()),
            VoxelOperation.Wait(0.001 + 0.5 * random.NextDouble()),
            VoxelOperation.Rf(0.3 + 2.5 * random.NextDouble(), 6 * random.NextDouble() - 3, 0.0062 + 0.01 * random.NextDouble()),
            VoxelOperation.Rf(0.3 + 2.5 * random.NextDouble(), 6 * random.NextDouble() - 3, 0.0062 + 0.03 * random.NextDouble()),
            VoxelOperation.Wait(0.001 + 0.02 * random.NextDouble()),
        ];
    }

    public static VoxelDataSet SmallDataSet(int count = 30, int seed = 3, bool equalT1 = false) =>
        VoxelDataSet.Generate(new VoxelDataSetOptions { Count = count, Seed = seed, Tissues = TissueDistribution.TableI(equalT1) });

    public static int[] All(VoxelDataSet voxels) => [.. Enumerable.Range(0, voxels.Count)];

    public static double Degrees(double radians) => radians * 180 / Math.PI;

    public static double Radians(double degrees) => degrees * Math.PI / 180;
}
