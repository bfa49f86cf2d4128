using System.Text;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Conversion;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;
using SeqZero.Pulseq.Writing;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;

namespace SeqZero.Tests.Pulseq;

public class SequenceToPulseqTests
{
    /// <summary>k agreement relative to the largest |k|: trapezoid amplitudes are printed with 6 significant digits, so each
    /// moment carries up to 5e-7 relative error and k sums a dozen of them (prewinder, readout steps).</summary>
    private const double KRelativeTolerance = 1e-5;

    private static readonly PulseqExportOptions Limits = new();

    private static Sequence RoundTrip(Sequence sequence, out DecodedSequence exported)
    {
        string text = PulseqWriter.Write(SequenceToPulseq.Convert(sequence, Limits), PulseqVersion.V151);
        exported = PulseqDecoder.Decode(PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "export.seq"));
        return PulseqToSequence.Convert(exported);
    }

    public static TheoryData<string> Sequences() => ["flash", "rare", "gre.seq"];

    private static Sequence Make(string name) => name switch
    {
        "flash" => Flash.Build(new FlashOptions { Matrix = 16 }),
        "rare" => Rare.Build(new RareOptions()),
        _ => PulseqToSequence.Convert(PulseqDecoder.Decode(PulseqReader.ReadFile(PulseqTestData.Seq("pulseq-matlab", "gre.seq")))),
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Convert_Sequence_PassesCheckWithinLimits(string name)
    {
        RoundTrip(Make(name), out DecodedSequence exported);

        var limits = new PulseqHardwareLimits(Limits.MaxGradientHzPerMeter, Limits.MaxSlewHzPerMeterPerSecond);
        Assert.Empty(PulseqTimingCheck.Check(exported, limits));
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Convert_Sequence_KeepsSamplesPulsesAndKSpace(string name)
    {
        Sequence original = Make(name);

        Sequence back = RoundTrip(original, out _);

        Assert.Equal(original.AdcCount, back.AdcCount);
        Assert.True(back.DurationSeconds >= original.DurationSeconds - 1e-9);
        RfPulse[] a = [.. original.Repetitions.Select(r => r.Pulse).Where(p => p.FlipAngleRadians != 0)];
        RfPulse[] b = [.. back.Repetitions.Select(r => r.Pulse).Where(p => p.FlipAngleRadians != 0)];
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i].FlipAngleRadians, b[i].FlipAngleRadians, 1e-5);
            Assert.Equal(0, Math.IEEERemainder(a[i].PhaseRadians - b[i].PhaseRadians, 2 * Math.PI), 1e-5);
        }
        KSpacePoint[] ka = KSpaceTrajectory.AtSamples(original), kb = KSpaceTrajectory.AtSamples(back);
        double scale = ka.Max(p => Math.Max(Math.Abs(p.KxPerMeter), Math.Max(Math.Abs(p.KyPerMeter), Math.Abs(p.KzPerMeter))));
        for (int i = 0; i < ka.Length; i++)
        {
            Assert.Equal(ka[i].KxPerMeter, kb[i].KxPerMeter, KRelativeTolerance * scale);
            Assert.Equal(ka[i].KyPerMeter, kb[i].KyPerMeter, KRelativeTolerance * scale);
            Assert.Equal(ka[i].KzPerMeter, kb[i].KzPerMeter, KRelativeTolerance * scale);
        }
        SequenceEvent[] adcA = [.. original.Repetitions.SelectMany(r => r.Events).Where(e => e.AdcOn)];
        SequenceEvent[] adcB = [.. back.Repetitions.SelectMany(r => r.Events).Where(e => e.AdcOn)];
        for (int i = 0; i < adcA.Length; i++)
        {
            Assert.Equal(0, Math.IEEERemainder(adcA[i].AdcPhaseRadians - adcB[i].AdcPhaseRadians, 2 * Math.PI), 1e-5);
        }
    }

    [Fact]
    public void Convert_ShortEventWithLargeMoment_StretchedToMinimumTime()
    {
        // 1000 1/m in 10 µs is impossible at 40 mT/m, 170 T/m/s: the block grows until a trapezoid fits
        var sequence = new Sequence([new Repetition(new RfPulse(Math.PI / 2, 0, PulseUsage.Excitation), [new SequenceEvent(10e-6, 1000)])]);

        PulseqFile file = SequenceToPulseq.Convert(sequence, Limits);

        PulseqTrapezoidEvent trap = Assert.Single(file.Trapezoids.Values);
        Assert.Equal(1000, trap.AmplitudeHzPerMeter * (trap.RiseSeconds + trap.FlatSeconds), 1e-6);
        Assert.True(trap.AmplitudeHzPerMeter <= Limits.MaxGradientHzPerMeter);
        Assert.True(trap.AmplitudeHzPerMeter / trap.RiseSeconds <= Limits.MaxSlewHzPerMeterPerSecond);
        Assert.True(file.Blocks[^1].DurationRasterUnits * 10e-6 > 10e-6);
    }
}
