namespace SeqZero.Search;

/// <summary>One operation of a searched sequence: an optional instantaneous RF rotation by the nominal flip α [rad]
/// about (cos φ, sin φ, 0) (scaled by the voxel's B1+), then free precession and relaxation for the idle time τ [s].
/// A wait operation is the same without the rotation.</summary>
public readonly record struct VoxelOperation(bool IsRf, double FlipRadians, double PhaseRadians, double IdleSeconds)
{
    public static VoxelOperation Rf(double flipRadians, double phaseRadians, double idleSeconds) => new(true, flipRadians, phaseRadians, idleSeconds);

    public static VoxelOperation Wait(double idleSeconds) => new(false, 0, 0, idleSeconds);
}

/// <summary>∂L/∂(nominal flip [rad], phase [rad], idle time [s]) of one operation; flip and phase stay 0 for a wait.</summary>
public struct OperationGradient
{
    public double Flip;
    public double Phase;
    public double Idle;

    /// <summary>this += weight·other, component by component.</summary>
    public void Add(in OperationGradient other, double weight = 1)
    {
        Flip += weight * other.Flip;
        Phase += weight * other.Phase;
        Idle += weight * other.Idle;
    }
}
