using System.Numerics;
using SeqZero.Learning.Losses;
using SeqZero.Learning.Networks;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Learning;

/// <summary>MRzero's quantitative auto-encoder (paper Fig. 9) as one objective of u = [sequence parameters, network weights]:
/// sequence → signal → one adjoint image per block of equal sample count (e.g. one per inversion) → per pixel the
/// features (Re, Im of every block), scaled to unit length → a network (<see cref="PixelMlp"/> per pixel, or <see cref="ImageCnn"/>
/// over the image) → T1 = scale·softplus(output) [s]
/// → <see cref="MapErrorLoss"/> against the true T1 map. The gradient runs back through all of it to the network
/// weights and to the free sequence numbers. Gradient moments must stay fixed (the recon's k is not differentiated).</summary>
public sealed class T1MappingObjective<T> : IObjective where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IsochromatSimulator<T> _simulator;
    private readonly MapErrorLoss _loss;
    private readonly double _featureEpsilon, _t1ScaleSeconds;

    public T1MappingObjective(ParameterSet sequenceParameters, IsochromatSimulator<T> simulator, VoxelSet voxels, ImageGrid grid, int blocks,
        IPixelNetwork network, MapErrorLoss loss, double featureEpsilon, double t1ScaleSeconds)
    {
        if (sequenceParameters.Parameters.Any(p => p.Kind is ParameterKind.MomentX or ParameterKind.MomentY))
            throw new ArgumentException("Gradient moments cannot be free here: the block reconstructions do not differentiate k.", nameof(sequenceParameters));
        if (blocks < 1 || sequenceParameters.Template.AdcCount % blocks != 0)
            throw new ArgumentException($"{sequenceParameters.Template.AdcCount} samples do not split into {blocks} equal blocks.", nameof(blocks));
        if (network.Inputs != 2 * blocks || network.Outputs != 1)
            throw new ArgumentException($"The network maps {network.Inputs} → {network.Outputs} features; {2 * blocks} → 1 is needed.", nameof(network));
        if (voxels.CoilCount != 1) throw new ArgumentException("One receive coil is needed.", nameof(voxels));
        SequenceParameters = sequenceParameters;
        _simulator = simulator;
        Voxels = voxels;
        Grid = grid;
        Blocks = blocks;
        Network = network;
        _loss = loss;
        _featureEpsilon = featureEpsilon;
        _t1ScaleSeconds = t1ScaleSeconds;
        TermNames = [loss.Name];
    }

    public ParameterSet SequenceParameters { get; }
    public VoxelSet Voxels { get; }
    public ImageGrid Grid { get; }
    public int Blocks { get; }
    public IPixelNetwork Network { get; }
    public int Dimension => SequenceParameters.Count + Network.ParameterCount;
    public IReadOnlyList<string> TermNames { get; }

    /// <summary>The T1 map [s] (row-major pixels) the chain predicts for parameters <paramref name="u"/>.</summary>
    public double[] Map(ReadOnlySpan<double> u, CancellationToken cancel = default) => Forward(u, cancel).Map;

    public LossEvaluation Evaluate(ReadOnlySpan<double> u, Span<double> gradient, CancellationToken cancel = default)
    {
        if (gradient.Length != Dimension) throw new ArgumentException($"Gradient has {gradient.Length} entries; {Dimension} expected.", nameof(gradient));
        int s = SequenceParameters.Count, pixels = Grid.PixelCount, width = 2 * Blocks;
        ForwardState f = Forward(u, cancel);
        gradient.Clear();

        // loss → map → network output (T1 = scale·softplus(z), dT1/dz = scale·σ(z))
        var mapAdjoint = new double[pixels];
        double value = _loss.Evaluate(f.Map, mapAdjoint, 1);
        var outputAdjoint = new double[pixels];
        for (int p = 0; p < pixels; p++) outputAdjoint[p] = mapAdjoint[p] * _t1ScaleSeconds / (1 + Math.Exp(-f.Output[p]));

        // network → normalised features → raw features
        double[] normalizedAdjoint = Network.Backward(u[s..], outputAdjoint, gradient[s..]);
        var featureAdjoint = new double[pixels * width];
        RowNormalization.Backward(f.Features, normalizedAdjoint, featureAdjoint, width, _featureEpsilon);

        // features → block images → signal
        int perBlock = f.Signal.SampleCount / Blocks;
        var signalAdjoint = new SimulatedSignal(f.Signal.SampleCount, 1);
        for (int b = 0; b < Blocks; b++)
        {
            var imageAdjoint = new Complex[pixels];
            for (int p = 0; p < pixels; p++) imageAdjoint[p] = new Complex(featureAdjoint[p * width + 2 * b], featureAdjoint[p * width + 2 * b + 1]);
            AdjointEncoding.Backward([imageAdjoint], f.Signal.Values.AsSpan(b * perBlock, perBlock), 1, f.K[(b * perBlock)..((b + 1) * perBlock)], Grid)
                .CopyTo(signalAdjoint.Values, b * perBlock);
        }

        // signal → sequence
        SimulationGradients physical = _simulator.Gradient(f.Sequence, Voxels, signalAdjoint, cancel);
        SequenceParameters.Backward(u[..s], physical, gradient[..s]);
        return new LossEvaluation(value, [value]);
    }

    private sealed record ForwardState(Sequence Sequence, SimulatedSignal Signal, KSpacePoint[] K, double[] Features, double[] Output, double[] Map);

    private ForwardState Forward(ReadOnlySpan<double> u, CancellationToken cancel)
    {
        if (u.Length != Dimension) throw new ArgumentException($"Expected {Dimension} parameters, got {u.Length}.", nameof(u));
        int s = SequenceParameters.Count, pixels = Grid.PixelCount, width = 2 * Blocks;
        Sequence sequence = SequenceParameters.Unpack(u[..s]);
        SimulatedSignal signal = _simulator.Simulate(sequence, Voxels, cancel);
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(sequence);
        int perBlock = signal.SampleCount / Blocks;
        var features = new double[pixels * width];
        for (int b = 0; b < Blocks; b++)
        {
            Complex[] image = AdjointEncoding.Forward(signal.Values.AsSpan(b * perBlock, perBlock), 1, k[(b * perBlock)..((b + 1) * perBlock)], Grid)[0];
            for (int p = 0; p < pixels; p++) { features[p * width + 2 * b] = image[p].Real; features[p * width + 2 * b + 1] = image[p].Imaginary; }
        }
        var normalized = new double[features.Length];
        RowNormalization.Forward(features, normalized, width, _featureEpsilon);
        double[] output = Network.Forward(u[s..], normalized, pixels);
        var map = new double[pixels];
        for (int p = 0; p < pixels; p++) map[p] = _t1ScaleSeconds * Softplus(output[p]);
        return new ForwardState(sequence, signal, k, features, output, map);
    }

    private static double Softplus(double z) => z > 30 ? z : Math.Log(1 + Math.Exp(z));
}
