using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Conversion;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;
using SeqZero.Sequences;

namespace SeqZero.Tests.Pulseq;

public class PulseqToSequenceTests
{
    /// <summary>k agreement [1/m]: both integrate the same piece-wise linear gradients, only the summation order differs.</summary>
    private const double KTolerancePerMeter = 1e-6;

    private static DecodedSequence Decode(params string[] parts) => PulseqDecoder.Decode(PulseqReader.ReadFile(PulseqTestData.Seq(parts)));

    [Theory]
    [InlineData("pulseq-matlab", "gre.seq")]
    [InlineData("pulseq-matlab", "epi_rs.seq")]
    [InlineData("pypulseq", "write_tse.seq")]
    [InlineData("koma-read-comparison", "v1.5", "spiral.seq")]
    public void Convert_SharedFile_KeepsDurationSamplesAndKSpace(params string[] parts)
    {
        DecodedSequence decoded = Decode(parts);

        Sequence sequence = PulseqToSequence.Convert(decoded);

        sequence.Validate();
        Assert.Equal(decoded.DurationSeconds, sequence.DurationSeconds, 1e-9);
        PulseqReport report = PulseqReport.Create(decoded);
        Assert.Equal(report.AdcSamples, sequence.AdcCount);

        // k at every sample: SeqZero's running moment sums versus the Pulseq analysis of the same file
        GradientWaveform[] waveforms = [.. Enumerable.Range(0, 3).Select(a => GradientWaveform.Build(decoded, a))];
        PulseqKSpaceTrajectory expected = PulseqKSpaceTrajectory.Compute(decoded, waveforms);
        KSpacePoint[] actual = KSpaceTrajectory.AtSamples(sequence);
        Assert.Equal(expected.AdcTimesSeconds.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected.KPerMeter[0][i], actual[i].KxPerMeter, KTolerancePerMeter);
            Assert.Equal(expected.KPerMeter[1][i], actual[i].KyPerMeter, KTolerancePerMeter);
            Assert.Equal(expected.KPerMeter[2][i], actual[i].KzPerMeter, KTolerancePerMeter);
        }
    }

    [Fact]
    public void Convert_Gre_OneRepetitionPerPulseWithFileFlipAndPhase()
    {
        DecodedSequence decoded = Decode("pulseq-matlab", "gre.seq");

        Sequence sequence = PulseqToSequence.Convert(decoded);

        // a 0° lead-in for the 2.1 ms before the first pulse centre (100 µs delay + 2 ms to the centre), then 64 pulses
        Assert.Equal(65, sequence.Repetitions.Count);
        Assert.Equal(0, sequence.Repetitions[0].Pulse.FlipAngleRadians);
        Assert.Equal(2.1e-3, sequence.Repetitions[0].DurationSeconds, 1e-12);
        Repetition[] pulses = [.. sequence.Repetitions.Skip(1)];
        Assert.All(pulses, r => Assert.Equal(10.0, r.Pulse.FlipAngleRadians * 180 / Math.PI, 1e-3));
        Assert.All(pulses, r => Assert.Equal(PulseUsage.Excitation, r.Pulse.Usage));
        // RF spoiling: the second pulse has phase offset 2.04204 rad in [RF] (id 2) and so does its ADC (φ_ADC = π/2 − 2.04204)
        Assert.Equal(2.04204, pulses[1].Pulse.PhaseRadians, 1e-5);
        Assert.Equal(Math.PI / 2 - 2.04204, pulses[1].Events.First(e => e.AdcOn).AdcPhaseRadians, 1e-5);
    }
}
