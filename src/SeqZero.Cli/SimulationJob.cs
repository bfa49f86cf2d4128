using System.Diagnostics;
using System.Numerics;
using SeqZero.IO;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Reports;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Cli;

/// <summary>Simulate → reconstruct → write signal.npy, image.npy, image.png, kspace.png, summary.json.
/// Shared by `demo` and `simulate`.</summary>
internal static class SimulationJob
{
    public sealed record Summary(
        string Sequence, string Phantom, int Matrix, double FovM, int Voxels, int SpinsPerVoxel, int Repetitions, int Events,
        int Samples, int Coils, string Precision, bool PerfectSpoiling, int Threads, double SecondsSimulation, double SecondsReconstruction,
        double ScanTimeS, double RfEnergyRad2, string Reconstruction, double MaxImageMagnitude, string[] Files);

    public static Summary Run(Sequence sequence, VoxelPhantom phantom, string phantomName, int matrix, double fovMeters, int spins,
        bool doublePrecision, bool perfectSpoiling, bool diffusion, string outputFolder, TextWriter log)
    {
        Directory.CreateDirectory(outputFolder);
        VoxelSet voxels = VoxelSet.FromPhantom(phantom);
        var isochromats = Isochromats.Deterministic(spins);
        log.WriteLine($"Simulating {sequence.Name}: {voxels.Count} voxels × {spins} isochromats, {sequence.EventCount} events, {(doublePrecision ? "double" : "single")} precision …");

        var clock = Stopwatch.StartNew();
        SimulatedSignal signal;
        using (var ctrlC = new CancelOnCtrlC())
        using (var progress = new ConsoleProgress(Console.Error, "simulating"))
        {
            signal = doublePrecision
                ? new IsochromatSimulator<double>(isochromats, perfectSpoiling: perfectSpoiling, diffusion: diffusion).Simulate(sequence, voxels, ctrlC.Token, progress)
                : new IsochromatSimulator<float>(isochromats, perfectSpoiling: perfectSpoiling, diffusion: diffusion).Simulate(sequence, voxels, ctrlC.Token, progress);
        }
        double simulationSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(sequence);
        ImageGrid grid = ImageGrid.Square(matrix, fovMeters);
        (Complex[] image, bool cartesian) = Reconstructor.Reconstruct(signal.Values, signal.CoilCount, k, grid);
        double reconstructionSeconds = clock.Elapsed.TotalSeconds;

        string[] files = ["signal.npy", "image.npy", "image.png", "kspace.png", "summary.json"];
        string Out(string name) => Path.Combine(outputFolder, name);
        if (doublePrecision) NpyWriter.WriteComplex128(Out("signal.npy"), signal.Values, signal.SampleCount, signal.CoilCount);
        else NpyWriter.WriteComplex64(Out("signal.npy"), signal.Values, signal.SampleCount, signal.CoilCount);
        NpyWriter.WriteComplex128(Out("image.npy"), image, grid.SizeY, grid.SizeX);
        Plots.MagnitudeImage(Out("image.png"), image, grid.SizeX, grid.SizeY, $"{sequence.Name} — {phantomName}");
        Plots.KSpace(Out("kspace.png"), k, signal.Values, signal.CoilCount, $"k-space, log |s| ({sequence.AdcCount} samples)");

        var summary = new Summary(sequence.Name, phantomName, matrix, fovMeters, voxels.Count, spins, sequence.Repetitions.Count,
            sequence.EventCount, signal.SampleCount, signal.CoilCount, doublePrecision ? "double" : "single", perfectSpoiling, Environment.ProcessorCount,
            simulationSeconds, reconstructionSeconds, sequence.DurationSeconds, RfEnergy.SumOfSquaredFlipAngles(sequence),
            cartesian ? "cartesian-fft" : "adjoint", image.Max(c => c.Magnitude), files);
        JsonOutput.Write(Out("summary.json"), summary);
        log.WriteLine($"Simulated in {simulationSeconds:F3} s, reconstructed ({summary.Reconstruction}) in {reconstructionSeconds:F3} s.");
        log.WriteLine($"Wrote {string.Join(", ", files)} to {Path.GetFullPath(outputFolder)}");
        return summary;
    }
}
