using System.Diagnostics;
using SeqZero.IO;
using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;
using SeqZero.Simulation;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Cli;

/// <summary>A Pulseq file through the time-resolved block engine: signal.npy (complex, one row per ADC sample in file
/// order, one column per coil) and summary.json.</summary>
internal static class PulseqSimulationJob
{
    public sealed record Summary(string Sequence, string Phantom, string Engine, string Precision, int Spins, int Segments, int Samples,
        double SequenceDurationS, double Seconds, double SpinStepsPerSecond, string[] Files);

    public static Summary Run(string seqPath, string phantomSpec, int matrix, int isochromats, bool doublePrecision, string outputFolder, TextWriter log)
    {
        SegmentedSequence sequence = Load(seqPath);
        SpinPhantom spins = LoadSpins(phantomSpec, matrix, isochromats);
        Directory.CreateDirectory(outputFolder);
        log.WriteLine($"Simulating {Path.GetFileName(seqPath)} (block engine): {spins.Count} spins × {sequence.Segments.Count} segments, {sequence.SampleCount} samples …");

        var clock = Stopwatch.StartNew();
        SimulatedSignal signal;
        using (var ctrlC = new CancelOnCtrlC())
        using (var progress = new ConsoleProgress(Console.Error, "simulating"))
            signal = doublePrecision
                ? new BlockSimulator<double>().Simulate(sequence, spins, ctrlC.Token, progress)
                : new BlockSimulator<float>().Simulate(sequence, spins, ctrlC.Token, progress);
        double seconds = clock.Elapsed.TotalSeconds;

        string[] files = ["signal.npy", "summary.json"];
        NpyWriter.WriteComplex128(Path.Combine(outputFolder, "signal.npy"), signal.Values, signal.SampleCount, signal.CoilCount);
        var summary = new Summary(seqPath, phantomSpec, "block", doublePrecision ? "double" : "single", spins.Count, sequence.Segments.Count, sequence.SampleCount,
            sequence.DurationSeconds, seconds, (double)spins.Count * sequence.Segments.Count / seconds, files);
        JsonOutput.Write(Path.Combine(outputFolder, "summary.json"), summary);
        log.WriteLine($"Simulated in {seconds:F3} s. Wrote {string.Join(", ", files)} to {Path.GetFullPath(outputFolder)}");
        return summary;
    }

    public static SegmentedSequence Load(string seqPath) =>
        PulseqSegmentation.FromDecoded(PulseqDecoder.Decode(PulseqReader.ReadFile(seqPath)), seqPath);

    /// <summary>JEMRIS/Koma HDF5 files are spin lists as they stand; voxel phantoms become spin lists of their isochromats.</summary>
    public static SpinPhantom LoadSpins(string phantomSpec, int matrix, int isochromats)
    {
        string extension = Path.GetExtension(phantomSpec).ToLowerInvariant();
        if (extension is ".h5" or ".hdf5") return PhantomLoader.LoadSpins(phantomSpec);
        VoxelPhantom phantom = PhantomSource.Load(phantomSpec, matrix, 0.2);
        return IsochromatSpins.FromVoxels(VoxelSet.FromPhantom(phantom), Isochromats.Deterministic(isochromats));
    }
}
