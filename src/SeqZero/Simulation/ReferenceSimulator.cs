using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Sequences;

namespace SeqZero.Simulation;

/// <summary>The readable oracle: double precision, one spin at a time, one event at a time, explicit 3×3 rotations.
/// Every fast engine is tested against it. Physics per repetition:
/// RF: m ← Rz(φ)·Rx(α)·Rz(−φ)·m with α = α₀·|B1|, φ = φ₀ + arg B1;
/// event of duration τ and moment g: M⊥ ← M⊥·e^{−τ/T2}·e^{−i(2π g·(r + δr) + 2π ΔB0 τ + ω τ/T2')}, Mz ← 1 + (Mz − 1)·e^{−τ/T1}
/// (m normalised to equilibrium 1; PD enters at the receiver); diffusion M⊥ ← M⊥·e^{−D·4π²τ(|k₀|² + k₀·g + |g|²/3)} along
/// the trajectory k (reset at excitation, negated at refocusing); ADC: s += e^{iφ_ADC}·Σ PD·coil·M⊥/S.</summary>
public static class ReferenceSimulator
{
    /// <param name="diffusion">Apply the diffusion attenuation (off by default, as in the fast engine).</param>
    public static SimulatedSignal Simulate(Sequence sequence, VoxelSet voxels, Isochromats isochromats, bool diffusion = false)
    {
        sequence.Validate();
        int samples = sequence.AdcCount, coils = voxels.CoilCount, spins = isochromats.Count;
        var signal = new SimulatedSignal(samples, coils);
        for (int v = 0; v < voxels.Count; v++)
        for (int j = 0; j < spins; j++)
        {
            double x = voxels.PositionXMeters[v] + isochromats.OffsetX[j] * voxels.VoxelSizeXMeters;
            double y = voxels.PositionYMeters[v] + isochromats.OffsetY[j] * voxels.VoxelSizeYMeters;
            double z = voxels.PositionZMeters[v] + isochromats.OffsetZ[j] * voxels.VoxelSizeZMeters;
            double t2Prime = voxels.T2PrimeSeconds[v];
            double offResonanceRadPerSecond = 2 * Math.PI * voxels.B0Hertz[v]
                + (double.IsPositiveInfinity(t2Prime) ? 0 : isochromats.LorentzFrequency[j] / t2Prime);
            double mx = 0, my = 0, mz = 1, kx = 0, ky = 0, kz = 0;
            double d = diffusion ? voxels.DiffusionSquareMetersPerSecond[v] : 0;
            int sample = 0;
            foreach (Repetition repetition in sequence.Repetitions)
            {
                switch (repetition.Pulse.Usage)
                {
                    case PulseUsage.Excitation: kx = ky = kz = 0; break;
                    case PulseUsage.Refocusing: kx = -kx; ky = -ky; kz = -kz; break;
                }
                double alpha = repetition.Pulse.FlipAngleRadians * voxels.B1[v].Magnitude;
                double phi = repetition.Pulse.PhaseRadians + voxels.B1[v].Phase;
                (mx, my, mz) = Rotate(mx, my, mz, alpha, phi);
                foreach (SequenceEvent e in repetition.Events)
                {
                    double tau = e.DurationSeconds;
                    double gx = e.GradientMomentXPerMeter, gy = e.GradientMomentYPerMeter, gz = e.GradientMomentZPerMeter;
                    double b = 4 * Math.PI * Math.PI * tau * (kx * kx + ky * ky + kz * kz + kx * gx + ky * gy + kz * gz + (gx * gx + gy * gy + gz * gz) / 3);
                    kx += gx; ky += gy; kz += gz;
                    double e1 = Math.Exp(-tau / voxels.T1Seconds[v]), e2 = Math.Exp(-tau / voxels.T2Seconds[v] - d * b);
                    double theta = -(2 * Math.PI * (e.GradientMomentXPerMeter * x + e.GradientMomentYPerMeter * y + e.GradientMomentZPerMeter * z)
                                     + offResonanceRadPerSecond * tau);
                    (double s, double c) = Math.SinCos(theta);
                    (mx, my) = (e2 * (c * mx - s * my), e2 * (s * mx + c * my));
                    mz = 1 + (mz - 1) * e1;
                    if (!e.AdcOn) continue;
                    Complex m = new Complex(mx, my) * Complex.FromPolarCoordinates(1, e.AdcPhaseRadians) * voxels.ProtonDensity[v] / spins;
                    for (int coil = 0; coil < coils; coil++) signal[sample, coil] += m * voxels.CoilSensitivities[coil][v];
                    sample++;
                }
            }
        }
        return signal;
    }

    /// <summary>Rz(φ)·Rx(α)·Rz(−φ)·m: right-handed rotation by α about (cos φ, sin φ, 0).</summary>
    public static (double X, double Y, double Z) Rotate(double mx, double my, double mz, double alpha, double phi)
    {
        (double sp, double cp) = Math.SinCos(phi);
        (double sa, double ca) = Math.SinCos(alpha);
        // into the frame where the axis is x, rotate about x, and back
        double x1 = cp * mx + sp * my, y1 = -sp * mx + cp * my;
        double y2 = ca * y1 - sa * mz, z2 = sa * y1 + ca * mz;
        return (cp * x1 - sp * y2, sp * x1 + cp * y2, z2);
    }
}
