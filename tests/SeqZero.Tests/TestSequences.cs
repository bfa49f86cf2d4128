using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Sequences;

namespace SeqZero.Tests;

/// <summary>Random sequences and voxel sets for engine comparisons and gradient checks (seeded, so reproducible).</summary>
internal static class TestSequences
{
    public static Sequence Random(int seed, int repetitions = 4, int eventsPerRepetition = 5)
    {
        var random = new Random(seed);
        PulseUsage[] usages = [PulseUsage.Excitation, PulseUsage.Refocusing, PulseUsage.Undefined, PulseUsage.Storage];
        var reps = new List<Repetition>();
        for (int r = 0; r < repetitions; r++)
        {
            var events = new List<SequenceEvent>();
            for (int e = 0; e < eventsPerRepetition; e++)
            {
                events.Add(new SequenceEvent(
                    durationSeconds: 1e-3 + 4e-3 * random.NextDouble(),
                    gradientMomentXPerMeter: 200 * (random.NextDouble() - 0.5),
                    gradientMomentYPerMeter: 200 * (random.NextDouble() - 0.5),
                    gradientMomentZPerMeter: 50 * (random.NextDouble() - 0.5),
                    adcOn: random.NextDouble() < 0.6,
                    adcPhaseRadians: 2 * Math.PI * random.NextDouble()));
            }
            var pulse = new RfPulse(Math.PI * random.NextDouble(), 2 * Math.PI * random.NextDouble(), usages[r % usages.Length]);
            reps.Add(new Repetition(pulse, events));
        }
        return new Sequence(reps, $"random-{seed}");
    }

    /// <summary>A few voxels with different tissue, off-resonance, B1 and two coils.</summary>
    public static VoxelSet Voxels(int seed, int count = 5, int coils = 2, bool sharedT2Prime = false)
    {
        var random = new Random(seed);
        var set = new VoxelSet(count, coils, 4e-3, 5e-3, 6e-3);
        for (int v = 0; v < count; v++)
        {
            set.PositionXMeters[v] = 0.05 * (random.NextDouble() - 0.5);
            set.PositionYMeters[v] = 0.05 * (random.NextDouble() - 0.5);
            set.PositionZMeters[v] = 0.01 * (random.NextDouble() - 0.5);
            set.ProtonDensity[v] = 0.5 + random.NextDouble();
            set.T1Seconds[v] = 0.3 + random.NextDouble();
            set.T2Seconds[v] = 0.02 + 0.1 * random.NextDouble();
            set.T2PrimeSeconds[v] = sharedT2Prime ? 0.03 : 0.01 + 0.05 * random.NextDouble();
            set.B0Hertz[v] = 40 * (random.NextDouble() - 0.5);
            // strong enough that e^{−D·b} matters at these moments (b ~ 10³ s/m²), and ≥ the central-difference step
            set.DiffusionSquareMetersPerSecond[v] = 2e-5 + 2e-4 * random.NextDouble();
            set.B1[v] = Complex.FromPolarCoordinates(0.8 + 0.4 * random.NextDouble(), 0.3 * (random.NextDouble() - 0.5));
            for (int c = 0; c < coils; c++)
                set.CoilSensitivities[c][v] = Complex.FromPolarCoordinates(0.5 + random.NextDouble(), 2 * Math.PI * random.NextDouble());
        }
        return set;
    }

    /// <summary>Relative L2 distance ‖a − b‖/‖b‖.</summary>
    public static double RelativeError(IReadOnlyList<Complex> a, IReadOnlyList<Complex> b)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < b.Count; i++)
        {
            diff += (a[i] - b[i]).Magnitude * (a[i] - b[i]).Magnitude;
            norm += b[i].Magnitude * b[i].Magnitude;
        }
        return Math.Sqrt(diff / norm);
    }
}
