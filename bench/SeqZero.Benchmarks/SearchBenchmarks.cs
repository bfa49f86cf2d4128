using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using SeqZero.Search;

namespace SeqZero.Benchmarks;

/// <summary>Sequence Search at the paper's sizes: one epoch (100 000 voxels × 256 spins in batches of 1 000, one
/// ProxylessNAS iteration per batch), and one batch's forward pass of a five-RF design in float and double (the
/// double path is the reference the float path is measured against).
/// Run: `dotnet run -c Release --project bench/SeqZero.Benchmarks -- --filter '*Search*'`.
/// Results (2026-12-03, 2-core Zen 5 VM running two other one-thread jobs, benchmark at nice 10, so these wall times are
/// ~1.7× the CPU time; `seqzero bench --case search-epoch --threads 1` gives CPU seconds: exp1 0.36, exp2 0.51–0.56,
/// exp3 0.35 s per epoch, before the 2026-12-03 changes 0.63, 0.87–0.92, 0.66–0.83):
/// | Method             | Experiment | Threads | Mean     | Allocated |
/// | Epoch              | exp1       | 1       | 649 ms   | 3.6 MB    |
/// | Epoch              | exp1       | 2       | 687 ms   | 3.8 MB    |
/// | Epoch              | exp2       | 1       | 902 ms   | 18.9 MB   |
/// | Epoch              | exp2       | 2       | 916 ms   | 19.2 MB   |
/// | ForwardBatchDouble | exp1       | 1       | 9.0 ms   | 152 B     |
/// | ForwardBatchFloat  | exp1       | 1       | 2.55 ms  | 152 B     |
/// (2026-11-23, load 10–19: Epoch exp1 1.186 s / 14.9 MB, exp2 1.441 s, ForwardBatchFloat 7.3 ms, Double 10.8 ms.)
/// A paper-length run (1 000 epochs) is ≈ 6 CPU-minutes (exp1) here.</summary>
[MemoryDiagnoser]
[Config(typeof(VectorWidths))]
public class SearchBenchmarks
{
    private SequenceSearch search = null!;
    private VoxelDataSet data = null!;
    private int[] batch = null!;
    private Complex[] signals = null!;
    private VoxelOperation[] design = null!;
    private VoxelSimulator<float> single = null!;
    private VoxelSimulator<double> dbl = null!;

    [Params("exp1", "exp2")]
    public string Experiment { get; set; } = "exp1";

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        ExperimentSpec spec = ExperimentSpec.Named(Experiment);
        data = VoxelDataSet.Generate(new VoxelDataSetOptions { Tissues = spec.Tissues });
        search = new SequenceSearch(spec, data, SpinSet.Create(), new SupernetOptions(), seed: 0, Threads);
        batch = [.. Enumerable.Range(0, 1000)];
        signals = new Complex[batch.Length];
        design = [.. Enumerable.Range(0, 5).Select(i => VoxelOperation.Rf(0.5 + 0.5 * i, 0.3 * i, 0.0062 + 0.05 * i))];
        single = new VoxelSimulator<float>(SpinSet.Create(), Threads);
        dbl = new VoxelSimulator<double>(SpinSet.Create(), Threads);
    }

    /// <summary>One epoch: 100 iterations of forward + reverse + gate probes on 1 000 voxels.</summary>
    [Benchmark]
    public double Epoch() => search.Epoch();

    [Benchmark(Baseline = true)]
    public Complex ForwardBatchDouble()
    {
        dbl.Simulate(design, data, batch, signals);
        return signals[0];
    }

    [Benchmark]
    public Complex ForwardBatchFloat()
    {
        single.Simulate(design, data, batch, signals);
        return signals[0];
    }
}

/// <summary>Each benchmark twice: with the runtime's default 256-bit Vector&lt;T&gt; and with 512 bits, as `seqzero search`
/// runs on AVX-512 CPUs (it reruns itself with DOTNET_MaxVectorTBitWidth=512).</summary>
internal sealed class VectorWidths : ManualConfig
{
    public VectorWidths()
    {
        Job quick = Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3);
        AddJob(quick.WithId("Vector256"));
        AddJob(quick.WithEnvironmentVariable("DOTNET_MaxVectorTBitWidth", "512").WithId("Vector512"));
    }
}
