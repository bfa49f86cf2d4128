using System.Numerics;
using BenchmarkDotNet.Attributes;
using SeqZero.Search;

namespace SeqZero.Benchmarks;

/// <summary>Sequence Search at the paper's sizes: one epoch (100 000 voxels × 256 spins in batches of 1 000, one
/// ProxylessNAS iteration per batch), and one batch's forward pass of a five-RF design in float and double (the
/// double path is the reference the float path is measured against).
/// Run: `dotnet run -c Release --project bench/SeqZero.Benchmarks -- --filter '*Search*'`.
/// Results (2026-11-23, 2-core VM shared with other jobs, load 10–19, so a second thread did not help):
/// | Method             | Experiment | Threads | Mean     | Allocated |
/// | Epoch              | exp1       | 1       | 1.186 s  | 14.9 MB   |
/// | Epoch              | exp1       | 2       | 1.322 s  | 15.1 MB   |
/// | Epoch              | exp2       | 1       | 1.441 s  | 18.0 MB   |
/// | Epoch              | exp2       | 2       | 1.433 s  | 18.3 MB   |
/// | ForwardBatchDouble | exp1       | 1       | 10.8 ms  | 152 B     |
/// | ForwardBatchFloat  | exp1       | 1       | 7.3 ms   | 152 B     |
/// A paper-length run (1 000 epochs) is ≈ 20 min of one core here.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
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
        data = VoxelDataSet.Generate(new VoxelDataSetOptions { EqualT1 = spec.EqualT1 });
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
