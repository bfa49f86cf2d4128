using SeqZero.Sequences;
using SeqZero.Sequences.Builders;

namespace SeqZero.Tests.Sequences;

public class KSpaceTrajectoryTests
{
    [Fact]
    public void AtSamples_Flash_CoversTheCartesianGridOnce()
    {
        const int n = 16;
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(Flash.Build(new FlashOptions { Matrix = n, FovMeters = 0.2 }));
        var cells = k.Select(p => ((int)Math.Round(p.KxPerMeter * 0.2), (int)Math.Round(p.KyPerMeter * 0.2))).ToHashSet();
        Assert.Equal(n * n, cells.Count);
        Assert.All(cells, c => Assert.InRange(c.Item1, -n / 2, n / 2 - 1));
        Assert.All(cells, c => Assert.InRange(c.Item2, -n / 2, n / 2 - 1));
    }

    [Theory]
    [InlineData("rare")]
    [InlineData("epi")]
    [InlineData("se")]
    [InlineData("bssfp")]
    public void AtSamples_CartesianBuilders_SampleEveryGridPointOnce(string name)
    {
        const int n = 8;
        Sequence s = name switch
        {
            "rare" => Rare.Build(new RareOptions { Matrix = n }),
            "epi" => Epi.Build(new EpiOptions { Matrix = n }),
            "se" => SpinEcho.Build(new SpinEchoOptions { Matrix = n }),
            _ => Bssfp.Build(new BssfpOptions { Matrix = n }),
        };
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(s);
        var cells = k.Select(p => (Math.Round(p.KxPerMeter * 0.2, 9), Math.Round(p.KyPerMeter * 0.2, 9))).ToHashSet();
        Assert.Equal(n * n, k.Length);
        Assert.Equal(n * n, cells.Count);
        Assert.All(cells, c => Assert.Equal(Math.Round(c.Item1), c.Item1));
    }

    [Fact]
    public void AtSamples_Rare_EchoCentreSitsAtZeroDephasingTime()
    {
        // CPMG: the k = 0 sample of every echo is refocused (τ = 0 when the echo is centred)
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(Rare.Build(new RareOptions { Matrix = 8 }));
        foreach (KSpacePoint p in k.Where(p => Math.Abs(p.KxPerMeter) < 1e-9))
            Assert.True(Math.Abs(p.DephasingTimeSeconds) < 1e-12, $"τ = {p.DephasingTimeSeconds}");
    }

    [Fact]
    public void BackwardAtSamples_IsTheAdjointOfTheMomentToKMap()
    {
        // k = J·g is linear in the moments: ⟨J·g, w⟩ must equal ⟨g, Jᵀ·w⟩ (dot-product test)
        Sequence s = TestSequences.Random(4, repetitions: 5, eventsPerRepetition: 4);
        var random = new Random(1);
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(s);
        double[] wx = [.. k.Select(_ => random.NextDouble() - 0.5)], wy = [.. k.Select(_ => random.NextDouble() - 0.5)];
        (double[] gx, double[] gy, _) = KSpaceTrajectory.BackwardAtSamples(s, wx, wy);
        double left = k.Select((p, i) => p.KxPerMeter * wx[i] + p.KyPerMeter * wy[i]).Sum();
        SequenceEvent[] events = [.. s.Repetitions.SelectMany(r => r.Events)];
        double right = events.Select((e, i) => e.GradientMomentXPerMeter * gx[i] + e.GradientMomentYPerMeter * gy[i]).Sum();
        Assert.True(Math.Abs(left - right) < 1e-10 * Math.Abs(left), $"{left} vs {right}");
    }
}
