namespace SeqZero.Search;

/// <summary>How a synthetic voxel data set is drawn (Section II.C and Table I of the Sequence Search paper).
/// B1+ is a relative flip-angle scale; ΔB0 in Hz.</summary>
public sealed record VoxelDataSetOptions
{
    /// <summary>The paper's data set size.</summary>
    public const int PaperVoxelCount = 100_000;

    public int Count { get; init; } = PaperVoxelCount;
    /// <summary>Seed of the data set; the same seed always gives the same voxels.</summary>
    public int Seed { get; init; }
    /// <summary>The GM, WM and CSF distributions (<see cref="TissueDistribution.TableI"/>; its equal-T1 variant for
    /// Experiment 2, or a physicist's own values).</summary>
    public IReadOnlyList<TissueDistribution> Tissues { get; init; } = TissueDistribution.TableI();
    public double B1Min { get; init; } = 0.8;
    public double B1Max { get; init; } = 1.2;
    public double B0MinHertz { get; init; } = -50;
    public double B0MaxHertz { get; init; } = 50;
}
