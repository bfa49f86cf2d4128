using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Search;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Tests.Search;

/// <summary>The voxel simulator against the reference simulator, a closed-form spin echo and central differences.</summary>
public class VoxelSimulatorTests
{
    // Both sides evaluate the same rotations and exponentials in double; only summation order differs (~1e-15).
    private const double ReferenceTolerance = 1e-9;
    // Central differences with h = 1e-6·max(1, |p|) are accurate to ~1e-9 here; 1e-6 is the project's bar (STYLE §12).
    private const double GradientTolerance = 1e-6;
    // The 4 096 Cauchy quantiles reproduce e^{−|t|/T2'} to ~2e-4 for |t| ≤ T2' (the quantile sum is a Riemann sum of
    // the characteristic function; its error is O(1/S) with the tails cut at ±S/π).
    private const double LorentzQuadratureTolerance = 1e-3;
    // float carries 7 digits; phases of ~10³ rad lose ~1e-4 rad, which the signal shows at this level.
    private const double FloatTolerance = 1e-3;
    // the same double arithmetic, grouped differently: equal up to rounding
    private const double RegroupingTolerance = 1e-12;

    private static Complex SimulateOne<T>(VoxelOperation[] ops, VoxelDataSet voxels, SpinSet spins, int voxel = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var signals = new Complex[1];
        new VoxelSimulator<T>(spins).Simulate(ops, voxels, [voxel], signals);
        return signals[0];
    }

    // spin counts around the SIMD width (padding lanes) and the paper's 256
    [Theory]
    [InlineData(0.0, 37)]
    [InlineData(60.0, 37)]
    [InlineData(60.0, 1)]
    [InlineData(60.0, 7)]
    [InlineData(60.0, 8)]
    [InlineData(60.0, 9)]
    [InlineData(60.0, 17)]
    [InlineData(60.0, 256)]
    [InlineData(60.0, 37, true)] // operations sharing idle times share precession factors
    public void Simulate_RandomChain_MatchesReferenceSimulator(double spreadWidthHertz, int spins, bool repeatedIdleTimes = false)
    {
        const double voxelSizeMeters = 1e-3;
        Isochromats iso = Isochromats.Deterministic(spins);
        VoxelDataSet voxels = SearchTestData.SmallDataSet(6);
        VoxelOperation[] ops = repeatedIdleTimes ? SearchTestData.RepeatedIdleOperations() : SearchTestData.RandomOperations(7);
        for (int v = 0; v < voxels.Count; v++)
        {
            Complex fast = SimulateOne<double>(ops, voxels, SpinSet.FromIsochromats(iso, spreadWidthHertz), v);

            // the linear spread is a gradient across the voxel: moment W·τ/size puts 2π·W·offsetX·τ on each isochromat
            var sequence = new Sequence(ops.Select((op, k) => new Repetition(
                new RfPulse(op.IsRf ? op.FlipRadians : 0, op.PhaseRadians, PulseUsage.Undefined),
                [new SequenceEvent(op.IdleSeconds, gradientMomentXPerMeter: spreadWidthHertz * op.IdleSeconds / voxelSizeMeters,
                    adcOn: k == ops.Length - 1)])));
            VoxelSet single = VoxelSet.Single(voxels.M0[v], voxels.T1Seconds[v], voxels.T2Seconds[v], voxels.T2PrimeSeconds[v],
                voxels.B0Hertz[v], voxelSizeMeters);
            single.B1[0] = voxels.B1[v];
            Complex reference = ReferenceSimulator.Simulate(sequence, single, iso)[0, 0];

            Assert.True((fast - reference).Magnitude < ReferenceTolerance, $"voxel {v}: {fast} vs reference {reference}");
        }
    }

    [Theory]
    [InlineData(0.010, 0.010, 0.0)]
    [InlineData(0.010, 0.025, 90.0)]
    [InlineData(0.030, 0.012, 180.0)]
    public void Simulate_NinetyOneEighty_MatchesClosedFormSpinEchoWithLorentzianT2Prime(double t1Seconds, double t2Seconds, double phase2Degrees)
    {
        // s = M0·e^{−(Δt1+Δt2)/T2}·i·e^{2iφ2}·e^{−2πiΔB0·d}·e^{−|d|/T2'}, d = Δt2 − Δt1 (90°x: M⊥ = −i; 180°φ2: M⊥ → e^{2iφ2}·M⊥*)
        const double m0 = 0.8, t2 = 0.110, t2Prime = 0.170, b0 = 13;
        var voxels = new VoxelDataSet(1);
        voxels.M0[0] = m0; voxels.T1Seconds[0] = 1.331; voxels.T2Seconds[0] = t2; voxels.T2PrimeSeconds[0] = t2Prime;
        voxels.B1[0] = 1; voxels.B0Hertz[0] = b0;
        VoxelOperation[] ops = [VoxelOperation.Rf(Math.PI / 2, 0, t1Seconds), VoxelOperation.Rf(Math.PI, SearchTestData.Radians(phase2Degrees), t2Seconds)];
        Complex s = SimulateOne<double>(ops, voxels, SpinSet.Create(4096, spreadWidthHertz: 0));

        double d = t2Seconds - t1Seconds;
        Complex expected = m0 * Math.Exp(-(t1Seconds + t2Seconds) / t2) * Math.Exp(-Math.Abs(d) / t2Prime)
            * Complex.ImaginaryOne * Complex.FromPolarCoordinates(1, 2 * SearchTestData.Radians(phase2Degrees) - 2 * Math.PI * b0 * d);
        Assert.True((s - expected).Magnitude < LorentzQuadratureTolerance, $"{s} vs closed form {expected}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(180.0)]
    public void Simulate_MirroredRotationConvention_LeavesRefocusingPhaseOutcomeUnchanged(double refocusingPhaseDegrees)
    {
        // A left-handed RF (rotation by −α about n) is a right-handed one about −n: every phase + 180°. The relative
        // refocusing phase, and so which of 0°/180° wins under B1 errors, does not depend on the convention; the sign of
        // the RF2 FID that interferes with the echo does, and moves together with the phases.
        VoxelDataSet voxels = SearchTestData.SmallDataSet(30);
        int[] all = SearchTestData.All(voxels);
        var sim = new VoxelSimulator<double>(SpinSet.Create(32));
        double phase2 = SearchTestData.Radians(refocusingPhaseDegrees);
        VoxelOperation[] right = [VoxelOperation.Rf(SearchTestData.Radians(89), 0, 0.0062), VoxelOperation.Rf(SearchTestData.Radians(177), phase2, 0.0062)];
        VoxelOperation[] left = [.. right.Select(o => o with { PhaseRadians = o.PhaseRadians + Math.PI })];
        Complex[] a = new Complex[all.Length], b = new Complex[all.Length];
        sim.Simulate(right, voxels, all, a);
        sim.Simulate(left, voxels, all, b);
        for (int v = 0; v < all.Length; v++) Assert.True(Math.Abs(a[v].Magnitude - b[v].Magnitude) < ReferenceTolerance, $"voxel {v}");
    }

    [Fact]
    public void Simulate_Float_MatchesDouble()
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(60);
        VoxelOperation[] ops = SearchTestData.RandomOperations(11);
        int[] all = SearchTestData.All(voxels);
        var single = new Complex[voxels.Count];
        var dbl = new Complex[voxels.Count];
        new VoxelSimulator<float>(SpinSet.Create(), threads: 2).Simulate(ops, voxels, all, single);
        new VoxelSimulator<double>(SpinSet.Create(), threads: 2).Simulate(ops, voxels, all, dbl);
        for (int v = 0; v < voxels.Count; v++) Assert.True((single[v] - dbl[v]).Magnitude < FloatTolerance, $"voxel {v}: {single[v]} vs {dbl[v]}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // operations sharing idle times share precession factors
    public void Gradient_RandomChain_MatchesCentralDifferences(bool repeatedIdleTimes)
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(7);
        int[] all = SearchTestData.All(voxels);
        VoxelOperation[] ops = repeatedIdleTimes ? SearchTestData.RepeatedIdleOperations() : SearchTestData.RandomOperations(5);
        var sim = new VoxelSimulator<double>(SpinSet.Create(20), threads: 2);
        var random = new Random(4);
        Complex[] target = [.. all.Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5))];
        double Loss(VoxelOperation[] o)
        {
            var s = new Complex[all.Length];
            sim.Simulate(o, voxels, all, s);
            return s.Select((x, i) => Math.Pow((x - target[i]).Magnitude, 2)).Sum();
        }
        var signals = new Complex[all.Length];
        sim.Simulate(ops, voxels, all, signals);
        Complex[] adjoint = [.. signals.Select((x, i) => 2 * (x - target[i]))];
        OperationGradient[] g = sim.Gradient(ops, voxels, all, adjoint, null, out _);

        var analytic = new List<double>();
        var numeric = new List<double>();
        for (int k = 0; k < ops.Length; k++)
        for (int p = 0; p < 3; p++)
        {
            if (!ops[k].IsRf && p < 2) continue;
            double value = p == 0 ? ops[k].FlipRadians : p == 1 ? ops[k].PhaseRadians : ops[k].IdleSeconds;
            double h = 1e-6 * Math.Max(1, Math.Abs(value));
            VoxelOperation With(double x)
            {
                VoxelOperation o = ops[k];
                return p == 0 ? o with { FlipRadians = x } : p == 1 ? o with { PhaseRadians = x } : o with { IdleSeconds = x };
            }
            VoxelOperation[] plus = [.. ops], minus = [.. ops];
            plus[k] = With(value + h); minus[k] = With(value - h);
            numeric.Add((Loss(plus) - Loss(minus)) / (2 * h));
            analytic.Add(p == 0 ? g[k].Flip : p == 1 ? g[k].Phase : g[k].Idle);
        }
        AssertClose(analytic, numeric);
    }

    // a wait candidate, RF candidates whose rotation and idle time differ from the active operation's, and (idle −1)
    // candidates with the active operation's idle time, whose precession factors are the forward pass's
    [Theory]
    [InlineData(false, 0.0, 0.0, 0.05)]
    [InlineData(true, 1.3, -2.1, 0.0062)]
    [InlineData(true, 2.9, 0.7, 0.2)]
    [InlineData(true, 0.4, 1.9, -1)]
    [InlineData(false, 0.0, 0.0, -1)]
    public void Gradient_Probes_MatchGateDerivative(bool isRf, double flipRadians, double phaseRadians, double idleSeconds)
    {
        // ∂L/∂g for o_mixed = (1 − g)·o_active + g·o_candidate at g = 0 equals ⟨λ, o_c(m) − o_a(m)⟩: the probe of c minus
        // the probe of the active operation, checked by central differences of the gated forward pass.
        VoxelDataSet voxels = SearchTestData.SmallDataSet(5);
        int[] all = SearchTestData.All(voxels);
        VoxelOperation[] ops = SearchTestData.RandomOperations(8);
        var sim = new VoxelSimulator<double>(SpinSet.Create(16));
        const int layer = 2;
        var candidate = new VoxelOperation(isRf, flipRadians, phaseRadians, idleSeconds < 0 ? ops[layer].IdleSeconds : idleSeconds);
        var signals = new Complex[all.Length];
        sim.Simulate(ops, voxels, all, signals);
        Complex[] adjoint = [.. signals.Select(s => 2 * s)]; // L = Σ|s|²
        var probes = new VoxelOperation[]?[ops.Length];
        probes[layer] = [ops[layer], candidate];
        sim.Gradient(ops, voxels, all, adjoint, probes, out double[][] gates);

        // the gated output is linear in g: L(g) from the two pure paths' final states is not, so difference the mixture
        double Loss(double g)
        {
            double total = 0;
            for (int v = 0; v < all.Length; v++)
                total += Math.Pow(MixedSignal(sim.Spins, ops, layer, candidate, g, voxels, v).Magnitude, 2);
            return total;
        }
        const double h = 1e-6;
        double numeric = (Loss(h) - Loss(-h)) / (2 * h);
        AssertClose([gates[layer][1] - gates[layer][0]], [numeric]);
    }

    [Fact]
    public void Gradient_ProbesSharingAnIdleTime_EqualProbesOneAtATime()
    {
        // candidates with one idle time share precession factors and moments; each alone must give the same gate
        VoxelDataSet voxels = SearchTestData.SmallDataSet(6);
        int[] all = SearchTestData.All(voxels);
        VoxelOperation[] ops = SearchTestData.RandomOperations(8);
        var sim = new VoxelSimulator<double>(SpinSet.Create(24));
        const int layer = 3;
        VoxelOperation[] candidates =
        [
            VoxelOperation.Rf(0.7, 0.3, 0.011), VoxelOperation.Wait(0.011), ops[layer], VoxelOperation.Rf(2.2, -1.4, 0.011),
            ops[layer] with { FlipRadians = 1.1 }, VoxelOperation.Wait(0.3),
        ];
        var signals = new Complex[all.Length];
        sim.Simulate(ops, voxels, all, signals);
        Complex[] adjoint = [.. signals.Select(s => 2 * s)];
        double[] Gates(VoxelOperation[] probed)
        {
            var probes = new VoxelOperation[]?[ops.Length];
            probes[layer] = probed;
            sim.Gradient(ops, voxels, all, adjoint, probes, out double[][] gates);
            return gates[layer];
        }
        double[] together = Gates(candidates);
        for (int c = 0; c < candidates.Length; c++)
            Assert.Equal(Gates([candidates[c]])[0], together[c], RegroupingTolerance);
    }

    [Fact]
    public void Gradient_FloatProbes_MatchDouble()
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(60);
        int[] all = SearchTestData.All(voxels);
        VoxelOperation[] ops = SearchTestData.RandomOperations(3);
        VoxelOperation[] candidates = [.. SearchTestData.RandomOperations(9), .. SearchTestData.RandomOperations(10), ops[1]];
        VoxelOperation[]?[] probes = [.. ops.Select(_ => candidates)];
        double[][] Gates<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            var sim = new VoxelSimulator<T>(SpinSet.Create(), threads: 2);
            var signals = new Complex[all.Length];
            sim.Simulate(ops, voxels, all, signals);
            sim.Gradient(ops, voxels, all, [.. signals.Select(x => 2 * x)], probes, out double[][] gates);
            return gates;
        }
        double[][] single = Gates<float>(), dbl = Gates<double>();
        double scale = dbl.SelectMany(g => g).Max(Math.Abs);
        for (int k = 0; k < ops.Length; k++)
        for (int c = 0; c < candidates.Length; c++)
            Assert.True(Math.Abs(single[k][c] - dbl[k][c]) < FloatTolerance * scale, $"position {k}, candidate {c}: {single[k][c]} vs {dbl[k][c]}");
    }

    /// <summary>Forward pass where operation <paramref name="layer"/> outputs (1 − g)·o_active(m) + g·o_candidate(m),
    /// written with the reference rotation, one spin at a time.</summary>
    private static Complex MixedSignal(SpinSet spins, VoxelOperation[] ops, int layer, VoxelOperation candidate, double g, VoxelDataSet voxels, int v)
    {
        Complex sum = 0;
        for (int j = 0; j < spins.Count; j++)
        {
            double omega = 2 * Math.PI * (voxels.B0Hertz[v] + spins.LinearOffsetHertz[j]) + spins.LorentzFrequency[j] / voxels.T2PrimeSeconds[v];
            (double X, double Y, double Z) m = (0, 0, 1);
            for (int k = 0; k < ops.Length; k++)
            {
                var a = Apply(ops[k], m, omega, voxels, v);
                if (k == layer)
                {
                    var c = Apply(candidate, m, omega, voxels, v);
                    a = ((1 - g) * a.X + g * c.X, (1 - g) * a.Y + g * c.Y, (1 - g) * a.Z + g * c.Z);
                }
                m = a;
            }
            sum += new Complex(m.X, m.Y);
        }
        return voxels.M0[v] * sum / spins.Count;
    }

    private static (double X, double Y, double Z) Apply(VoxelOperation op, (double X, double Y, double Z) m, double omega, VoxelDataSet voxels, int v)
    {
        if (op.IsRf) m = ReferenceSimulator.Rotate(m.X, m.Y, m.Z, op.FlipRadians * voxels.B1[v], op.PhaseRadians);
        (double s, double c) = Math.SinCos(-omega * op.IdleSeconds);
        double e2 = Math.Exp(-op.IdleSeconds / voxels.T2Seconds[v]), e1 = Math.Exp(-op.IdleSeconds / voxels.T1Seconds[v]);
        return (e2 * (c * m.X - s * m.Y), e2 * (s * m.X + c * m.Y), 1 + (m.Z - 1) * e1);
    }

    private static void AssertClose(IReadOnlyList<double> analytic, IReadOnlyList<double> numeric)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < analytic.Count; i++) { diff += Math.Pow(analytic[i] - numeric[i], 2); norm += numeric[i] * numeric[i]; }
        Assert.True(norm > 0, "the numeric gradient is zero, the check would prove nothing");
        double relative = Math.Sqrt(diff / norm);
        Assert.True(relative < GradientTolerance, $"relative error {relative:E2}: analytic [{string.Join(", ", analytic)}] numeric [{string.Join(", ", numeric)}]");
    }
}
