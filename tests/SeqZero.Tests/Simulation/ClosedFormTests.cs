using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Tests.Simulation;

/// <summary>The engine (double) against closed-form MR physics.</summary>
public class ClosedFormTests
{
    // Steady states are reached to ~1e-12 after the repetition counts used; 1e-6 is the bar.
    private const double ClosedFormTolerance = 1e-6;
    // A T2 this short relative to TR destroys transverse magnetisation before the next pulse (e^{−1000}): ideal spoiling.
    private const double SpoilingT2Seconds = 1e-5;

    private static SimulatedSignal Run(Sequence sequence, VoxelSet voxels, Isochromats? isochromats = null) =>
        new IsochromatSimulator<double>(isochromats ?? Isochromats.Deterministic(1), diffusion: true).Simulate(sequence, voxels);

    private static Repetition Pulse(double flipDegrees, double phaseDegrees, PulseUsage usage, params SequenceEvent[] events) =>
        new(new RfPulse(flipDegrees * Math.PI / 180, phaseDegrees * Math.PI / 180, usage), events);

    /// <summary>An FID sample right after the pulse, then the rest of the TR.</summary>
    private static SequenceEvent[] SampleThenWait(double waitSeconds, double pulsePhaseDegrees) =>
        [new SequenceEvent(0, adcOn: true, adcPhaseRadians: Math.PI / 2 - pulsePhaseDegrees * Math.PI / 180), new SequenceEvent(waitSeconds)];

    [Fact]
    public void Simulate_SpoiledGreAtErnstAngle_MatchesSteadyState()
    {
        double t1 = 1.0, tr = 0.010;
        double ernst = Math.Acos(Math.Exp(-tr / t1)) * 180 / Math.PI;
        Assert.Equal(8.089, ernst, 3); // Ernst angle for T1 = 1 s, TR = 10 ms
        var reps = Enumerable.Range(0, 3000).Select(_ => Pulse(ernst, 0, PulseUsage.Excitation, SampleThenWait(tr, 0)));
        SimulatedSignal s = Run(new Sequence(reps), VoxelSet.Single(1.0, t1, SpoilingT2Seconds));

        double expected = Math.Sqrt((1 - Math.Exp(-tr / t1)) / (1 + Math.Exp(-tr / t1)));
        Assert.Equal(0.070710, expected, 6);
        Complex last = s.Values[^1];
        Assert.True(Math.Abs(last.Real - expected) / expected < ClosedFormTolerance, $"{last} vs {expected}");
        Assert.True(Math.Abs(last.Imaginary) < 1e-12);
    }

    [Fact]
    public void Simulate_BalancedSsfpOnResonance_MatchesSteadyStateAtHalfTr()
    {
        double t1 = 1.0, t2 = 0.1, tr = 0.005, flip = 60;
        var reps = Enumerable.Range(0, 6000).Select(n =>
        {
            double phase = n % 2 == 0 ? 0 : 180;
            return Pulse(flip, phase, PulseUsage.Excitation,
                new SequenceEvent(tr / 2, adcOn: true, adcPhaseRadians: Math.PI / 2 - phase * Math.PI / 180), new SequenceEvent(tr / 2));
        });
        SimulatedSignal s = Run(new Sequence(reps), VoxelSet.Single(1.0, t1, t2));

        double e1 = Math.Exp(-tr / t1), e2 = Math.Exp(-tr / t2), a = flip * Math.PI / 180;
        double expected = Math.Sin(a) * (1 - e1) / (1 - (e1 - e2) * Math.Cos(a) - e1 * e2) * Math.Sqrt(e2);
        Assert.Equal(0.133214, expected, 6);
        Assert.True(Math.Abs(s.Values[^1].Magnitude - expected) / expected < ClosedFormTolerance, $"{s.Values[^1]} vs {expected}");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6445598289862033)] // T1·ln(2 / (1 + e^{−TR/T1})) for TR = 3 s, T1 = 1 s: the null point
    [InlineData(1.5)]
    public void Simulate_InversionRecovery_MatchesClosedFormAndNullsAtTi0p6446(double inversionTimeSeconds)
    {
        double t1 = 1.0, tr = 3.0;
        var reps = new List<Repetition>();
        for (int n = 0; n < 12; n++)
        {
            reps.Add(Pulse(180, 0, PulseUsage.Inversion, new SequenceEvent(inversionTimeSeconds)));
            reps.Add(Pulse(90, 0, PulseUsage.Excitation, SampleThenWait(tr - inversionTimeSeconds, 0)));
        }
        SimulatedSignal s = Run(new Sequence(reps), VoxelSet.Single(1.0, t1, 1e-3));

        double expected = 1 - 2 * Math.Exp(-inversionTimeSeconds / t1) + Math.Exp(-tr / t1);
        Assert.True(Math.Abs(s.Values[^1].Real - expected) < ClosedFormTolerance * Math.Max(1, Math.Abs(expected)), $"{s.Values[^1]} vs {expected}");
    }

    [Fact]
    public void Simulate_SpinEcho_GivesExpMinusTeOverT2RegardlessOfB0AndT2Prime()
    {
        double t2 = 0.08, te = 0.04;
        var sequence = new Sequence([
            Pulse(90, 90, PulseUsage.Excitation, new SequenceEvent(te / 2)),
            Pulse(180, 0, PulseUsage.Refocusing, new SequenceEvent(te / 2, adcOn: true, adcPhaseRadians: 0)),
        ]);
        foreach ((double b0, double t2Prime) in new[] { (0.0, 0.01), (37.0, 0.005), (-120.0, 0.02) })
        {
            SimulatedSignal s = Run(sequence, VoxelSet.Single(1.0, 1.0, t2, t2Prime, b0), Isochromats.Deterministic(64));
            Assert.True(Math.Abs(s.Values[0].Real - Math.Exp(-te / t2)) < ClosedFormTolerance, $"B0 {b0}: {s.Values[0]}");
            Assert.True(Math.Abs(s.Values[0].Imaginary) < ClosedFormTolerance);
        }
    }

    [Fact]
    public void Simulate_FidWithLorentzianT2Prime_DecaysAsExpMinusTOverT2Star()
    {
        // Deterministic Cauchy quantiles reproduce e^{−t/T2'} to ~2e-4 … 8e-4 with 10⁵ isochromats for t ≤ 3·T2'
        // (the tails of the Lorentzian converge slowly); 2e-3 is that quadrature error, not the engine's.
        const double QuadratureTolerance = 2e-3;
        double t2 = 0.1, t2Prime = 0.02;
        double[] times = [0.002, 0.01, 0.02, 0.04, 0.06];
        var events = new List<SequenceEvent>();
        double previous = 0;
        foreach (double t in times) { events.Add(new SequenceEvent(t - previous, adcOn: true, adcPhaseRadians: 0)); previous = t; }
        var sequence = new Sequence([new Repetition(new RfPulse(Math.PI / 2, Math.PI / 2, PulseUsage.Excitation), events)]);
        SimulatedSignal s = Run(sequence, VoxelSet.Single(1.0, 1.0, t2, t2Prime), Isochromats.Deterministic(100_000));

        double t2Star = 1 / (1 / t2 + 1 / t2Prime);
        for (int i = 0; i < times.Length; i++)
        {
            double expected = Math.Exp(-times[i] / t2Star);
            Assert.True(Math.Abs(s.Values[i].Magnitude - expected) / expected < QuadratureTolerance, $"t = {times[i]}: {s.Values[i].Magnitude} vs {expected}");
        }
    }

    [Fact]
    public void Simulate_PulsedGradientSpinEcho_AttenuatesByStejskalTannerB()
    {
        // lobes of moment m and duration δ around a 180°, starts Δ apart: b = 4π²·m²·(Δ − δ/3)
        double t2 = 0.08, diffusion = 2e-9, m = 2e4, delta = 5e-3, gap = 10e-3;
        var sequence = new Sequence([
            Pulse(90, 90, PulseUsage.Excitation, new SequenceEvent(delta, m), new SequenceEvent(gap)),
            Pulse(180, 0, PulseUsage.Refocusing, new SequenceEvent(gap), new SequenceEvent(delta, m, adcOn: true, adcPhaseRadians: 0)),
        ]);
        var voxel = VoxelSet.Single(1.0, 1.0, t2);
        voxel.DiffusionSquareMetersPerSecond[0] = diffusion;
        SimulatedSignal s = Run(sequence, voxel);

        double bigDelta = delta + 2 * gap, te = 2 * (delta + gap);
        double b = 4 * Math.PI * Math.PI * m * m * (bigDelta - delta / 3);
        double expected = Math.Exp(-te / t2) * Math.Exp(-b * diffusion);
        Assert.InRange(b * diffusion, 0.5, 3); // a b-value that attenuates visibly
        Assert.True(Math.Abs(s.Values[0].Real - expected) / expected < ClosedFormTolerance, $"{s.Values[0]} vs {expected}");
    }

    /// <summary>Isochromats evenly spaced along x over one voxel: an integer number of gradient cycles dephases them
    /// exactly to zero net signal, as an infinite uniform spin population would.</summary>
    private static Isochromats EvenlySpacedAlongX(int count) => new(
        [.. Enumerable.Range(0, count).Select(j => (j + 0.5) / count - 0.5)], new double[count], new double[count], new double[count]);

    [Fact]
    public void Simulate_StimulatedEcho90_90_90_GivesHalfExpTmOverT1TimesExpTeOverT2()
    {
        double t1 = 0.8, t2 = 0.05, te = 0.02, tm = 0.3, voxel = 1e-3;
        double cycle = 1 / voxel; // moment that winds the voxel through one full cycle
        var sequence = new Sequence([
            Pulse(90, 90, PulseUsage.Excitation, new SequenceEvent(te / 2, cycle)),
            Pulse(90, 90, PulseUsage.Storage, new SequenceEvent(tm, 3 * cycle)),
            Pulse(90, 90, PulseUsage.Storage, new SequenceEvent(te / 2, cycle, adcOn: true, adcPhaseRadians: 0)),
        ]);
        SimulatedSignal s = Run(sequence, VoxelSet.Single(1.0, t1, t2, voxelSizeMeters: voxel), EvenlySpacedAlongX(64));

        double expected = 0.5 * Math.Exp(-tm / t1) * Math.Exp(-te / t2);
        Assert.True(Math.Abs(s.Values[0].Magnitude - expected) < ClosedFormTolerance, $"{s.Values[0].Magnitude} vs {expected}");
    }

    [Theory]
    [InlineData(120, new[] { 0.75, 0.9375, 0.84375, 0.855469, 0.884766, 0.856934 })]
    [InlineData(90, new[] { 0.5, 0.75, 0.75, 0.6875, 0.6875, 0.71875 })]
    public void Simulate_CpmgWithoutRelaxation_GivesEpgEchoAmplitudes(double refocusingDegrees, double[] expected)
    {
        // Echo amplitudes of a CPMG train from uniformly dephased isochromats (EPG values; 90° case: 1/2, 3/4, 3/4, 11/16, 11/16, 23/32)
        const double EchoTolerance = 1e-3;
        double voxel = 1e-3, halfSpacing = 5e-3, cycle = 1 / voxel;
        var reps = new List<Repetition> { Pulse(90, 90, PulseUsage.Excitation, new SequenceEvent(halfSpacing, cycle)) };
        for (int n = 0; n < expected.Length; n++)
            reps.Add(Pulse(refocusingDegrees, 0, PulseUsage.Refocusing,
                new SequenceEvent(halfSpacing, cycle, adcOn: true, adcPhaseRadians: 0), new SequenceEvent(halfSpacing, cycle)));
        SimulatedSignal s = Run(new Sequence(reps), VoxelSet.Single(1.0, 1e9, 1e9, voxelSizeMeters: voxel), EvenlySpacedAlongX(256));

        for (int n = 0; n < expected.Length; n++)
            Assert.True(Math.Abs(s.Values[n].Magnitude - expected[n]) < EchoTolerance, $"echo {n + 1}: {s.Values[n].Magnitude} vs {expected[n]}");
    }
}
