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

    /// <summary>k of the exported file (decoded without printing) against SeqZero's, relative to the largest |k|: only
    /// float rounding of sums of moments separates them.</summary>
    private const double ExactKRelativeTolerance = 1e-6;

    public static TheoryData<string> Sequences() => ["flash", "rare", "epi", "gre.seq"];

    public static TheoryData<string> Builders() => ["flash", "rare", "epi"];

    private static Sequence Make(string name) => name switch
    {
        "flash" => Flash.Build(new FlashOptions { Matrix = 16 }),
        "rare" => Rare.Build(new RareOptions()),
        "epi" => Epi.Build(new EpiOptions { Matrix = 16 }),
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

    [Theory]
    [MemberData(nameof(Builders))]
    public void Convert_Builder_OneAdcBlockPerReadoutLine(string name)
    {
        Sequence sequence = Make(name);
        int lines = (int)Math.Round(Math.Sqrt(sequence.AdcCount)); // N×N Cartesian: N lines of N samples

        PulseqFile file = SequenceToPulseq.Convert(sequence, Limits);

        PulseqBlockRow[] readouts = [.. file.Blocks.Where(b => b.AdcId != 0)];
        Assert.Equal(lines, readouts.Length);
        Assert.All(readouts, b => Assert.Equal(sequence.AdcCount / lines, file.Adc[b.AdcId].NumSamples));
    }

    [Theory]
    [MemberData(nameof(Builders))]
    public void Convert_Builder_PulseqKSpaceAtSamplesIsSeqZeros(string name)
    {
        Sequence sequence = Make(name);
        DecodedSequence exported = PulseqDecoder.Decode(SequenceToPulseq.Convert(sequence, Limits));

        PulseqKSpaceTrajectory pulseq = PulseqKSpaceTrajectory.Compute(exported, [.. Enumerable.Range(0, 3).Select(a => GradientWaveform.Build(exported, a))]);
        KSpacePoint[] seqZero = KSpaceTrajectory.AtSamples(sequence);

        Assert.Equal(seqZero.Length, pulseq.AdcTimesSeconds.Length);
        double scale = seqZero.Max(p => Math.Max(Math.Abs(p.KxPerMeter), Math.Max(Math.Abs(p.KyPerMeter), Math.Abs(p.KzPerMeter))));
        for (int i = 0; i < seqZero.Length; i++)
        {
            Assert.Equal(seqZero[i].KxPerMeter, pulseq.KPerMeter[0][i], ExactKRelativeTolerance * scale);
            Assert.Equal(seqZero[i].KyPerMeter, pulseq.KPerMeter[1][i], ExactKRelativeTolerance * scale);
            Assert.Equal(seqZero[i].KzPerMeter, pulseq.KPerMeter[2][i], ExactKRelativeTolerance * scale);
        }
    }

    [Fact]
    public void Convert_Flash_SamplesWhereSeqZeroSamplesAndNoLongerThanItsEventsPlusPulses()
    {
        Sequence sequence = Flash.Build(new FlashOptions());
        DecodedSequence exported = PulseqDecoder.Decode(SequenceToPulseq.Convert(sequence, Limits));
        PulseqKSpaceTrajectory pulseq = PulseqKSpaceTrajectory.Compute(exported, [.. Enumerable.Range(0, 3).Select(a => GradientWaveform.Build(exported, a))]);

        // SeqZero samples at the end of each ADC event, counted from its (instantaneous) pulse; Pulseq from the block pulse's centre
        var expected = new List<double>();
        foreach (Repetition repetition in sequence.Repetitions)
        {
            double t = 0;
            foreach (SequenceEvent e in repetition.Events)
            {
                t += e.DurationSeconds;
                if (e.AdcOn) expected.Add(t);
            }
        }
        double[] fromPulse = [.. pulseq.AdcTimesSeconds.Select(t => t - pulseq.ExcitationTimesSeconds.Last(x => x < t) - Limits.RfDurationSeconds / 2)];
        Assert.Equal(expected.Count, fromPulse.Length);
        for (int i = 0; i < fromPulse.Length; i++) Assert.Equal(expected[i], fromPulse[i], 1e-9);
        Assert.Equal(sequence.DurationSeconds + sequence.Repetitions.Count * Limits.RfDurationSeconds, exported.DurationSeconds, 1e-9);
    }

    [Fact]
    public void Convert_AdcPhasesDifferWithinRun_OneSampleBlocksKeepEachPhase()
    {
        SequenceEvent[] events =
        [
            new(1e-3, -40), .. Enumerable.Range(0, 4).Select(i => new SequenceEvent(80e-6, 10, adcOn: true, adcPhaseRadians: 0.1 * i)), new(1e-3, 10),
        ];
        var sequence = new Sequence([new Repetition(new RfPulse(Math.PI / 2, 0, PulseUsage.Excitation), events)]);

        PulseqFile file = SequenceToPulseq.Convert(sequence, Limits);

        PulseqAdcEvent[] adcs = [.. file.Blocks.Where(b => b.AdcId != 0).Select(b => file.Adc[b.AdcId])];
        Assert.Equal(4, adcs.Length);
        Assert.All(adcs, a => Assert.Equal(1, a.NumSamples));
        Assert.Equal([.. Enumerable.Range(0, 4).Select(i => Math.PI / 2 - 0.1 * i)], adcs.Select(a => a.PhaseRadians));
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
