using System.Numerics;
using PureHDF;
using SeqZero.Phantoms.Loaders;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;
using SeqZero.Simulation;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Tests.Simulation.Blocks;

/// <summary>The block engine on JEMRIS's own EPI of Koma's sphere phantom (shared/data/reference), as Koma validates itself.</summary>
public class JemrisEpiAgreementTests
{
    // Koma accepts NRMSE < 1 % against JEMRIS for this case (its test suite); we measure 0.674 %. The exact solution of
    // this sequence on these spins is 0.674 % from JEMRIS as well and the engine matches it to 5e-6
    // (EpiClosedFormTests): the residual is the reference's integration error, so 1 % stays the acceptance here.
    private const double KomaAcceptance = 0.01;

    [Fact]
    public void Simulate_EpiOnSphere_MatchesJemrisWithinKomasAcceptance()
    {
        string seqPath = SharedData.File("reference", "epi_100x100_TE100_FOV230.seq");
        SegmentedSequence sequence = PulseqSegmentation.FromDecoded(PulseqDecoder.Decode(PulseqReader.ReadFile(seqPath)), seqPath);
        SpinPhantom sphere = KomaPhantomLoader.Load(SharedData.File("phantoms", "koma_phantom_sphere.h5"));
        SimulatedSignal ours = new BlockSimulator<double>().Simulate(sequence, sphere);

        using var file = H5File.OpenRead(SharedData.File("reference", "jemris_signals_epi_sphere_cs.h5"));
        double[,] channel = file.Dataset("signal/channels/00").Read<double[,]>();
        Assert.Equal(channel.GetLength(0), ours.SampleCount);
        // JEMRIS: columns (Re, Im, Mz), summed over spins, demodulated without our π/2 receiver convention
        // (SeqZero makes the on-resonance FID real positive; JEMRIS leaves it at −i): JEMRIS = i·ours/N
        double diff = 0, norm = 0;
        for (int i = 0; i < ours.SampleCount; i++)
        {
            var jemris = new Complex(channel[i, 0], channel[i, 1]);
            Complex mine = Complex.ImaginaryOne * ours.Values[i] / sphere.Count;
            diff += Math.Pow((mine - jemris).Magnitude, 2);
            norm += Math.Pow(jemris.Magnitude, 2);
        }
        double nrmse = Math.Sqrt(diff / norm);
        Assert.True(nrmse < KomaAcceptance, $"NRMSE {nrmse:P3}");
    }
}
