using SeqZero.Phantoms;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Conversion;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;
using SeqZero.Pulseq.Writing;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Tests.Simulation.Blocks;

/// <summary>One .seq file, both engines: the block engine on its waveforms, the fast engine on its conversion to
/// instantaneous pulses. With pulses much shorter than T2 they agree, so users can see when `--engine fast` is enough.</summary>
public class PulseqEngineAgreementTests
{
    /// <param name="tolerance">Measured 2.6e-4 (FLASH) and 2.4e-4 (RARE) with 40 µs pulses: the finite pulses' own
    /// off-resonance and relaxation; 1e-3 bounds that.</param>
    [Theory]
    [InlineData("flash", 1e-3)]
    [InlineData("rare", 1e-3)]
    public void ExportedSequence_BlockAndFastEngines_Agree(string name, double tolerance)
    {
        Sequence built = name == "flash"
            ? Flash.Build(new FlashOptions { Matrix = 12, FlipAngleDegrees = 30 })
            : Rare.Build(new RareOptions { Matrix = 12 });
        // 40 µs block pulses: short against T2 (≥ 80 ms here), long enough for the exporter's B1
        string text = PulseqWriter.Write(SequenceToPulseq.Convert(built, new PulseqExportOptions { RfDurationSeconds = 40e-6 }), PulseqVersion.V151);
        using var temp = new TempFolder();
        string path = temp.File($"{name}.seq");
        File.WriteAllText(path, text);
        DecodedSequence decoded = PulseqDecoder.Decode(PulseqReader.ReadFile(path));

        VoxelSet voxels = VoxelSet.FromPhantom(BuiltInPhantoms.Brain(12));
        var iso = Isochromats.Deterministic(4);
        SimulatedSignal fast = new IsochromatSimulator<double>(iso, diffusion: false).Simulate(PulseqToSequence.Convert(decoded), voxels);
        SimulatedSignal block = new BlockSimulator<double>().Simulate(PulseqSegmentation.FromDecoded(decoded, path), IsochromatSpins.FromVoxels(voxels, iso));

        Assert.Equal(fast.SampleCount, block.SampleCount);
        double error = TestSequences.RelativeError(block.Values, fast.Values);
        Assert.True(error < tolerance, $"{name}: relative L2 {error:E2}");
    }
}
