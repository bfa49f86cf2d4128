using System.Numerics;

namespace SeqZero.Search;

/// <summary>ProxylessNAS over RF and wait operations (Cai et al. 2019; Section II.B of the Sequence Search paper).
/// One iteration on a batch of voxels: sample a binarised path (one candidate per layer, from p = softmax(α)); simulate it
/// (float); L = the experiment's loss + λE·Σα² + λN·#RF of the path; reverse mode gives ∂L/∂(flip, phase, idle) of the
/// active candidates, updated by SGD (idle times through u = log(t + 0.001 ms), ΔtRF kept ≥ 6.2 ms). On every
/// <see cref="SupernetOptions.ArchitectureUpdateEvery"/>-th iteration the binary gates get their values — by default
/// the loss of the path with candidate c substituted in its layer (exact), else ProxylessNAS' linearisation
/// ⟨∂L/∂m_out, o_c(m_in)⟩ + λN·[c is RF] + λE·α_c² from the same reverse pass — mapped to ∂L/∂α through the softmax
/// and updated by Adam. An epoch is one pass over the data set in shuffled batches. Everything random comes from one
/// <see cref="Random"/> seeded with the run's seed: the same seed gives the same run, whatever the thread count.</summary>
public sealed class SequenceSearch
{
    private readonly VoxelSimulator<float> simulator;
    private readonly Random random;
    private readonly int[] order;
    private long iteration;

    public SequenceSearch(ExperimentSpec spec, VoxelDataSet data, SpinSet spins, SupernetOptions options, int seed, int threads = 1,
        SignalMeasure measure = SignalMeasure.Magnitude)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (options.Epochs < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "Epochs must be ≥ 0.");
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "The batch size must be ≥ 1.");
        if (options.ArchitectureUpdateEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.ArchitectureUpdateEvery, "Architecture updates need a period ≥ 1.");
        Loss = new SearchLoss(spec, measure);
        Data = data;
        Options = options;
        random = new Random(seed);
        Net = new Supernet(options, random);
        simulator = new VoxelSimulator<float>(spins, threads);
        order = [.. Enumerable.Range(0, data.Count)];
    }

    public SearchLoss Loss { get; }
    public VoxelDataSet Data { get; }
    public SupernetOptions Options { get; }
    public Supernet Net { get; }

    /// <summary>Runs <see cref="SupernetOptions.Epochs"/> epochs; returns the mean batch loss of each. A cancellation
    /// stops after the current epoch and returns the epochs run so far, so the supernet keeps its design so far.</summary>
    public double[] Run(IProgress<SearchProgress>? progress = null, CancellationToken cancel = default)
    {
        var history = new double[Options.Epochs];
        for (int e = 0; e < Options.Epochs; e++)
        {
            if (cancel.IsCancellationRequested) return history[..e];
            history[e] = Epoch();
            progress?.Report(new SearchProgress(e + 1, Options.Epochs, history[e], Net.Design()));
        }
        return history;
    }

    /// <summary>One pass over the data set in a fresh shuffled order; returns the mean batch loss.</summary>
    public double Epoch()
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        double sum = 0;
        int batches = 0;
        for (int start = 0; start < order.Length; start += Options.BatchSize, batches++)
            sum += Step(order[start..Math.Min(order.Length, start + Options.BatchSize)]);
        return sum / batches;
    }

    /// <summary>One iteration on the given voxels; returns the loss of the sampled path.</summary>
    public double Step(int[] batch)
    {
        // sample the path and the candidates whose gates get a gradient
        SupernetLayer[] layers = Net.Layers;
        var active = new int[layers.Length];
        var candidates = new int[layers.Length][];
        for (int l = 0; l < layers.Length; l++) (active[l], candidates[l]) = Sample(layers[l]);
        VoxelOperation[] ops = [.. active.Select((c, l) => Net.Operation(l, c))];
        bool architectureStep = iteration++ % Options.ArchitectureUpdateEvery == 0;
        bool exactGates = architectureStep && Options.GateGradients == GateGradientMode.Substituted;
        VoxelOperation[][]? probes = architectureStep ? [.. candidates.Select((cs, l) => cs.Select(c => Net.Operation(l, c)).ToArray())] : null;

        // forward, loss, reverse
        var signals = new Complex[batch.Length];
        (OperationGradient[] gradients, double[][] gates) = exactGates
            ? ExactGatePasses(ops, batch, probes!, active, signals)
            : (PathPasses(ops, batch, probes, signals, out double[][] linearised), linearised);
        double loss = Loss.Evaluate(Data, batch, signals).Total + Loss.RfPenalty(ops, out _, out _);
        if (!double.IsFinite(loss)) throw Diverged($"the loss of the sampled path is {loss}");

        for (int l = 0; l < layers.Length; l++)
        {
            if (architectureStep) UpdateArchitecture(layers[l], candidates[l], gates[l]);
            UpdateWeights(layers[l], active[l], ops[l], gradients[l]);
            CheckFinite(l, active[l]);
        }
        return loss;
    }

    /// <summary>Readouts into <paramref name="signals"/>, the sampled path's gradient and, with <paramref name="probes"/>,
    /// the linearised gate values. One pass per voxel where the loss allows: its adjoint depends on the voxel alone
    /// (local), or waits for the batch only as one contrast coefficient per tissue (|s| losses, <see cref="RadialAdjoint"/>);
    /// otherwise (complex contrast, or linearised probes with a contrast term, whose sums would need the same split)
    /// every readout first, then forward and reverse again.</summary>
    private OperationGradient[] PathPasses(VoxelOperation[] ops, int[] batch, VoxelOperation[][]? probes, Complex[] signals, out double[][] gates)
    {
        gates = [];
        if (Loss.LocalAdjoint(Data, batch) is { } local)
            return simulator.Gradient(ops, Data, batch, local, signals, probes, out gates);
        if (probes is null && Loss.RadialAdjoint(Data, batch) is { } radial)
        {
            OperationGradient[] own = simulator.Gradient(ops, Data, batch, radial, signals, TissueClasses.Count, out OperationGradient[][] perTissue);
            return RadialAdjoint.Combine(own, perTissue, Loss.ContrastCoefficients(Data, batch, signals));
        }
        simulator.Simulate(ops, Data, batch, signals);
        var adjoint = new Complex[batch.Length];
        Loss.Evaluate(Data, batch, signals, adjoint);
        return simulator.Gradient(ops, Data, batch, adjoint, probes, out gates);
    }

    /// <summary>The exact gate values (the loss of each one-candidate substitution, <see cref="SubstitutedLosses"/>) and the
    /// sampled path's gradient, from the two reverse passes of <see cref="VoxelSimulator{T}.SubstitutedSignals(VoxelOperation[], VoxelDataSet, int[], VoxelOperation[][], int[], Complex[])"/>
    /// where the loss allows (local or |s|), else from one more forward and reverse pass with the batch adjoint.</summary>
    private (OperationGradient[] Gradients, double[][] Gates) ExactGatePasses(VoxelOperation[] ops, int[] batch, VoxelOperation[][] probes,
        int[] active, Complex[] signals)
    {
        Func<int, Complex, Complex>? local = Loss.LocalAdjoint(Data, batch);
        if (local is null && Loss.RadialAdjoint(Data, batch) is { } radial)
        {
            Complex[][][] readouts = simulator.SubstitutedSignals(ops, Data, batch, probes, active, signals, radial, TissueClasses.Count,
                out OperationGradient[] own, out OperationGradient[][] perTissue);
            return (RadialAdjoint.Combine(own, perTissue, Loss.ContrastCoefficients(Data, batch, signals)), SubstitutedLosses(ops, probes, batch, readouts));
        }
        Complex[][][] substituted = simulator.SubstitutedSignals(ops, Data, batch, probes, active, signals, local, out OperationGradient[] fused);
        double[][] gates = SubstitutedLosses(ops, probes, batch, substituted);
        if (local is not null) return (fused, gates);
        var adjoint = new Complex[batch.Length];
        Loss.Evaluate(Data, batch, signals, adjoint);
        return (simulator.Gradient(ops, Data, batch, adjoint, null, out _), gates);
    }

    /// <summary>After an update: the layer's architecture parameters and the updated candidate must be finite (an idle
    /// time overflows to ∞ when log t does); otherwise the next forward pass would simulate garbage.</summary>
    private void CheckFinite(int l, int c)
    {
        SupernetLayer layer = Net.Layers[l];
        foreach (double alpha in layer.Alpha)
            if (!double.IsFinite(alpha)) throw Diverged($"an architecture parameter of layer {l + 1} became {alpha}");
        VoxelOperation op = Net.Operation(l, c);
        if (!double.IsFinite(op.FlipRadians) || !double.IsFinite(op.PhaseRadians) || !double.IsFinite(op.IdleSeconds))
            throw Diverged($"candidate {c} of layer {l + 1} became flip {op.FlipRadians:G4} rad, phase {op.PhaseRadians:G4} rad, idle {op.IdleSeconds:G4} s");
    }

    private SearchDivergedException Diverged(string what) => new(
        $"the search diverged at iteration {iteration}: {what}. Lower the loss weights (λsig {Loss.Spec.SignalWeight:G3}, λcont " +
        $"{Loss.Spec.ContrastWeight:G3}, λnull {Loss.Spec.NullWeight:G3}) or the learning rates.");

    /// <summary>L(path with candidate c in layer l) for every l and c, the RF penalty included, from the exact readouts
    /// of the substituted paths (<see cref="VoxelSimulator{T}.SubstitutedSignals(VoxelOperation[], VoxelDataSet, int[], VoxelOperation[][], int[], Complex[])"/>).</summary>
    private double[][] SubstitutedLosses(VoxelOperation[] ops, VoxelOperation[][] candidates, int[] batch, Complex[][][] signals)
    {
        var losses = new double[ops.Length][];
        for (int l = 0; l < ops.Length; l++)
        {
            losses[l] = new double[candidates[l].Length];
            for (int c = 0; c < candidates[l].Length; c++)
            {
                VoxelOperation[] substituted = [.. ops];
                substituted[l] = candidates[l][c];
                losses[l][c] = Loss.Evaluate(Data, batch, signals[l][c]).Total + Loss.RfPenalty(substituted, out _, out _);
            }
        }
        return losses;
    }

    /// <summary>Active candidate and the candidates to probe. Two paths: two distinct draws from p, the active one of them
    /// drawn from softmax over their α (ProxylessNAS' MixedEdge "two" mode); all paths: active from p, probe all.</summary>
    private (int Active, int[] Candidates) Sample(SupernetLayer layer)
    {
        double[] p = layer.Probabilities();
        if (Options.GateGradients != GateGradientMode.TwoPaths || layer.Count < 2)
            return (Draw(p), [.. Enumerable.Range(0, layer.Count)]);
        int first = Draw(p);
        double[] rest = [.. p.Select((x, i) => i == first ? 0 : x)];
        int second = Draw(rest);
        int[] pair = [first, second];
        double[] pairP = Softmax([layer.Alpha[first], layer.Alpha[second]]);
        return (pair[Draw(pairP)], pair);
    }

    /// <summary>∂L/∂αᵢ = Σⱼ ∂L/∂gⱼ·p̃ⱼ(δᵢⱼ − p̃ᵢ) over the probed candidates (p̃ = softmax over them), an Adam step, and in
    /// two-path mode the shift that keeps the pair's total probability mass (ProxylessNAS rescale_updated_arch_param).</summary>
    private void UpdateArchitecture(SupernetLayer layer, int[] candidates, double[] gates)
    {
        // linearised gates: RF number and energy are linear in the gates, L_RF = Σ_c g_c·(λN + λE·α_c²) over RF
        // candidates (substituted losses hold them already)
        bool linearised = Options.GateGradients != GateGradientMode.Substituted;
        for (int k = 0; k < candidates.Length && linearised; k++)
            if (layer.IsRf[candidates[k]])
                gates[k] += Loss.Spec.RfNumberWeight + Loss.Spec.RfEnergyWeight * layer.Flip[candidates[k]] * layer.Flip[candidates[k]];
        double[] p = Softmax([.. candidates.Select(c => layer.Alpha[c])]);
        var gradient = new double[layer.Count];
        for (int i = 0; i < candidates.Length; i++)
        for (int j = 0; j < candidates.Length; j++)
            gradient[candidates[i]] += gates[j] * p[j] * ((i == j ? 1 : 0) - p[i]);
        double before = LogSumExp(layer.Alpha, candidates);
        layer.ArchitectureOptimizer.Step(layer.Alpha, gradient);
        if (candidates.Length == layer.Count) return;
        double offset = LogSumExp(layer.Alpha, candidates) - before;
        foreach (int c in candidates) layer.Alpha[c] -= offset;
    }

    /// <summary>SGD on the active candidate: flip (+ 2λE·α from the RF energy), phase, and u = log(t + offset) with
    /// ∂L/∂u = ∂L/∂t·(t + offset); an RF candidate's idle time is then projected back to ≥ ΔtRF,min.</summary>
    private void UpdateWeights(SupernetLayer layer, int c, VoxelOperation op, OperationGradient gradient)
    {
        double lr = Options.WeightLearningRate;
        layer.LogIdle[c] -= lr * gradient.Idle * (op.IdleSeconds + Options.LogTimeOffsetSeconds);
        if (!layer.IsRf[c]) return;
        layer.Flip[c] -= lr * (gradient.Flip + 2 * Loss.Spec.RfEnergyWeight * layer.Flip[c]);
        layer.Phase[c] -= lr * gradient.Phase;
        layer.LogIdle[c] = Math.Max(layer.LogIdle[c], Net.LogTime(Options.MinRfIdleSeconds));
    }

    private int Draw(double[] weights)
    {
        double u = random.NextDouble() * weights.Sum(), cumulative = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (u < cumulative) return i;
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }

    private static double[] Softmax(double[] a)
    {
        double max = a.Max();
        double[] e = [.. a.Select(x => Math.Exp(x - max))];
        double sum = e.Sum();
        return [.. e.Select(x => x / sum)];
    }

    private static double LogSumExp(double[] alpha, int[] indices)
    {
        double max = indices.Max(i => alpha[i]);
        return max + Math.Log(indices.Sum(i => Math.Exp(alpha[i] - max)));
    }
}
