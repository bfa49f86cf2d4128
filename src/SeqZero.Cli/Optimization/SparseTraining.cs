using System.Numerics;
using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Cli.Optimization;

/// <summary>`--training sparse` (paper Figs. 7–8): a database of single-voxel samples (<see cref="SparseTrainingSet"/>),
/// each with its own target = the target sequence's reconstruction of that sample; one sample per iteration. The run's
/// record (NRMSE, images) is still measured on the brain phantom, which training never sees.</summary>
internal static class SparseTraining
{
    /// <summary>Samples in the database (the paper used 1024; one simulated voxel each, so the set is cheap to build).</summary>
    public const int DefaultSamples = 256;

    public static IReadOnlyList<string> Choices { get; } = ["phantom", "sparse"];

    public static bool IsSparse(string training) => training switch
    {
        "phantom" => false,
        "sparse" => true,
        _ => throw new ArgumentException($"--training: '{training}' is not one of {string.Join(", ", Choices)}."),
    };

    /// <summary>The sampled objective over the database; image loss = magnitude NRMSE² per sample (+ the sequence penalties).
    /// <paramref name="voxelsPerSample"/> random voxels per sample (1: the paper's single voxels; a few: its small blocks).</summary>
    public static SampledObjective Build(ParameterSet parameters, IsochromatSimulator<float> simulator, ImageGrid grid, VoxelPhantom gridSource,
        Sequence target, int seed, IReadOnlyList<Weighted<ISequenceLoss>>? penalties, int voxelsPerSample = 1)
    {
        VoxelSet[] samples = SparseTrainingSet.Create(gridSource, DefaultSamples, seed, voxelsPerSample: voxelsPerSample);
        var objectives = new IObjective[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            Complex[] sampleTarget = new SequenceObjective<float>(parameters, simulator, samples[i], grid, []).Reconstruct(target);
            objectives[i] = new SequenceObjective<float>(parameters, simulator, samples[i], grid,
                [new Weighted<IImageLoss>(new ImageDistanceLoss(sampleTarget, compareMagnitude: true, root: false), 1)], penalties);
        }
        return new SampledObjective(objectives, seed);
    }
}
