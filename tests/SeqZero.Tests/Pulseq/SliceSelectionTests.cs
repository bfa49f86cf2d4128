using System.Text;
using SeqZero.Phantoms.Loaders;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Conversion;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;
using SeqZero.Pulseq.Writing;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Tests.Pulseq;

/// <summary>Export with slice-selective sinc pulses: within the limits, the right flip angle, and a slice.</summary>
public class SliceSelectionTests
{
    private const double SliceThicknessMeters = 5e-3;

    private static DecodedSequence Export(Sequence sequence, out PulseqExportOptions options)
    {
        options = new PulseqExportOptions { SliceThicknessMeters = SliceThicknessMeters };
        string text = PulseqWriter.Write(SequenceToPulseq.Convert(sequence, options), PulseqVersion.V151);
        return PulseqDecoder.Decode(PulseqReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "slice.seq"));
    }

    [Fact]
    public void Convert_SliceThickness_SincPulsesPassCheckWithTheirFlipAngles()
    {
        Sequence flash = Flash.Build(new FlashOptions { Matrix = 8, FlipAngleDegrees = 30 });
        DecodedSequence exported = Export(flash, out PulseqExportOptions o);

        Assert.Empty(PulseqTimingCheck.Check(exported, new PulseqHardwareLimits(o.MaxGradientHzPerMeter, o.MaxSlewHzPerMeterPerSecond)));
        DecodedRf[] pulses = [.. exported.Blocks.Where(b => b.Rf is not null).Select(b => b.Rf!)];
        Assert.Equal(8, pulses.Length);
        // the flip from the full sum over the raster cells (MATLAB's rule drops the last sample, which is ~0 for a sinc)
        Assert.All(pulses, rf => Assert.Equal(30, rf.FlipAngleRadians * 180 / Math.PI, 1));
        Assert.All(pulses, rf => Assert.True(rf.TimesSeconds.Length == 1000));
    }

    [Fact]
    public void Convert_SliceThickness_ExcitesTheSliceAndNotBeyond()
    {
        // one excitation and an FID sample after the rephaser: spins at the slice centre get sin α (in phase), spins two
        // thicknesses away ≈ 0
        var sequence = new Sequence([new Repetition(new RfPulse(Math.PI / 6, Math.PI / 2, PulseUsage.Excitation),
            [new SequenceEvent(1e-3, adcOn: true, adcPhaseRadians: 0)])]);
        DecodedSequence exported = Export(sequence, out _);
        SegmentedSequence segments = PulseqSegmentation.FromDecoded(exported, "slice.seq");
        double Signal(double z)
        {
            var spin = new SpinPhantom(1, "test");
            spin.ZMeters[0] = z; spin.ProtonDensity[0] = 1; spin.T1Seconds[0] = 1e9; spin.T2Seconds[0] = 1e9;
            spin.T2PrimeSeconds[0] = double.PositiveInfinity;
            return new BlockSimulator<double>().Simulate(segments, spin).Values[0].Magnitude;
        }
        Assert.True(Math.Abs(Signal(0) - 0.5) < 0.01, $"centre {Signal(0)}");
        // FWHM = BW/Gz = thickness: half the centre signal at the slice edge (10 %: a windowed sinc's profile is rounded)
        Assert.True(Math.Abs(Signal(0.5 * SliceThicknessMeters) / Signal(0) - 0.5) < 0.05, $"edge {Signal(0.5 * SliceThicknessMeters)}");
        Assert.True(Signal(2 * SliceThicknessMeters) < 0.02, $"outside {Signal(2 * SliceThicknessMeters)}");
    }
}
