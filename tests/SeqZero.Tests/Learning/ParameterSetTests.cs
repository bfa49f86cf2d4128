using SeqZero.Learning;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Tests.Learning;

public class ParameterSetTests
{
    // Pack/Unpack pass through log/exp for durations: equal to a few ulps
    private const double RoundTripTolerance = 1e-12;
    // the dot-product test compares two sums of exact products (STYLE §12)
    private const double DotProductTolerance = 1e-10;

    private static ParameterSet AllKinds(Sequence template) => new ParameterSet(template)
        .AddFlipAngles(ParameterTransform.Linear(0.1))
        .AddRfPhases(ParameterTransform.Bounded(-Math.PI, Math.PI))
        .AddEventDurations(1e-5, 1e-3, e => !e.Event.AdcOn)
        .AddMomentsX(ParameterTransform.Linear(5), e => e.IndexInRepetition > 0)
        .AddMomentsY(ParameterTransform.Linear(5))
        .AddAdcPhases(ParameterTransform.Linear(1));

    private static Sequence Template() => Flash.Build(new FlashOptions { Matrix = 4, RfSpoilingIncrementDegrees = 0 });

    [Fact]
    public void Unpack_AfterPack_ReproducesTheSequence()
    {
        Sequence template = Template();
        ParameterSet set = AllKinds(template);
        Sequence back = set.Unpack(set.Pack(template));
        double[] a = Numbers(template), b = Numbers(back);
        for (int i = 0; i < a.Length; i++) Assert.InRange(b[i], a[i] - RoundTripTolerance * Math.Max(1, Math.Abs(a[i])), a[i] + RoundTripTolerance * Math.Max(1, Math.Abs(a[i])));
    }

    [Fact]
    public void AddAdcPhases_SelectsOnlyAdcEvents()
    {
        ParameterSet set = new ParameterSet(Template()).AddAdcPhases(ParameterTransform.Linear(1));
        Assert.Equal(Template().AdcCount, set.Count);
    }

    [Fact]
    public void Add_SameParameterTwice_Throws()
    {
        ParameterSet set = new ParameterSet(Template()).AddFlipAngles(ParameterTransform.Linear(1));
        Assert.Throws<ArgumentException>(() => set.AddFlipAngles(ParameterTransform.Linear(1), r => r == 0));
    }

    [Fact]
    public void Pack_DifferentLayout_Throws()
    {
        ParameterSet set = AllKinds(Template());
        Assert.Throws<ArgumentException>(() => set.Pack(Flash.Build(new FlashOptions { Matrix = 6 })));
    }

    [Fact]
    public void Backward_LinearFunctionalOfPhysicalValues_MatchesCentralDifference()
    {
        ParameterSet set = AllKinds(Template());
        var random = new Random(3);
        double[] u = [.. set.Pack(set.Template).Select(x => x + 0.3 * (2 * random.NextDouble() - 1))];
        SimulationGradients weights = RandomPhysical(set, random);
        double[] gradient = new double[set.Count];
        set.Backward(u, weights, gradient);
        double scale = gradient.Max(Math.Abs);
        for (int i = 0; i < set.Count; i++)
        {
            double numeric = GradientCheck.Central(p => Dot(weights, set.Unpack(p)), u, i);
            Assert.True(GradientCheck.Relative(gradient[i], numeric, scale) < GradientCheck.RelativeTolerance, $"{set.Parameters[i].Name}: {gradient[i]} vs {numeric}");
        }
    }

    [Fact]
    public void Backward_IsAdjointOfUnpackJacobian()
    {
        // J = dp/du is diagonal in the free parameters: ⟨J·v, w⟩ = Σ wₚ·(dp/du)·v must equal ⟨v, Jᵀw⟩
        ParameterSet set = AllKinds(Template());
        var random = new Random(4);
        double[] u = [.. set.Pack(set.Template).Select(x => x + 0.3 * (2 * random.NextDouble() - 1))];
        double[] v = [.. u.Select(_ => 2 * random.NextDouble() - 1)];
        SimulationGradients w = RandomPhysical(set, random);
        double jv = 0;
        for (int i = 0; i < set.Count; i++)
        {
            FreeParameter f = set.Parameters[i];
            double wp = f.Kind switch
            {
                ParameterKind.FlipAngle => w.FlipAngle[f.Repetition], ParameterKind.RfPhase => w.Phase[f.Repetition],
                ParameterKind.EventDuration => w.Duration[f.Event], ParameterKind.MomentX => w.MomentX[f.Event],
                ParameterKind.MomentY => w.MomentY[f.Event], _ => w.AdcPhase[f.Event],
            };
            jv += wp * f.Transform.Derivative(u[i]) * v[i];
        }
        double[] jtw = new double[set.Count];
        set.Backward(u, w, jtw);
        double vjtw = v.Zip(jtw).Sum(p => p.First * p.Second);
        Assert.True(Math.Abs(jv - vjtw) <= DotProductTolerance * Math.Max(1, Math.Abs(jv)), $"{jv} vs {vjtw}");
    }

    private static SimulationGradients RandomPhysical(ParameterSet set, Random random)
    {
        SimulationGradients g = set.NewPhysicalGradient();
        foreach (double[] a in new[] { g.FlipAngle, g.Phase, g.Duration, g.MomentX, g.MomentY, g.AdcPhase })
            for (int i = 0; i < a.Length; i++) a[i] = 2 * random.NextDouble() - 1;
        return g;
    }

    /// <summary>Σ w·p over every number of the sequence.</summary>
    private static double Dot(SimulationGradients w, Sequence s)
    {
        double sum = 0;
        int e = 0;
        for (int r = 0; r < s.Repetitions.Count; r++)
        {
            sum += w.FlipAngle[r] * s.Repetitions[r].Pulse.FlipAngleRadians + w.Phase[r] * s.Repetitions[r].Pulse.PhaseRadians;
            foreach (SequenceEvent ev in s.Repetitions[r].Events)
            {
                sum += w.Duration[e] * ev.DurationSeconds + w.MomentX[e] * ev.GradientMomentXPerMeter
                    + w.MomentY[e] * ev.GradientMomentYPerMeter + w.AdcPhase[e] * ev.AdcPhaseRadians;
                e++;
            }
        }
        return sum;
    }

    private static double[] Numbers(Sequence s) =>
        [.. s.Repetitions.SelectMany(r => new[] { r.Pulse.FlipAngleRadians, r.Pulse.PhaseRadians }
            .Concat(r.Events.SelectMany(e => new[] { e.DurationSeconds, e.GradientMomentXPerMeter, e.GradientMomentYPerMeter, e.AdcPhaseRadians })))];
}
