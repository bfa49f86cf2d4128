using System.Numerics;

namespace SeqZero.Simulation.Blocks;

/// <summary>One piece of a time-resolved sequence within which the fields are taken as constant: duration [s], RF field
/// as γ̄·B1 [Hz] (complex: x + iy in the rotating frame; zero when the RF is off), the gradient moment the piece adds
/// [cycles/m] (its mean gradient is moment/duration), and whether the ADC samples at its end, with receiver phase.</summary>
public readonly record struct TimeSegment(double DurationSeconds, Complex RfHertz, double MomentX, double MomentY, double MomentZ,
    bool Sample = false, double AdcPhaseRadians = 0)
{
    public bool HasRf => RfHertz != Complex.Zero;
}
