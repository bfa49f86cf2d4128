using System.Numerics;
using SeqZero.Learning;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Cli.Optimization;

/// <summary>The gradient-echo setting of the paper's encoding and SAR tasks (Figs. 3–5): the built-in brain, a Cartesian
/// FLASH target (builder timing: dwell 80 µs, 1 ms gap, 1 ms prewinder, 2 ms spoiler; no RF spoiling) simulated with
/// perfect spoiling, and its adjoint reconstruction as the target image.</summary>
internal sealed record GreProblem(Sequence Target, VoxelSet Voxels, IsochromatSimulator<float> Simulator, ImageGrid Grid, Complex[] TargetImage)
{
    /// <summary>The paper's target flip angle [deg].</summary>
    public const double TargetFlipDegrees = 5;

    public double DeltaKPerMeter => 1 / Grid.FovXMeters;

    public static GreProblem Create(int matrix, double fovMeters, int spins)
    {
        Sequence target = Flash.Build(new FlashOptions
        {
            Matrix = matrix, FovMeters = fovMeters, FlipAngleDegrees = TargetFlipDegrees, RfSpoilingIncrementDegrees = 0,
        });
        target.Name = $"GRE target {matrix}x{matrix} {TargetFlipDegrees}°";
        var simulator = new IsochromatSimulator<float>(Isochromats.Deterministic(spins), perfectSpoiling: true);
        VoxelSet voxels = VoxelSet.FromPhantom(BuiltInPhantoms.Brain(matrix, fovMeters));
        ImageGrid grid = ImageGrid.Square(matrix, fovMeters);
        Complex[] targetImage = new SequenceObjective<float>(new ParameterSet(target), simulator, voxels, grid, []).Reconstruct(target);
        return new GreProblem(target, voxels, simulator, grid, targetImage);
    }
}
