using SeqZero.Sequences;
using SeqZero.Sequences.Builders;

namespace SeqZero.Tests.Sequences;

public class BuilderTests
{
    private const double TimingTolerance = 1e-12;

    /// <summary>Time from the pulse of repetition r to the end of its kx = 0 sample: the first sample sits at −N/2·Δk,
    /// the kx = 0 one N/2 dwells later; checked against the trajectory.</summary>
    private static double EchoTime(Sequence s, int r, double dwellSeconds, int matrix)
    {
        double t = 0, k = 0;
        foreach (SequenceEvent e in s.Repetitions[r].Events)
        {
            t += e.DurationSeconds;
            k += e.GradientMomentXPerMeter;
            if (e.AdcOn) break;
        }
        Assert.Equal(-matrix / 2 * 5.0, k, 9); // Δk = 1/FOV = 5 /m at FOV 0.2 m
        return t + matrix / 2 * dwellSeconds;
    }

    [Fact]
    public void Flash_Defaults_ReproduceMrzeroCoreReferenceTiming()
    {
        // shared/data/reference/mrzero-core/flash_N32.seq.json: TR 6.56 ms, TE (k = 0 sample) 3.36 ms, phase 117° for line 0
        Sequence s = Flash.Build(new FlashOptions { Matrix = 32 });
        Assert.Equal(0.00656, s.Repetitions[0].DurationSeconds, 12);
        Assert.Equal(0.00336, EchoTime(s, 0, 80e-6, 32), 12);
        Assert.Equal(117 * Math.PI / 180, s.Repetitions[0].Pulse.PhaseRadians, 12);
        Assert.Equal(-85.0, s.Repetitions[0].Events[1].GradientMomentXPerMeter, 12);
    }

    [Fact]
    public void Flash_RequestedTrAndTe_AreHonoured()
    {
        Sequence s = Flash.Build(new FlashOptions { Matrix = 16, RepetitionTimeSeconds = 0.02, EchoTimeSeconds = 0.008 });
        Assert.All(s.Repetitions, r => Assert.Equal(0.02, r.DurationSeconds, 12));
        Assert.Equal(0.008, EchoTime(s, 0, 80e-6, 16), 12);
    }

    [Fact]
    public void Flash_TooShortTr_ThrowsNamingTheOption()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Flash.Build(new FlashOptions { RepetitionTimeSeconds = 0.001 }));
        Assert.Contains("RepetitionTimeSeconds", e.Message);
    }

    [Fact]
    public void Bssfp_EchoAtHalfTrAndMomentsBalanced()
    {
        Sequence s = Bssfp.Build(new BssfpOptions { Matrix = 16, RepetitionTimeSeconds = 0.006 });
        foreach (Repetition r in s.Repetitions.Skip(1))
        {
            Assert.Equal(0.006, r.DurationSeconds, 12);
            Assert.True(Math.Abs(r.Events.Sum(e => e.GradientMomentXPerMeter)) < TimingTolerance);
            Assert.True(Math.Abs(r.Events.Sum(e => e.GradientMomentYPerMeter)) < TimingTolerance);
        }
        Assert.Equal(0.003, EchoTime(s, 1, 20e-6, 16), 12);
    }

    [Fact]
    public void SpinEcho_KZeroSampleEndsAtTe()
    {
        Sequence s = SpinEcho.Build(new SpinEchoOptions { Matrix = 16, EchoTimeSeconds = 0.03 });
        double afterRefocusing = 0;
        foreach (SequenceEvent e in s.Repetitions[1].Events)
        {
            afterRefocusing += e.DurationSeconds;
            if (e.AdcOn) break;
        }
        // first sample is at −N/2·Δk; the k = 0 sample is N/2 dwells later
        double echo = s.Repetitions[0].DurationSeconds + afterRefocusing + 8 * 50e-6;
        Assert.Equal(0.03, echo, 12);
    }

    [Fact]
    public void InversionFlash_InversionTimesAreEventDurations()
    {
        double[] ti = [0.05, 0.4];
        Sequence s = InversionFlash.Build(new InversionFlashOptions { Matrix = 8, InversionTimesSeconds = ti });
        Repetition[] inversions = [.. s.Repetitions.Where(r => r.Pulse.Usage == PulseUsage.Inversion)];
        Assert.Equal(2, inversions.Length);
        Assert.Equal(ti, inversions.Select(r => r.Events[0].DurationSeconds));
        Assert.Equal(2 * 64, s.AdcCount);
    }

    [Fact]
    public void RfEnergy_RareWithHalfFlips_HasAQuarterOfTheRefocusingEnergy()
    {
        Sequence full = Rare.Build(new RareOptions { Matrix = 8, ExcitationFlipDegrees = 0 });
        Sequence half = Rare.Build(new RareOptions { Matrix = 8, ExcitationFlipDegrees = 0, RefocusingFlipDegrees = 90 });
        Assert.Equal(0.25, RfEnergy.RelativeSar(half, full), 12);
        Assert.Equal(8 * Math.PI * Math.PI, RfEnergy.SumOfSquaredFlipAngles(full), 9);
    }

    [Theory]
    [InlineData(4, new[] { 0, -1, 1, -2 })]
    [InlineData(5, new[] { 0, -1, 1, -2, 2 })]
    public void PhaseEncodingOrder_Centric_StartsAtTheCentre(int n, int[] expected) =>
        Assert.Equal(expected, CartesianEncoding.PhaseEncodingOrder(n, centric: true));
}
