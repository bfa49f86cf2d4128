using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Tests.Simulation.Blocks;

public class BlockSimulatorTests
{
    // Rotations about constant fields are exact; what remains is rounding.
    private const double ExactTolerance = 1e-12;

    private static SpinPhantom Spins(params (double X, double Y, double Z, double B0)[] spins)
    {
        var phantom = new SpinPhantom(spins.Length, "test");
        for (int i = 0; i < spins.Length; i++)
        {
            (phantom.XMeters[i], phantom.YMeters[i], phantom.ZMeters[i], phantom.B0Hertz[i]) = spins[i];
            phantom.ProtonDensity[i] = 1;
            phantom.T1Seconds[i] = 1e9; phantom.T2Seconds[i] = 1e9; phantom.T2PrimeSeconds[i] = double.PositiveInfinity;
        }
        return phantom;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(150.0)]
    [InlineData(-420.0)]
    public void HardPulse_OnAndOffResonance_FollowsTheRabiFormula(double offResonanceHertz)
    {
        // 90° nominal, 1 ms: ω1 = 2π·250 Hz; Rabi: (1 − Mz)/2 = (ω1/Ω)²·sin²(Ω·T/2), Ω = √(ω1² + Δω²)
        double duration = 1e-3, flip = Math.PI / 2;
        var sequence = new SegmentedSequence().HardPulse(duration, flip, 0, steps: 7).Free(0, sample: true);
        SimulatedSignal s = new BlockSimulator<double>().Simulate(sequence, Spins((0, 0, 0, offResonanceHertz)));

        double w1 = flip / duration, dw = 2 * Math.PI * offResonanceHertz, omega = Math.Sqrt(w1 * w1 + dw * dw);
        double inversion = w1 * w1 / (omega * omega) * Math.Pow(Math.Sin(omega * duration / 2), 2);
        double mz = 1 - 2 * inversion;
        Assert.True(Math.Abs(s.Values[0].Magnitude - Math.Sqrt(1 - mz * mz)) < ExactTolerance, $"{s.Values[0].Magnitude} vs {Math.Sqrt(1 - mz * mz)}");
        if (offResonanceHertz == 0) Assert.True((s.Values[0] - new Complex(0, -1)).Magnitude < ExactTolerance); // M⊥ = −i·sin α
    }

    [Fact]
    public void SincPulse_OffResonanceRasterHalved_ConvergesAtSecondOrder()
    {
        // A sinc under a slice gradient, seen by spins off the slice centre, sampled on finer and finer rasters: each
        // piece is an exact rotation about the piece's mean field, so the error of the piece-wise constant RF falls as Δt²
        // (ratio ≈ 4 per halving) — the engine's time stepping is the only approximation.
        double duration = 2e-3, gz = 4e5;
        var spins = Spins((0, 0, 1.3e-3, 40), (0, 0, -2.1e-3, -75), (0, 0, 4e-3, 10));
        Complex[] Run(int steps)
        {
            var sequence = new SegmentedSequence().SincPulse(duration, Math.PI / 2, 0.3, timeBandwidth: 4, steps: steps, momentZ: gz * duration)
                .Free(0, sample: true);
            return [.. spins.XMeters.Select((_, i) => new BlockSimulator<double>().Simulate(sequence, Spins((0, 0, spins.ZMeters[i], spins.B0Hertz[i]))).Values[0])];
        }
        Complex[] reference = Run(6400);
        double Error(int steps) => Math.Sqrt(Run(steps).Zip(reference, (a, b) => Math.Pow((a - b).Magnitude, 2)).Sum());
        double e100 = Error(100), e200 = Error(200), e400 = Error(400);
        Assert.InRange(e100 / e200, 3.5, 4.5);
        Assert.InRange(e200 / e400, 3.5, 4.5);
        Assert.True(e400 < 1e-4, $"error at 400 steps {e400:E2}");
    }

    [Fact]
    public void SincPulse_SliceProfile_HasFwhmOfBandwidthOverGradient()
    {
        // TBW 4 over 2 ms: bandwidth 2 kHz; Gz = 400 kHz/m gives a 5 mm slice (FWHM = BW / (γ̄·Gz))
        const double ProfileTolerance = 0.05; // a windowed sinc's profile is not a perfect rect
        double duration = 2e-3, bandwidth = 4 / duration, gz = 4e5, thickness = bandwidth / gz;
        int n = 801;
        var spins = Spins([.. Enumerable.Range(0, n).Select(i => (0.0, 0.0, (i - n / 2) * 4 * thickness / n, 0.0))]);
        var sequence = new SegmentedSequence()
            .SincPulse(duration, 20 * Math.PI / 180, 0, timeBandwidth: 4, steps: 200, momentZ: gz * duration)
            .Free(1e-3, momentZ: -gz * duration / 2, sample: false);
        // sample each spin alone: run one-spin phantoms through the same sequence
        double[] profile = new double[n];
        var simulator = new BlockSimulator<double>(threads: 1);
        sequence.Free(0, sample: true);
        for (int i = 0; i < n; i++)
        {
            var one = Spins((0, 0, spins.ZMeters[i], 0));
            profile[i] = simulator.Simulate(sequence, one).Values[0].Magnitude;
        }
        double peak = profile.Max();
        int left = Array.FindIndex(profile, p => p >= peak / 2), right = Array.FindLastIndex(profile, p => p >= peak / 2);
        double fwhm = (right - left) * (spins.ZMeters[1] - spins.ZMeters[0]);
        Assert.True(Math.Abs(fwhm - thickness) / thickness < ProfileTolerance, $"FWHM {fwhm * 1e3:F3} mm vs {thickness * 1e3:F3} mm");
        // refocused: the phase across the slice is flat
        Assert.True(profile[n / 2] > 0.99 * peak);
    }

    [Fact]
    public void ExpandT2Prime_SpinWithFiniteT2Prime_FidDecaysAsT2Star()
    {
        // the same quadrature limit as the isochromat engine's T2' test: 10⁵ Cauchy quantiles reproduce e^{−t/T2'} to < 1e-3
        const double QuadratureTolerance = 2e-3;
        var spin = Spins((0, 0, 0, 0));
        spin.T2Seconds[0] = 0.1; spin.T2PrimeSeconds[0] = 0.02;
        SpinPhantom expanded = IsochromatSpins.ExpandT2Prime(spin, 100_000);
        var sequence = new SegmentedSequence().HardPulse(1e-6, Math.PI / 2, Math.PI / 2).Free(0.01, sample: true).Free(0.03, sample: true);
        SimulatedSignal s = new BlockSimulator<double>().Simulate(sequence, expanded);

        double t2Star = 1 / (1 / 0.1 + 1 / 0.02);
        Assert.True(Math.Abs(s.Values[0].Magnitude / Math.Exp(-0.01 / t2Star) - 1) < QuadratureTolerance, $"{s.Values[0].Magnitude}");
        Assert.True(Math.Abs(s.Values[1].Magnitude / Math.Exp(-0.04 / t2Star) - 1) < QuadratureTolerance, $"{s.Values[1].Magnitude}");
    }

    [Fact]
    public void Simulate_FloatAndTwoCoils_MatchDoubleAndCoilWeights()
    {
        // float state against double: ~1e-7 per step over a few hundred steps
        const double FloatAgreement = 1e-4;
        Sequence flash = Flash.Build(new FlashOptions { Matrix = 8, FlipAngleDegrees = 30 });
        SpinPhantom spins = IsochromatSpins.FromVoxels(VoxelSet.FromPhantom(BuiltInPhantoms.Brain(8)), Isochromats.Deterministic(3));
        Complex second = new(0.3, -0.8);
        spins.SetCoilSensitivities([[.. Enumerable.Repeat(Complex.One, spins.Count)], [.. Enumerable.Repeat(second, spins.Count)]]);
        SegmentedSequence sequence = IsochromatSpins.WithHardPulses(flash, 20e-6);
        SimulatedSignal d = new BlockSimulator<double>().Simulate(sequence, spins), f = new BlockSimulator<float>().Simulate(sequence, spins);

        Assert.True(TestSequences.RelativeError(f.Values, d.Values) < FloatAgreement);
        Assert.True(TestSequences.RelativeError(d.Coil(1), [.. d.Coil(0).Select(v => v * second)]) < ExactTolerance);
    }

    /// <param name="tolerance">Measured with 20 µs pulses (≪ T2): FLASH 6.0e-5, RARE 3.2e-4 (33 refocusing pulses each add
    /// their finite-duration error: off-resonance and relaxation during the pulse); the bounds are about three times that.</param>
    [Theory]
    [InlineData("flash", 2e-4)]
    [InlineData("rare", 1e-3)]
    public void BlockEngine_ShortHardPulses_AgreesWithFastEngine(string name, double tolerance)
    {
        Sequence sequence = name == "flash"
            ? Flash.Build(new FlashOptions { Matrix = 12, FlipAngleDegrees = 30 })
            : Rare.Build(new RareOptions { Matrix = 12 });
        VoxelSet voxels = VoxelSet.FromPhantom(BuiltInPhantoms.Brain(12));
        var iso = Isochromats.Deterministic(4);
        SimulatedSignal fast = new IsochromatSimulator<double>(iso, diffusion: false).Simulate(sequence, voxels);
        SimulatedSignal block = new BlockSimulator<double>().Simulate(IsochromatSpins.WithHardPulses(sequence, 20e-6), IsochromatSpins.FromVoxels(voxels, iso));
        double error = TestSequences.RelativeError(block.Values, fast.Values);
        Assert.True(error < tolerance, $"{name}: relative L2 {error:E2}");
    }
}
