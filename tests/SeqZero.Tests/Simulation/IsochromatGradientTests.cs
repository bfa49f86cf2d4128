using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Tests.Simulation;

/// <summary>The hand-written reverse mode against central differences of the forward pass, in double.</summary>
public class IsochromatGradientTests
{
    // Central differences with h = 1e-6·max(1, |p|) are accurate to ~1e-9 here; 1e-6 leaves room for cancellation.
    private const double GradientTolerance = 1e-6;

    private static readonly Isochromats Iso = Isochromats.Deterministic(9);

    /// <summary>L = Σ |s − t|² for a fixed random target t; ∂L/∂s (Re + i·Im convention) = 2(s − t).</summary>
    private static IsochromatSimulator<double> Engine(bool perfectSpoiling = false) =>
        new(Iso, threads: 2, spinsPerChunk: 18, perfectSpoiling: perfectSpoiling, diffusion: true);

    private static double Loss(Sequence sequence, VoxelSet voxels, Complex[] target, bool perfectSpoiling = false)
    {
        SimulatedSignal s = Engine(perfectSpoiling).Simulate(sequence, voxels);
        double sum = 0;
        for (int i = 0; i < target.Length; i++) sum += Math.Pow((s.Values[i] - target[i]).Magnitude, 2);
        return sum;
    }

    private static (SimulationGradients Gradient, Complex[] Target) Analytic(Sequence sequence, VoxelSet voxels, bool perfectSpoiling = false)
    {
        var simulator = Engine(perfectSpoiling);
        SimulatedSignal s = simulator.Simulate(sequence, voxels);
        var random = new Random(99);
        Complex[] target = [.. s.Values.Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5))];
        var adjoint = new SimulatedSignal(s.SampleCount, s.CoilCount);
        for (int i = 0; i < target.Length; i++) adjoint.Values[i] = 2 * (s.Values[i] - target[i]);
        return (simulator.Gradient(sequence, voxels, adjoint), target);
    }

    private static void AssertMatches(double[] analytic, Func<int, double> numeric, string kind)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < analytic.Length; i++)
        {
            double fd = numeric(i);
            diff += (fd - analytic[i]) * (fd - analytic[i]);
            norm += fd * fd;
        }
        Assert.True(norm > 0, $"{kind}: the numeric gradient is zero, the check would prove nothing.");
        double relative = Math.Sqrt(diff / norm);
        Assert.True(relative < GradientTolerance, $"{kind}: relative error {relative:E2}");
    }

    /// <param name="scale">The parameter's natural size: h = 1e-6·max(scale, |p|). 1 for everything in SI units of order
    /// one or larger; D (~10⁻⁴ m²/s here) needs its own scale, or a step of 1 % of D leaves a truncation error of ~(h·b)².</param>
    private static double CentralDifference(Func<double, double> lossAt, double p, double scale = 1)
    {
        double h = 1e-6 * Math.Max(scale, Math.Abs(p));
        return (lossAt(p + h) - lossAt(p - h)) / (2 * h);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, false)]
    [InlineData(13, true)]
    public void Gradient_SequenceParameters_MatchCentralDifferences(int seed, bool perfectSpoiling)
    {
        Sequence sequence = TestSequences.Random(seed, repetitions: 4, eventsPerRepetition: 4);
        VoxelSet voxels = TestSequences.Voxels(seed, count: 4);
        (SimulationGradients g, Complex[] target) = Analytic(sequence, voxels, perfectSpoiling);
        List<SequenceEvent> events = [.. sequence.Repetitions.SelectMany(r => r.Events)];
        List<RfPulse> pulses = [.. sequence.Repetitions.Select(r => r.Pulse)];

        double Perturbed(Action<double> set, double original, double value)
        {
            set(value);
            double loss = Loss(sequence, voxels, target, perfectSpoiling);
            set(original);
            return loss;
        }
        double Numeric(Func<double> get, Action<double> set)
        {
            double p = get();
            return CentralDifference(v => Perturbed(set, p, v), p);
        }

        AssertMatches(g.FlipAngle, i => Numeric(() => pulses[i].FlipAngleRadians, v => pulses[i].FlipAngleRadians = v), "flip angle");
        AssertMatches(g.Phase, i => Numeric(() => pulses[i].PhaseRadians, v => pulses[i].PhaseRadians = v), "RF phase");
        AssertMatches(g.Duration, i => Numeric(() => events[i].DurationSeconds, v => events[i].DurationSeconds = v), "duration");
        AssertMatches(g.MomentX, i => Numeric(() => events[i].GradientMomentXPerMeter, v => events[i].GradientMomentXPerMeter = v), "moment x");
        AssertMatches(g.MomentY, i => Numeric(() => events[i].GradientMomentYPerMeter, v => events[i].GradientMomentYPerMeter = v), "moment y");
        AssertMatches(g.MomentZ, i => Numeric(() => events[i].GradientMomentZPerMeter, v => events[i].GradientMomentZPerMeter = v), "moment z");
        AssertMatches(g.AdcPhase, i => Numeric(() => events[i].AdcPhaseRadians, v => events[i].AdcPhaseRadians = v), "ADC phase");
    }

    [Fact]
    public void Gradient_VoxelMaps_MatchCentralDifferences()
    {
        Sequence sequence = TestSequences.Random(21, repetitions: 3, eventsPerRepetition: 4);
        VoxelSet voxels = TestSequences.Voxels(21, count: 4);
        (SimulationGradients g, Complex[] target) = Analytic(sequence, voxels);

        double Numeric(double[] map, int i, double scale = 1)
        {
            double p = map[i];
            return CentralDifference(v => { map[i] = v; double l = Loss(sequence, voxels, target); map[i] = p; return l; }, p, scale);
        }
        double NumericB1(int i, bool magnitude)
        {
            Complex p = voxels.B1[i];
            double x = magnitude ? p.Magnitude : p.Phase;
            return CentralDifference(v =>
            {
                voxels.B1[i] = magnitude ? Complex.FromPolarCoordinates(v, p.Phase) : Complex.FromPolarCoordinates(p.Magnitude, v);
                double l = Loss(sequence, voxels, target);
                voxels.B1[i] = p;
                return l;
            }, x);
        }

        AssertMatches(g.ProtonDensity, i => Numeric(voxels.ProtonDensity, i), "PD");
        AssertMatches(g.T1, i => Numeric(voxels.T1Seconds, i), "T1");
        AssertMatches(g.T2, i => Numeric(voxels.T2Seconds, i), "T2");
        AssertMatches(g.B0, i => Numeric(voxels.B0Hertz, i), "B0");
        AssertMatches(g.Diffusion, i => Numeric(voxels.DiffusionSquareMetersPerSecond, i, scale: 1e-6), "D");
        AssertMatches(g.B1Magnitude, i => NumericB1(i, magnitude: true), "B1 magnitude");
        AssertMatches(g.B1Phase, i => NumericB1(i, magnitude: false), "B1 phase");
    }
}
