namespace SeqZero.Sequences;

/// <summary>An instantaneous RF rotation by <see cref="FlipAngleRadians"/> about the transverse axis
/// (cos φ, sin φ, 0), right-handed; from equilibrium it gives M⊥ = −i·sin α·e^{iφ}.</summary>
public sealed class RfPulse
{
    public RfPulse(double flipAngleRadians, double phaseRadians, PulseUsage usage)
    {
        FlipAngleRadians = flipAngleRadians;
        PhaseRadians = phaseRadians;
        Usage = usage;
    }

    /// <summary>Nominal flip angle α [rad]; a voxel's B1 magnitude scales it.</summary>
    public double FlipAngleRadians { get; set; }

    /// <summary>Phase φ of the rotation axis [rad]; a voxel's B1 phase adds to it.</summary>
    public double PhaseRadians { get; set; }

    public PulseUsage Usage { get; set; }

    public RfPulse Clone() => new(FlipAngleRadians, PhaseRadians, Usage);
}
