using System.Numerics;
using BenchmarkDotNet.Attributes;
using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Benchmarks;

/// <summary>One optimiser iteration of the encoding task (loss + gradient through simulation, adjoint recon and
/// trajectory): "GRE encoding N², S isochromats", float engine, all cores. The paper's size is 48² with 625 isochromats.
/// Reference figures from `seqzero optimize` on 2 shared cores (whole iteration incl. optimiser; 2026-11-23; this
/// benchmark itself not yet run under BenchmarkDotNet):
/// | workload                        | s/iteration |
/// |---------------------------------|-------------|
/// | encoding 32², 4 isochromats      | 0.09–0.36 (quiet → busy machine) |
/// | encoding 48², 625 isochromats    | 12.4 |</summary>
[MemoryDiagnoser]
public class LearningBenchmarks
{
    private SequenceObjective<float> _objective = null!;
    private double[] _u = [], _gradient = [];

    [Params(32, 48)]
    public int Matrix { get; set; }

    [Params(4, 625)]
    public int Isochromats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const double Fov = 0.2;
        Sequence target = Flash.Build(new FlashOptions { Matrix = Matrix, FlipAngleDegrees = 5, RfSpoilingIncrementDegrees = 0 });
        var parameters = new ParameterSet(target)
            .AddFlipAngles(ParameterTransform.Linear(Math.PI / 180))
            .AddMomentsX(ParameterTransform.Linear(1 / Fov))
            .AddMomentsY(ParameterTransform.Linear(1 / Fov));
        var simulator = new IsochromatSimulator<float>(Simulation.Isochromats.Deterministic(Isochromats), perfectSpoiling: true);
        VoxelSet voxels = VoxelSet.FromPhantom(BuiltInPhantoms.Brain(Matrix, Fov));
        ImageGrid grid = ImageGrid.Square(Matrix, Fov);
        Complex[] targetImage = new SequenceObjective<float>(parameters, simulator, voxels, grid, []).Reconstruct(target);
        _objective = new SequenceObjective<float>(parameters, simulator, voxels, grid,
            [new Weighted<IImageLoss>(new ImageDistanceLoss(targetImage, compareMagnitude: true, root: false), 1)]);
        _u = parameters.Pack(target);
        _gradient = new double[_u.Length];
    }

    [Benchmark(Description = "encoding iteration: loss + gradient")]
    public double LossAndGradient() => _objective.Evaluate(_u, _gradient).Total;
}
