using BenchmarkDotNet.Attributes;
using SeqZero.Search;

namespace SeqZero.Benchmarks;

/// <summary>The reference grids of Sequence Search on the `grid` verb's default evaluation set (3 000 voxels × 256
/// spins, both cores): Table IV's two-RF grids of Exp 1 (2.65 M combinations), Exp 2 (9.66 M) and Exp 3 (2.77 M), and the
/// double-inversion grid of objectives nulling two tissues (10.8 M, grey matter only). The bar: ≤ 1 min each.
/// Run: `dotnet run -c Release --project bench/SeqZero.Benchmarks -- --filter '*GridBenchmarks*'`.
/// Results (2026-12-04, idle 2-core Zen 5 VM, 256-bit): exp1 2.1 s, exp2 7.6 s, exp3 5.4 s, double-inversion 2.3 s;
/// allocated 14 / 47 / 65 / 6.3 MB.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GridBenchmarks
{
    private const int Threads = 2;
    private VoxelDataSet voxels = null!;
    private SpinSet spins = null!;

    private static ExperimentSpec GreyMatterOnly { get; } = ExperimentSpec.Custom with
    {
        SignalTissues = [TissueClass.GrayMatter], NullWeight = 10, NullTissues = [TissueClass.WhiteMatter, TissueClass.Csf],
    };

    /// <summary>exp1, exp2, exp3: Table IV's grid; double-inversion: the grey-matter-only reference (Table I tissues).</summary>
    [Params("exp1", "exp2", "exp3", "double-inversion")]
    public string Grid { get; set; } = "exp1";

    private bool IsDoubleInversion => Grid == "double-inversion";

    [GlobalSetup]
    public void Setup()
    {
        IReadOnlyList<TissueDistribution> tissues = IsDoubleInversion ? GreyMatterOnly.Tissues : ExperimentSpec.Named(Grid).Tissues;
        voxels = VoxelDataSet.Generate(new VoxelDataSetOptions { Count = 3000, Tissues = tissues });
        spins = SpinSet.Create();
    }

    [Benchmark]
    public double Run()
    {
        if (IsDoubleInversion) return DoubleInversionGridSearch.Run(GreyMatterOnly, DoubleInversionGrid.Default, voxels, spins, Threads).ScanLoss;
        ExperimentSpec spec = ExperimentSpec.Named(Grid);
        return TwoPulseGridSearch.Run(spec, spec.Grid, voxels, spins, Threads).Loss;
    }
}
