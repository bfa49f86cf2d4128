namespace SeqZero.Simulation;

/// <summary>∂L/∂(every sequence parameter and tissue map) for a scalar loss L of the simulated signal. Sequence parts in
/// SI units per radian / second / (cycle/m); events numbered globally in sequence order (repetition by repetition).
/// Voxel parts follow the <see cref="SeqZero.Phantoms.VoxelSet"/> order.</summary>
public sealed class SimulationGradients
{
    public SimulationGradients(int repetitions, int events, int voxels)
    {
        FlipAngle = new double[repetitions]; Phase = new double[repetitions];
        Duration = new double[events]; MomentX = new double[events]; MomentY = new double[events]; MomentZ = new double[events];
        AdcPhase = new double[events];
        ProtonDensity = new double[voxels]; T1 = new double[voxels]; T2 = new double[voxels]; B0 = new double[voxels];
        Diffusion = new double[voxels];
        B1Magnitude = new double[voxels]; B1Phase = new double[voxels];
    }

    /// <summary>∂L/∂α per repetition [1/rad].</summary>
    public double[] FlipAngle { get; }
    /// <summary>∂L/∂φ_RF per repetition [1/rad].</summary>
    public double[] Phase { get; }
    /// <summary>∂L/∂τ per event [1/s].</summary>
    public double[] Duration { get; }
    /// <summary>∂L/∂(moment x) per event [m].</summary>
    public double[] MomentX { get; }
    public double[] MomentY { get; }
    public double[] MomentZ { get; }
    /// <summary>∂L/∂φ_ADC per event (0 where the ADC is off) [1/rad].</summary>
    public double[] AdcPhase { get; }
    public double[] ProtonDensity { get; }
    /// <summary>∂L/∂T1 per voxel [1/s].</summary>
    public double[] T1 { get; }
    public double[] T2 { get; }
    /// <summary>∂L/∂ΔB0 per voxel [1/Hz].</summary>
    public double[] B0 { get; }
    /// <summary>∂L/∂D per voxel [s/m²].</summary>
    public double[] Diffusion { get; }
    public double[] B1Magnitude { get; }
    public double[] B1Phase { get; }
}
