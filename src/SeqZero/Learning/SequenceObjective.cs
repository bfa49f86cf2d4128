using System.Numerics;
using SeqZero.Learning.Losses;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Learning;

/// <summary>The MRzero chain as an objective of the free parameters u:
/// u → sequence (ParameterSet) → signal (Bloch simulation) → image = adjoint encoding with k(sequence) → Σ w·L_image
/// plus Σ w·L_sequence. The gradient runs the same chain backwards: image losses → ∂L/∂image → adjoint-encoding VJP
/// (∂L/∂signal and ∂L/∂k) → simulator adjoint (∂L/∂sequence) + trajectory VJP (∂L/∂moments via k) → transforms.
/// Single receive coil (the paper's setting).</summary>
public sealed class SequenceObjective<T> : IObjective where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IsochromatSimulator<T> _simulator;
    private readonly IReadOnlyList<Weighted<IImageLoss>> _imageLosses;
    private readonly IReadOnlyList<Weighted<ISequenceLoss>> _sequenceLosses;

    public SequenceObjective(ParameterSet parameters, IsochromatSimulator<T> simulator, VoxelSet voxels, ImageGrid grid,
        IReadOnlyList<Weighted<IImageLoss>> imageLosses, IReadOnlyList<Weighted<ISequenceLoss>>? sequenceLosses = null)
    {
        if (voxels.CoilCount != 1)
            throw new ArgumentException($"The voxel set has {voxels.CoilCount} coils; sequence objectives use one receive coil.", nameof(voxels));
        Parameters = parameters;
        _simulator = simulator;
        Voxels = voxels;
        Grid = grid;
        _imageLosses = imageLosses;
        _sequenceLosses = sequenceLosses ?? [];
        TermNames = [.. _imageLosses.Select(l => l.Loss.Name), .. _sequenceLosses.Select(l => l.Loss.Name)];
    }

    public ParameterSet Parameters { get; }

    /// <summary>The voxels simulated.</summary>
    public VoxelSet Voxels { get; }

    public ImageGrid Grid { get; }

    public int Dimension => Parameters.Count;

    public IReadOnlyList<string> TermNames { get; }

    /// <summary>Adjoint-encoding reconstruction of <paramref name="sequence"/> on the current voxels.</summary>
    public Complex[] Reconstruct(Sequence sequence, CancellationToken cancel = default)
    {
        SimulatedSignal signal = _simulator.Simulate(sequence, Voxels, cancel);
        return AdjointEncoding.Forward(signal.Values, 1, KSpaceTrajectory.AtSamples(sequence), Grid)[0];
    }

    public LossEvaluation Evaluate(ReadOnlySpan<double> u, Span<double> gradient, CancellationToken cancel = default)
    {
        if (gradient.Length != Dimension) throw new ArgumentException($"Gradient has {gradient.Length} entries; {Dimension} expected.", nameof(gradient));
        Sequence sequence = Parameters.Unpack(u);
        var terms = new double[TermNames.Count];
        double total = 0;
        SimulationGradients physical = Parameters.NewPhysicalGradient();

        if (_imageLosses.Count > 0)
        {
            // forward: signal → image
            SimulatedSignal signal = _simulator.Simulate(sequence, Voxels, cancel);
            KSpacePoint[] k = KSpaceTrajectory.AtSamples(sequence);
            Complex[] image = AdjointEncoding.Forward(signal.Values, 1, k, Grid)[0];

            // image losses
            var imageAdjoint = new Complex[image.Length];
            for (int i = 0; i < _imageLosses.Count; i++)
            {
                terms[i] = _imageLosses[i].Loss.Evaluate(image, imageAdjoint, _imageLosses[i].Weight);
                total += _imageLosses[i].Weight * terms[i];
            }

            // backward: image → signal and k → sequence
            double[] gradKx = new double[k.Length], gradKy = new double[k.Length];
            var signalAdjoint = new SimulatedSignal(signal.SampleCount, 1);
            AdjointEncoding.Backward([imageAdjoint], signal.Values, 1, k, Grid, gradKx, gradKy).CopyTo(signalAdjoint.Values, 0);
            physical = _simulator.Gradient(sequence, Voxels, signalAdjoint, cancel);
            (double[] viaKx, double[] viaKy, _) = KSpaceTrajectory.BackwardAtSamples(sequence, gradKx, gradKy);
            for (int e = 0; e < viaKx.Length; e++) { physical.MomentX[e] += viaKx[e]; physical.MomentY[e] += viaKy[e]; }
        }

        // penalties on the sequence itself
        for (int i = 0; i < _sequenceLosses.Count; i++)
        {
            double value = _sequenceLosses[i].Loss.Evaluate(sequence, physical, _sequenceLosses[i].Weight);
            terms[_imageLosses.Count + i] = value;
            total += _sequenceLosses[i].Weight * value;
        }

        gradient.Clear();
        Parameters.Backward(u, physical, gradient);
        return new LossEvaluation(total, terms);
    }
}
