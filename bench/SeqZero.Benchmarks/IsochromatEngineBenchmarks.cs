using BenchmarkDotNet.Attributes;
using SeqZero.Phantoms;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Benchmarks;

/// <summary>The isochromat engine on named workloads (the `seqzero bench` cases), with the readable reference
/// simulator as the baseline on the small case. Run: dotnet run -c Release --project bench/SeqZero.Benchmarks -- --filter '*Isochromat*'.
/// Headline figures from `seqzero bench` on this project's machine (2 cores, AVX-512 EPYC, .NET 10.0.12, idle), 2026-11-23:
/// | workload | forward | backward (image loss through the adjoint recon) |
/// |---|---|---|
/// | FLASH 64², 32 isochromats (2 227 voxels, 4 288 events) | 0.070 s = 4.35 G spin-events/s | — |
/// | RARE 64², 32 isochromats | 0.073 s = 4.14 G spin-events/s | — |
/// | FLASH 64², 625 isochromats | 0.95 s = 6.27 G spin-events/s | — |
/// | FLASH 32², 8 isochromats | 0.0039 s | 0.0143 s |
/// | FLASH 64², 8 isochromats | 0.043 s | 0.161 s (peak working set 92 MB) |
/// | MRzero paper: FLASH 48², 625 isochromats | 0.37 s | 1.63 s |</summary>
[MemoryDiagnoser]
public class IsochromatEngineBenchmarks
{
    private Sequence _flash64 = null!, _flash32 = null!;
    private VoxelSet _brain64 = null!, _brain32 = null!, _awkward = null!;
    private IsochromatSimulator<float> _engine32Spins = null!, _engine8Spins = null!;
    private SimulatedSignal _adjoint32 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _flash64 = Flash.Build(new FlashOptions { Matrix = 64 });
        _flash32 = Flash.Build(new FlashOptions { Matrix = 32 });
        _brain64 = VoxelSet.FromPhantom(BuiltInPhantoms.Brain(64));
        _brain32 = VoxelSet.FromPhantom(BuiltInPhantoms.Brain(32));
        // an awkward size: odd matrix, a voxel count that is no multiple of the vector width
        _awkward = VoxelSet.FromPhantom(BuiltInPhantoms.Sphere(63));
        _engine32Spins = new IsochromatSimulator<float>(Isochromats.Deterministic(32));
        _engine8Spins = new IsochromatSimulator<float>(Isochromats.Deterministic(8));
        SimulatedSignal s = _engine8Spins.Simulate(_flash32, _brain32);
        _adjoint32 = new SimulatedSignal(s.SampleCount, s.CoilCount);
        for (int i = 0; i < s.Values.Length; i++) _adjoint32.Values[i] = s.Values[i]; // L = Σ|s|²/2
    }

    [Benchmark(Description = "FLASH 64², 32 isochromats, forward")]
    public SimulatedSignal Flash64Forward() => _engine32Spins.Simulate(_flash64, _brain64);

    [Benchmark(Description = "FLASH 32², 8 isochromats, forward")]
    public SimulatedSignal Flash32Forward() => _engine8Spins.Simulate(_flash32, _brain32);

    [Benchmark(Description = "FLASH 32², 8 isochromats, backward")]
    public SimulationGradients Flash32Backward() => _engine8Spins.Gradient(_flash32, _brain32, _adjoint32);

    [Benchmark(Description = "FLASH 64² on a 63² sphere, 32 isochromats (awkward size)")]
    public SimulatedSignal AwkwardForward() => _engine32Spins.Simulate(_flash64, _awkward);

    [Benchmark(Baseline = true, Description = "Reference simulator, FLASH 32², 8 isochromats")]
    public SimulatedSignal ReferenceFlash32() => ReferenceSimulator.Simulate(_flash32, _brain32, Isochromats.Deterministic(8));
}
