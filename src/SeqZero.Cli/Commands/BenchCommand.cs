using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Search;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Phantoms.Loaders;
using SeqZero.Simulation;
using SeqZero.Simulation.Blocks;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero bench`: headline timings of the isochromat engine on named workloads, as one JSON object.
/// Cases match the MRzero-Core reference (shared/data/reference/mrzero-core): FLASH 10° with RF spoiling, and
/// single-shot RARE (CPMG); `mrzero-paper` is the MRzero paper's 48×48 FLASH with 625 isochromats, forward + backward;
/// `search-epoch` is one Sequence Search training epoch (<see cref="SearchEpochBench"/>).</summary>
internal static class BenchCommand
{
    public sealed record BlockResult(string Case, int Spins, int Segments, int Samples, int Threads, double Seconds,
        double SpinStepsPerSecond, long PeakWorkingSetBytes);

    public sealed record Result(string Case, int Matrix, int Voxels, int SpinsPerVoxel, int Events, int Threads,
        double SecondsForward, double? SecondsBackward, double SpinEventsPerSecondForward, long PeakWorkingSetBytes);

    public static Command Create(TextWriter output)
    {
        var caseOption = new Option<string>("--case") { Description = "flash | rare | mrzero-paper (fast engine); epi-sphere | epi-brain (block engine); search-epoch (Sequence Search).", DefaultValueFactory = _ => "flash" };
        var seqFile = new Option<string?>("--seq") { Description = "epi-*: the .seq file (default: a built-in 100×100 EPI with a 100 µs hard pulse)." };
        var matrix = new Option<int?>("--matrix") { Description = "Matrix size N (default 64; mrzero-paper: 48)." };
        var spins = new Option<int?>("--spins") { Description = "Isochromats per voxel (default 32; mrzero-paper: 625; search-epoch: 256)." };
        var experiment = new Option<string>("--experiment") { Description = "search-epoch: exp1 | exp2 | exp2-distinct-t1 | exp3.", DefaultValueFactory = _ => "exp1" };
        var voxels = new Option<int>("--voxels") { Description = "search-epoch: voxels per epoch (paper: 100000).", DefaultValueFactory = _ => VoxelDataSetOptions.PaperVoxelCount };
        var gradients = new Option<bool>("--gradients") { Description = "Also time the backward pass (loss: image MSE through the adjoint reconstruction)." };
        var phantom = new Option<string?>("--phantom") { Description = "builtin:brain | builtin:sphere | FILE (default: the case's built-in phantom)." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores)." };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs after one warm-up; the fastest counts.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print only the JSON object." };
        var outOption = new Option<string?>("--out") { Description = "Also write the JSON object to DIR/bench.json." };
        var command = new Command("bench", "Time the isochromat engine on a named workload and print the figures.")
        {
            caseOption, matrix, spins, gradients, phantom, seqFile, experiment, voxels, threads, repeats, json, outOption,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(caseOption)!;
            int r = parse.GetValue(repeats);
            if (r < 1) throw new ArgumentException($"--repeats: {r} must be ≥ 1.");
            if (name is "epi-sphere" or "epi-brain")
            {
                BlockResult block = RunBlock(name, parse.GetValue(seqFile), parse.GetValue(phantom), parse.GetValue(threads), r,
                    parse.GetValue(json) ? TextWriter.Null : output);
                output.WriteLine(JsonOutput.Serialize(block));
                WriteOut(parse.GetValue(outOption), block);
                return ExitCodes.Success;
            }
            if (name == "search-epoch")
            {
                SearchEpochBench.Result epoch = SearchEpochBench.Run(parse.GetValue(experiment)!, parse.GetValue(voxels),
                    parse.GetValue(spins) ?? SpinSet.PaperSpinCount, parse.GetValue(threads), r, parse.GetValue(json) ? TextWriter.Null : output);
                output.WriteLine(JsonOutput.Serialize(epoch));
                WriteOut(parse.GetValue(outOption), epoch);
                return ExitCodes.Success;
            }
            bool paper = name == "mrzero-paper";
            int n = parse.GetValue(matrix) ?? (paper ? 48 : 64);
            int s = parse.GetValue(spins) ?? (paper ? 625 : 32);
            bool withGradients = parse.GetValue(gradients) || paper;
            Sequence sequence = name switch
            {
                "flash" or "mrzero-paper" => Flash.Build(new FlashOptions { Matrix = n }),
                "rare" => Rare.Build(new RareOptions { Matrix = n }),
                _ => throw new ArgumentException($"--case: unknown case '{name}'; choose flash, rare, mrzero-paper, epi-sphere, epi-brain or search-epoch."),
            };
            if (s < 1) throw new ArgumentException($"--spins: {s} must be ≥ 1.");
            VoxelPhantom ph = PhantomSource.Load(parse.GetValue(phantom) ?? "builtin:brain", n, 0.2);
            Result result = Run(name, sequence, VoxelSet.FromPhantom(ph), ph, n, s, parse.GetValue(threads), withGradients, r,
                parse.GetValue(json) ? TextWriter.Null : output);
            output.WriteLine(JsonOutput.Serialize(result));
            WriteOut(parse.GetValue(outOption), result);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteOut<TResult>(string? folder, TResult result)
    {
        if (folder is null) return;
        Directory.CreateDirectory(folder);
        JsonOutput.Write(Path.Combine(folder, "bench.json"), result);
    }

    /// <summary>The block engine on an EPI 100×100 (the JEMRIS/Koma accuracy case when given its files). Built-in defaults:
    /// the SeqZero EPI with 100 µs hard pulses, on the built-in sphere (100², ≈ 5 000 spins) or brain (224², ≈ 26 000 spins,
    /// the size of koma_brain.h5).</summary>
    private static BlockResult RunBlock(string name, string? seqPath, string? phantomSpec, int? threads, int repeats, TextWriter log)
    {
        SegmentedSequence sequence = seqPath is null
            ? IsochromatSpins.WithHardPulses(Epi.Build(new EpiOptions { Matrix = 100, FovMeters = 0.23 }), 100e-6)
            : PulseqSimulationJob.Load(seqPath);
        SpinPhantom spins = phantomSpec is not null ? PulseqSimulationJob.LoadSpins(phantomSpec, 100, 1)
            : name == "epi-sphere" ? PulseqSimulationJob.LoadSpins("builtin:sphere", 100, 1)
            : PulseqSimulationJob.LoadSpins("builtin:brain", 224, 1);
        var engine = new BlockSimulator<float>(threads);
        log.WriteLine($"{name}: {spins.Count} spins × {sequence.Segments.Count} segments on {engine.Threads} threads");
        double best = double.PositiveInfinity;
        for (int i = 0; i <= repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            engine.Simulate(sequence, spins);
            if (i > 0) best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return new BlockResult(name, spins.Count, sequence.Segments.Count, sequence.SampleCount, engine.Threads, best,
            (double)spins.Count * sequence.Segments.Count / best, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private static Result Run(string name, Sequence sequence, VoxelSet voxels, VoxelPhantom phantom, int matrix, int spins, int? threads,
        bool withGradients, int repeats, TextWriter log)
    {
        var engine = new IsochromatSimulator<float>(Isochromats.Deterministic(spins), threads);
        log.WriteLine($"{name}: {voxels.Count} voxels × {spins} isochromats × {sequence.EventCount} events on {engine.Threads} threads");
        double forward = double.PositiveInfinity, backward = double.PositiveInfinity;
        for (int i = 0; i <= repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            SimulatedSignal signal = engine.Simulate(sequence, voxels);
            if (i > 0) forward = Math.Min(forward, clock.Elapsed.TotalSeconds);
            if (!withGradients) continue;
            clock.Restart();
            ImageLossGradient(engine, sequence, voxels, phantom, matrix, signal);
            if (i > 0) backward = Math.Min(backward, clock.Elapsed.TotalSeconds);
            log.WriteLine($"  run {i}{(i == 0 ? " (warm-up)" : "")}: forward {forward:F3} s, backward {backward:F3} s");
        }
        double spinEvents = (double)voxels.Count * spins * sequence.EventCount;
        return new Result(name, matrix, voxels.Count, spins, sequence.EventCount, engine.Threads, forward,
            withGradients ? backward : null, spinEvents / forward, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    /// <summary>The MRzero-Core reference loss mean((|reco|/N² − PD)²) and its gradient w.r.t. every sequence parameter:
    /// adjoint reconstruction VJP, then the engine's reverse mode.</summary>
    private static SimulationGradients ImageLossGradient(IsochromatSimulator<float> engine, Sequence sequence, VoxelSet voxels,
        VoxelPhantom phantom, int matrix, SimulatedSignal signal)
    {
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(sequence);
        ImageGrid grid = ImageGrid.Square(matrix, 0.2);
        Complex[] image = AdjointEncoding.Forward(signal.Values, signal.CoilCount, k, grid)[0];
        double scale = 1.0 / (matrix * matrix);
        var imageAdjoint = new Complex[image.Length];
        for (int i = 0; i < image.Length; i++)
        {
            double magnitude = image[i].Magnitude, residual = magnitude * scale - phantom.ProtonDensity[i];
            // ∂/∂image of mean((|I|·scale − PD)²) = 2·residual·scale·I/|I| / pixels
            imageAdjoint[i] = magnitude > 0 ? 2 * residual * scale * image[i] / magnitude / image.Length : 0;
        }
        Complex[] signalAdjoint = AdjointEncoding.Backward([imageAdjoint], signal.Values, signal.CoilCount, k, grid);
        var adjoint = new SimulatedSignal(signal.SampleCount, signal.CoilCount);
        signalAdjoint.CopyTo(adjoint.Values, 0);
        return engine.Gradient(sequence, voxels, adjoint);
    }
}
