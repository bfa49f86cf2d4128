using System.Diagnostics;
using System.Numerics;
using SeqZero.IO;
using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Conversion;
using SeqZero.Reconstruction;
using SeqZero.Reports;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;
using SeqZero.Sequences;
using SeqZero.Simulation;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Cli;

/// <summary>A Pulseq file through the time-resolved block engine (or, with --engine fast, the instantaneous-pulse engine on
/// its conversion): signal.npy (complex, one row per ADC sample in file order, one column per coil) and summary.json.</summary>
internal static class PulseqSimulationJob
{
    public sealed record Summary(string Sequence, string Phantom, string Engine, string Precision, int Spins, int Segments, int Samples,
        double SequenceDurationS, double Seconds, double SpinStepsPerSecond, string Reconstruction, string[] Files);

    /// <param name="fast">Run the instantaneous-pulse engine on the file's conversion (<see cref="PulseqToSequence"/>)
    /// instead of the time-resolved block engine.</param>
    /// <param name="coilsPath">Optional .npy of complex receive sensitivities, shape (coils, spins) in the spin order of
    /// the phantom after any T2' expansion.</param>
    public static Summary Run(string seqPath, string phantomSpec, int matrix, double fovMeters, int isochromats, bool doublePrecision, bool fast,
        string? coilsPath, string outputFolder, TextWriter log)
    {
        DecodedSequence decoded = PulseqDecoder.Decode(PulseqReader.ReadFile(seqPath));
        SegmentedSequence segments = PulseqSegmentation.FromDecoded(decoded, seqPath);
        SpinPhantom spins = LoadSpins(phantomSpec, matrix, isochromats);
        if (coilsPath is not null) spins.SetCoilSensitivities(CoilMaps(coilsPath, spins.Count));
        Directory.CreateDirectory(outputFolder);
        string engine = fast ? "fast" : "block";
        log.WriteLine($"Simulating {Path.GetFileName(seqPath)} ({engine} engine): {spins.Count} spins, {segments.SampleCount} samples …");

        var clock = Stopwatch.StartNew();
        SimulatedSignal signal;
        using (var ctrlC = new CancelOnCtrlC())
        using (var progress = new ConsoleProgress(Console.Error, "simulating"))
        {
            if (fast)
            {
                Sequence sequence = PulseqToSequence.Convert(decoded, Path.GetFileNameWithoutExtension(seqPath));
                VoxelSet voxels = SpinVoxels(spins);
                signal = doublePrecision
                    ? new IsochromatSimulator<double>(Isochromats.Deterministic(1)).Simulate(sequence, voxels, ctrlC.Token, progress)
                    : new IsochromatSimulator<float>(Isochromats.Deterministic(1)).Simulate(sequence, voxels, ctrlC.Token, progress);
            }
            else
            {
                signal = doublePrecision
                    ? new BlockSimulator<double>().Simulate(segments, spins, ctrlC.Token, progress)
                    : new BlockSimulator<float>().Simulate(segments, spins, ctrlC.Token, progress);
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;

        string[] files = ["signal.npy", "image.npy", "image.png", "kspace.png", "summary.json"];
        NpyWriter.WriteComplex128(Path.Combine(outputFolder, "signal.npy"), signal.Values, signal.SampleCount, signal.CoilCount);
        string reconstruction = Reconstruct(decoded, signal, matrix, fovMeters, outputFolder);
        var summary = new Summary(seqPath, phantomSpec, engine, doublePrecision ? "double" : "single", spins.Count, segments.Segments.Count,
            segments.SampleCount, segments.DurationSeconds, seconds, (double)spins.Count * segments.Segments.Count / seconds, reconstruction, files);
        JsonOutput.Write(Path.Combine(outputFolder, "summary.json"), summary);
        log.WriteLine($"Simulated in {seconds:F3} s. Wrote {string.Join(", ", files)} to {Path.GetFullPath(outputFolder)}");
        return summary;
    }

    /// <summary>Image on an N×N grid of the given FOV from the file's k-space trajectory (MATLAB's rules: k from the
    /// excitation centres, mirrored at refocusing centres), by <see cref="Reconstructor"/>.</summary>
    private static string Reconstruct(DecodedSequence decoded, SimulatedSignal signal, int matrix, double fovMeters, string outputFolder)
    {
        GradientWaveform[] waveforms = [.. Enumerable.Range(0, 3).Select(axis => GradientWaveform.Build(decoded, axis))];
        PulseqKSpaceTrajectory trajectory = PulseqKSpaceTrajectory.Compute(decoded, waveforms);
        KSpacePoint[] k = [.. Enumerable.Range(0, signal.SampleCount).Select(s =>
            new KSpacePoint(trajectory.KPerMeter[0][s], trajectory.KPerMeter[1][s], trajectory.KPerMeter[2][s], 0))];
        ImageGrid grid = ImageGrid.Square(matrix, fovMeters);
        (Complex[] image, bool cartesian) = Reconstructor.Reconstruct(signal.Values, signal.CoilCount, k, grid);
        NpyWriter.WriteComplex128(Path.Combine(outputFolder, "image.npy"), image, grid.SizeY, grid.SizeX);
        Plots.MagnitudeImage(Path.Combine(outputFolder, "image.png"), image, grid.SizeX, grid.SizeY, Path.GetFileName(outputFolder));
        Plots.KSpace(Path.Combine(outputFolder, "kspace.png"), k, signal.Values, signal.CoilCount, $"k-space ({signal.SampleCount} samples)");
        return cartesian ? "cartesian-fft" : "adjoint";
    }

    private static Complex[][] CoilMaps(string path, int spins)
    {
        NpyArray maps = NpyReader.Read(path);
        if (maps.Shape.Count != 2 || maps.Shape[1] != spins)
            throw new PhantomException(path, "coil_sens", $"shape ({string.Join(", ", maps.Shape)}) must be (coils, {spins}).");
        int coils = maps.Shape[0];
        return [.. Enumerable.Range(0, coils).Select(c => Enumerable.Range(0, spins)
            .Select(i => new Complex(maps.Real[c * spins + i], maps.Imaginary?[c * spins + i] ?? 0)).ToArray())];
    }

    public static SegmentedSequence Load(string seqPath) =>
        PulseqSegmentation.FromDecoded(PulseqDecoder.Decode(PulseqReader.ReadFile(seqPath)), seqPath);

    /// <summary>JEMRIS/Koma HDF5 files are spin lists (spins with a finite T2' split into <paramref name="isochromats"/>
    /// Lorentzian sub-spins); voxel phantoms become spin lists of their isochromats.</summary>
    public static SpinPhantom LoadSpins(string phantomSpec, int matrix, int isochromats)
    {
        string extension = Path.GetExtension(phantomSpec).ToLowerInvariant();
        if (extension is ".h5" or ".hdf5") return IsochromatSpins.ExpandT2Prime(PhantomLoader.LoadSpins(phantomSpec), isochromats);
        VoxelPhantom phantom = PhantomSource.Load(phantomSpec, matrix, 0.2);
        return IsochromatSpins.FromVoxels(VoxelSet.FromPhantom(phantom), Isochromats.Deterministic(isochromats));
    }

    /// <summary>A spin list as voxels of one isochromat each at the spin's own position (voxel size 0: no intra-voxel
    /// dephasing; T2' is not represented, as one isochromat carries no frequency spread).</summary>
    private static VoxelSet SpinVoxels(SpinPhantom spins)
    {
        var voxels = new VoxelSet(spins.Count, spins.CoilCount, 0, 0, 0);
        for (int i = 0; i < spins.Count; i++)
        {
            voxels.PositionXMeters[i] = spins.XMeters[i]; voxels.PositionYMeters[i] = spins.YMeters[i]; voxels.PositionZMeters[i] = spins.ZMeters[i];
            voxels.ProtonDensity[i] = spins.ProtonDensity[i];
            voxels.T1Seconds[i] = spins.T1Seconds[i]; voxels.T2Seconds[i] = spins.T2Seconds[i];
            voxels.T2PrimeSeconds[i] = double.PositiveInfinity;
            voxels.B0Hertz[i] = spins.B0Hertz[i];
            voxels.B1[i] = spins.B1[i];
            for (int c = 0; c < spins.CoilCount; c++) voxels.CoilSensitivities[c][i] = spins.CoilSensitivities[c][i];
        }
        return voxels;
    }
}
