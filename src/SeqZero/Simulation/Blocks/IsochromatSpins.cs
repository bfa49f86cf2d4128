using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Sequences;

namespace SeqZero.Simulation.Blocks;

/// <summary>Bridges between the two engines: the isochromats of a voxel set as a point-spin list (each at r + δr, with its
/// T2' frequency ωⱼ/(2π·T2') added to ΔB0, PD/S and the voxel's B1), and a SeqZero sequence with its instantaneous pulses replaced by
/// hard pulses of finite duration. With both, the block engine reproduces the fast engine as the pulses get short.</summary>
public static class IsochromatSpins
{
    public static SpinPhantom FromVoxels(VoxelSet voxels, Isochromats isochromats)
    {
        int s = isochromats.Count;
        var spins = new SpinPhantom(voxels.Count * s, "voxel set");
        for (int v = 0; v < voxels.Count; v++)
        for (int j = 0; j < s; j++)
        {
            int i = v * s + j;
            spins.XMeters[i] = voxels.PositionXMeters[v] + isochromats.OffsetX[j] * voxels.VoxelSizeXMeters;
            spins.YMeters[i] = voxels.PositionYMeters[v] + isochromats.OffsetY[j] * voxels.VoxelSizeYMeters;
            spins.ZMeters[i] = voxels.PositionZMeters[v] + isochromats.OffsetZ[j] * voxels.VoxelSizeZMeters;
            spins.ProtonDensity[i] = voxels.ProtonDensity[v] / s;
            spins.T1Seconds[i] = voxels.T1Seconds[v];
            spins.T2Seconds[i] = voxels.T2Seconds[v];
            spins.T2PrimeSeconds[i] = double.PositiveInfinity;
            spins.B1[i] = voxels.B1[v];
            double t2Prime = voxels.T2PrimeSeconds[v];
            spins.B0Hertz[i] = voxels.B0Hertz[v] + (double.IsPositiveInfinity(t2Prime) ? 0 : isochromats.LorentzFrequency[j] / (2 * Math.PI * t2Prime));
        }
        return spins;
    }

    /// <summary>Point spins with a finite T2' become <paramref name="count"/> sub-spins each (same place, PD/count) whose
    /// frequencies ωⱼ/(2π·T2') follow the deterministic Cauchy quantiles of <see cref="Isochromats.Deterministic"/>, so the
    /// spin's FID decays as e^{−t/T2*}; spins with T2' = ∞ stay single. The block engine itself treats spins as points.</summary>
    public static SpinPhantom ExpandT2Prime(SpinPhantom spins, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one sub-spin per spin.");
        double[] omega = Isochromats.Deterministic(count).LorentzFrequency;
        int total = 0;
        for (int i = 0; i < spins.Count; i++) total += double.IsPositiveInfinity(spins.T2PrimeSeconds[i]) ? 1 : count;
        var result = new SpinPhantom(total, spins.Source);
        result.SetCoilSensitivities([.. Enumerable.Range(0, spins.CoilCount).Select(_ => new System.Numerics.Complex[total])]);
        int k = 0;
        for (int i = 0; i < spins.Count; i++)
        {
            bool spread = !double.IsPositiveInfinity(spins.T2PrimeSeconds[i]);
            int n = spread ? count : 1;
            for (int j = 0; j < n; j++, k++)
            {
                result.XMeters[k] = spins.XMeters[i]; result.YMeters[k] = spins.YMeters[i]; result.ZMeters[k] = spins.ZMeters[i];
                result.ProtonDensity[k] = spins.ProtonDensity[i] / n;
                result.T1Seconds[k] = spins.T1Seconds[i]; result.T2Seconds[k] = spins.T2Seconds[i];
                result.T2PrimeSeconds[k] = double.PositiveInfinity;
                result.B0Hertz[k] = spins.B0Hertz[i] + (spread ? omega[j] / (2 * Math.PI * spins.T2PrimeSeconds[i]) : 0);
                result.B1[k] = spins.B1[i];
                for (int c = 0; c < spins.CoilCount; c++) result.CoilSensitivities[c][k] = spins.CoilSensitivities[c][i];
            }
        }
        return result;
    }

    /// <summary>Each instantaneous pulse becomes a hard pulse of <paramref name="pulseSeconds"/> centred on its instant:
    /// half is taken from the end of the previous repetition's last event and half from the start of the repetition's
    /// first event (both must be long enough; the first pulse starts at t = −τ/2). Events keep their moments (spread
    /// uniformly over the event); ADCs sample at event ends.</summary>
    public static SegmentedSequence WithHardPulses(Sequence sequence, double pulseSeconds, int stepsPerPulse = 16)
    {
        var result = new SegmentedSequence();
        double half = pulseSeconds / 2;
        for (int r = 0; r < sequence.Repetitions.Count; r++)
        {
            Repetition rep = sequence.Repetitions[r];
            result.HardPulse(pulseSeconds, rep.Pulse.FlipAngleRadians, rep.Pulse.PhaseRadians, stepsPerPulse);
            bool lastRepetition = r == sequence.Repetitions.Count - 1;
            for (int e = 0; e < rep.Events.Count; e++)
            {
                SequenceEvent ev = rep.Events[e];
                double duration = ev.DurationSeconds - (e == 0 ? half : 0) - (e == rep.Events.Count - 1 && !lastRepetition ? half : 0);
                if (duration < 0)
                    throw new ArgumentException($"Repetition {r} event {e} ({ev.DurationSeconds * 1e3:G4} ms) is too short to make room for a {pulseSeconds * 1e3:G4} ms pulse.", nameof(pulseSeconds));
                result.Free(duration, ev.GradientMomentXPerMeter, ev.GradientMomentYPerMeter, ev.GradientMomentZPerMeter, ev.AdcOn, ev.AdcPhaseRadians);
            }
        }
        return result;
    }
}
