namespace SeqZero.Search;

/// <summary>The optimum of a two-RF grid search: RF1 (θ1, phase 0) idle Δt1, RF2 (θ2, φ2) idle Δt2; angles in degrees,
/// times in seconds; <see cref="Loss"/> is the experiment's full loss on the evaluation voxels.</summary>
public sealed record GridResult(string Experiment, long Combinations, double Seconds, double Loss,
    double Flip1Degrees, double Flip2Degrees, double Phase2Degrees, double Idle1Seconds, double Idle2Seconds)
{
    public VoxelOperation[] Operations() =>
    [
        VoxelOperation.Rf(Flip1Degrees * Math.PI / 180, 0, Idle1Seconds),
        VoxelOperation.Rf(Flip2Degrees * Math.PI / 180, Phase2Degrees * Math.PI / 180, Idle2Seconds),
    ];
}
