using System.Diagnostics;
using System.Text.Json.Serialization;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>`bench --case search-epoch`: one Sequence Search training epoch (the paper's 100 000 voxels × 256 spins in
/// batches of 1 000, 5 supernet layers: forward, reverse, gate probes on every 5th iteration, updates). CPU seconds
/// (<see cref="Process.TotalProcessorTime"/>) are the figure to compare on a shared machine; wall seconds are what a run
/// takes there.</summary>
internal static class SearchEpochBench
{
    /// <summary>Spin operations = voxels × spins × layers per epoch (one RF/idle step of one spin in the forward pass;
    /// the reverse pass and the gate probes are part of the cost, not of the count).</summary>
    public sealed record Result(string Case, string Experiment, int VoxelsPerEpoch, int SpinsPerVoxel, int Layers, int IterationsPerEpoch,
        int Threads, int SimdFloatLanes, int EpochsTimed, double SecondsPerEpochCpu, double SecondsPerEpochWall, double SpinOperationsPerCpuSecond,
        [property: JsonPropertyName("projected_1000_epochs_seconds_cpu")] double Projected1000EpochsSecondsCpu,
        [property: JsonPropertyName("projected_1000_epochs_seconds_wall")] double Projected1000EpochsSecondsWall,
        long PeakWorkingSetBytes);

    /// <summary>The epochs of a paper-length run (Section II.B).</summary>
    private const int PaperEpochs = 1000;

    /// <summary>One warm-up epoch, then <paramref name="repeats"/> timed epochs; the fastest counts (CPU and wall each).</summary>
    public static Result Run(string experiment, int voxels, int spins, int? threads, int repeats, TextWriter log)
    {
        if (!ExperimentSpec.All.Any(e => e.Name == experiment))
            throw new ArgumentException($"--experiment: '{experiment}' is not one of {string.Join(", ", SearchSetup.ExperimentNames)}.");
        var options = new SupernetOptions();
        if (voxels < options.BatchSize) throw new ArgumentException($"--voxels: {voxels} must be ≥ one batch ({options.BatchSize}).");
        if (spins < 1) throw new ArgumentException($"--spins: {spins} must be ≥ 1.");
        int t = threads ?? Environment.ProcessorCount;
        if (t < 1) throw new ArgumentException($"--threads: {t} must be ≥ 1.");

        ExperimentSpec spec = ExperimentSpec.Named(experiment);
        VoxelDataSet data = VoxelDataSet.Generate(new VoxelDataSetOptions { Count = voxels, Tissues = spec.Tissues });
        var search = new SequenceSearch(spec, data, SpinSet.Create(spins), options, seed: 0, t);
        int iterations = (voxels + options.BatchSize - 1) / options.BatchSize;
        log.WriteLine($"search-epoch {experiment}: {voxels} voxels × {spins} spins × {options.Layers} layers, {iterations} iterations, {t} threads, {SearchVectorWidth.Describe()}");

        using var process = Process.GetCurrentProcess();
        double cpu = double.PositiveInfinity, wall = double.PositiveInfinity;
        for (int i = 0; i <= repeats; i++)
        {
            process.Refresh();
            TimeSpan cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            search.Epoch();
            double wallSeconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            log.WriteLine($"  epoch {i}{(i == 0 ? " (warm-up)" : "")}: {cpuSeconds:F3} CPU s, {wallSeconds:F3} s wall");
            if (i == 0) continue;
            cpu = Math.Min(cpu, cpuSeconds);
            wall = Math.Min(wall, wallSeconds);
        }
        double spinOperations = (double)voxels * spins * options.Layers;
        return new Result("search-epoch", experiment, voxels, spins, options.Layers, iterations, t, SearchVectorWidth.FloatLanes, repeats, cpu, wall,
            spinOperations / cpu, PaperEpochs * cpu, PaperEpochs * wall, Process.GetCurrentProcess().PeakWorkingSet64);
    }
}
