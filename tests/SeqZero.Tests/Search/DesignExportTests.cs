using System.Numerics;
using SeqZero.Phantoms.Loaders;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Conversion;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;
using SeqZero.Pulseq.Writing;
using SeqZero.Search;
using SeqZero.Sequences;
using SeqZero.Simulation;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Tests.Search;

public class DesignExportTests
{
    // Block durations are integers of 10 µs in the file; times are sums of a few of them.
    private const double TimeTolerance = 1e-9;

    // An inversion-prepared spin echo with phases that are not multiples of 90°, times on the 10 µs raster.
    private static readonly ProcessedDesign InversionSpinEcho = new([176, 89, 177], [0, 30, -150], [0.5, 0.0062, 0.0062], 0.5124);

    private static DecodedSequence RoundTrip(ProcessedDesign design, DesignExportOptions options, TempFolder temp)
    {
        PulseqFile file = SequenceToPulseq.Convert(DesignExport.ToSequence(design, options), options.Scanner);
        string path = Path.Combine(temp.Path, "design.seq");
        PulseqWriter.WriteFile(file, PulseqVersion.V151, path);
        return PulseqDecoder.Decode(PulseqReader.ReadFile(path));
    }

    [Fact]
    public void Export_ReadBack_PulsesCentredAtTheDesignsTimesWithItsFlipsPhasesAndUse()
    {
        using var temp = new TempFolder();
        var options = new DesignExportOptions();
        DecodedSequence decoded = RoundTrip(InversionSpinEcho, options, temp);
        DecodedBlock[] pulses = [.. decoded.Blocks.Where(b => b.Rf is not null)];
        Assert.Equal(3, pulses.Length);
        double[] centres = [.. pulses.Select(b => b.StartSeconds + b.Rf!.CenterSeconds)];
        for (int k = 0; k < 2; k++) Assert.Equal(InversionSpinEcho.TimesSeconds[k], centres[k + 1] - centres[k], TimeTolerance);
        for (int k = 0; k < 3; k++)
        {
            // block pulse: α = 2π·B1[Hz]·T, B1 written with 6 significant digits (relative error ≤ 5e-6)
            double flipDegrees = 2 * Math.PI * pulses[k].Rf!.SignalHz[0].Magnitude * options.Scanner.RfDurationSeconds * 180 / Math.PI;
            Assert.Equal(InversionSpinEcho.FlipsDegrees[k], flipDegrees, 5e-6 * InversionSpinEcho.FlipsDegrees[k]);
            // the phase is written in rad with 6 significant digits: ≤ 5e-6 rad ≈ 3e-4°
            Assert.Equal(InversionSpinEcho.PhasesDegrees[k], pulses[k].Rf!.PhaseRadians * 180 / Math.PI, 3e-4);
        }
        Assert.Equal([PulseqRfUse.Inversion, PulseqRfUse.Excitation, PulseqRfUse.Refocusing], pulses.Select(b => b.Rf!.Use));

        DecodedBlock readout = Assert.Single(decoded.Blocks, b => b.Adc is not null);
        Assert.Equal(options.AdcSamples, readout.Adc!.NumSamples);
        double centreSample = readout.StartSeconds + readout.Adc.SampleTimeSeconds(options.AdcSamples / 2);
        Assert.Equal(InversionSpinEcho.TimesSeconds[2], centreSample - centres[2], TimeTolerance);
    }

    [Theory]
    [InlineData(new[] { 150.0 }, "e")]
    [InlineData(new[] { 178.0, 177.0, 89.0 }, "iie")]
    [InlineData(new[] { 89.0, 177.0, 170.0 }, "err")]
    [InlineData(new[] { 6.0, 88.0, 171.0 }, "eer")]
    public void ToSequence_PulseUse_InvertsBeforeTheExcitationRefocusesAfter(double[] flips, string letters)
    {
        var design = new ProcessedDesign(flips, new double[flips.Length], [.. flips.Select(_ => 0.5)], 0.5 * flips.Length);
        string uses = string.Concat(DesignExport.ToSequence(design, new DesignExportOptions()).Repetitions.Select(r => r.Pulse.Usage switch
        {
            PulseUsage.Inversion => 'i', PulseUsage.Refocusing => 'r', _ => 'e',
        }));
        Assert.Equal(letters, uses);
    }

    [Fact]
    public void Export_RepetitionTime_FillsEveryShotToTr()
    {
        using var temp = new TempFolder();
        DecodedSequence decoded = RoundTrip(InversionSpinEcho, new DesignExportOptions { Repetitions = 3, RepetitionTimeSeconds = 4 }, temp);
        Assert.Equal(12, decoded.DurationSeconds, TimeTolerance);
        Assert.Equal(9, decoded.Blocks.Count(b => b.Rf is not null));
        double[] inversions = [.. decoded.Blocks.Where(b => b.Rf?.Use == PulseqRfUse.Inversion).Select(b => b.StartSeconds)];
        Assert.Equal([0, 4, 8], inversions.Select(t => Math.Round(t, 9)));
    }

    [Theory]
    [InlineData(0.0008, 0.0062, "after 0.800 ms")]      // pulses closer than the 1 ms pulse
    [InlineData(0.0062, 0.0010, "inside that pulse")]   // readout window reaching into the last pulse
    public void ToSequence_TimingThatCannotBePlayed_IsRefusedWithTheReason(double firstIdle, double lastIdle, string reason)
    {
        var design = new ProcessedDesign([90, 180], [0, 90], [firstIdle, lastIdle], firstIdle + lastIdle);
        var error = Assert.Throws<ArgumentException>(() => DesignExport.ToSequence(design, new DesignExportOptions()));
        Assert.Contains(reason, error.Message);
        Assert.Throws<ArgumentException>(() => DesignExport.ToSequence(InversionSpinEcho, new DesignExportOptions { RepetitionTimeSeconds = 0.3 }));
    }

    [Theory]
    [InlineData(3e-6, 64, 1e-3, "RF raster")]              // samples half a dwell after the delay: 1.5 µs, off the 1 µs raster
    [InlineData(2e-6, 64, 1e-3, "128 µs")]                 // 64 × 2 µs: off the 10 µs gradient and block rasters
    [InlineData(20e-6, 64, 1.005e-3, "block raster")]      // the pulse block would be rounded, moving every centre
    public void ToSequence_ReadoutOrPulseOffTheExportRasters_IsRefusedWithTheReason(double dwell, int samples, double pulse, string reason)
    {
        var options = new DesignExportOptions { Scanner = new PulseqExportOptions { RfDurationSeconds = pulse }, DwellSeconds = dwell, AdcSamples = samples };
        var error = Assert.Throws<ArgumentException>(() => DesignExport.ToSequence(InversionSpinEcho, options));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Export_ShortDwellOnTheRasters_IsOneReadoutBlock()
    {
        // 80 × 2 µs = 160 µs: the shortest dwell the rasters allow, still one ADC event rather than one block per sample
        using var temp = new TempFolder();
        DecodedSequence decoded = RoundTrip(InversionSpinEcho, new DesignExportOptions { DwellSeconds = 2e-6, AdcSamples = 80 }, temp);
        DecodedBlock readout = Assert.Single(decoded.Blocks, b => b.Adc is not null);
        Assert.Equal(80, readout.Adc!.NumSamples);
        Assert.Equal(2e-6, readout.Adc.DwellSeconds, 1e-12);
    }

    [Fact]
    public void Export_SimulatedByTheBlockEngine_ReadsTheVoxelSimulatorsSignal()
    {
        // the nominal GM voxel's 256 spins (linear spread and Lorentzian T2' offsets as frequencies, B1 = 1) through the
        // exported file with 50 µs block pulses; the centre sample is the instantaneous-pulse readout up to what the
        // pulses' length changes: relaxation and off-resonance during 3 × 50 µs (measured: 2.4e-4 of |s|). Compared as
        // complex numbers, so the RF and ADC phase conventions of the export are checked too.
        using var temp = new TempFolder();
        var options = new DesignExportOptions { Scanner = new PulseqExportOptions { RfDurationSeconds = 50e-6 } };
        SegmentedSequence segments = PulseqSegmentation.FromDecoded(RoundTrip(InversionSpinEcho, options, temp), "design.seq");

        VoxelDataSet voxel = VoxelDataSet.Nominal().Take(1);
        SpinSet spinSet = SpinSet.Create(256);
        var spins = new SpinPhantom(spinSet.Count, "nominal GM voxel");
        for (int j = 0; j < spinSet.Count; j++)
        {
            spins.ProtonDensity[j] = voxel.M0[0] / spinSet.Count;
            spins.T1Seconds[j] = voxel.T1Seconds[0]; spins.T2Seconds[j] = voxel.T2Seconds[0]; spins.T2PrimeSeconds[j] = double.PositiveInfinity;
            spins.B0Hertz[j] = spinSet.LinearOffsetHertz[j] + spinSet.LorentzFrequency[j] / (2 * Math.PI * voxel.T2PrimeSeconds[0]);
        }
        Complex played = new BlockSimulator<double>(threads: 1).Simulate(segments, spins).Values[options.AdcSamples / 2];

        var signal = new Complex[1];
        new VoxelSimulator<double>(spinSet).Simulate([.. InversionSpinEcho.Operations()], voxel, [0], signal);
        Assert.True((played - signal[0]).Magnitude < 1e-3 * signal[0].Magnitude, $"block engine {played} vs voxel simulator {signal[0]}");
    }
}
