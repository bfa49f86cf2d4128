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
/// Results (2026-12-04, idle 2-core Zen 5 VM; 256-bit / 512-bit Vector&lt;T&gt;, see <see cref="VectorWidths"/>):
/// | Method             | Experiment | Threads | 256-bit  | 512-bit  | Allocated |
/// | Epoch              | exp1       | 1       | 530 ms   | 439 ms   | 16.7 MB   |
/// | Epoch              | exp1       | 2       | 426 ms   | 363 ms   | 16.8 MB   |
/// | Epoch              | exp2       | 1       | 525 ms   | 451 ms   | 26.5 MB   |
/// | Epoch              | exp2       | 2       | 454 ms   | 413 ms   | 26.7 MB   |
/// | ForwardBatchDouble | exp1       | 1       | 5.93 ms  | 3.71 ms  | 152 B     |
/// | ForwardBatchFloat  | exp1       | 1       | 1.59 ms  | 1.04 ms  | 152 B     |
/// A paper-length run (1 000 epochs) is ≈ 7.3 minutes (exp1, 512-bit, one thread) here.</summary>
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
