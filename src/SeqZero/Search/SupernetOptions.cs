namespace SeqZero.Search;

/// <summary>Search space and optimiser of Sequence Search (Section II.B of the paper). Times in seconds, learning
/// rates per iteration (one batch).</summary>
public sealed record SupernetOptions
{
    public int Layers { get; init; } = 5;
    /// <summary>RF candidates per layer; RF op i starts with a flip uniform in [i, i + 1)·180°/count (36° bins).</summary>
    public int RfOperations { get; init; } = 5;
    /// <summary>Initial ranges of the wait candidates' idle times (one candidate per range, log-uniform inside).</summary>
    public IReadOnlyList<(double MinSeconds, double MaxSeconds)> WaitRanges { get; init; } = [(0.001, 0.010), (0.010, 0.100), (0.100, 1.000)];
    /// <summary>ΔtRF: the idle time after an RF pulse starts here and never goes below it.</summary>
    public double MinRfIdleSeconds { get; init; } = 0.0062;
    /// <summary>Idle times are optimised as u = log(t + offset); offset = 0.001 ms.</summary>
    public double LogTimeOffsetSeconds { get; init; } = 1e-6;
    public double WeightLearningRate { get; init; } = 0.01;
    public double ArchitectureLearningRate { get; init; } = 0.001;
    /// <summary>SD of the Gaussian the architecture parameters start from (mean 0).</summary>
    public double ArchitectureInitSd { get; init; } = 0.001;
    /// <summary>Adam's β1 for the architecture parameters: ProxylessNAS' default 0 (β2 = 0.999, ε = 1e-8).</summary>
    public double ArchitectureAdamBeta1 { get; init; }
    /// <summary>The architecture parameters are updated on every n-th iteration (ProxylessNAS' default 5), the weights on
    /// every iteration; gate gradients are only computed on the architecture iterations.</summary>
    public int ArchitectureUpdateEvery { get; init; } = 5;
    public GateGradientMode GateGradients { get; init; } = GateGradientMode.Substituted;
    /// <summary>Passes over the data set (paper: 1 000).</summary>
    public int Epochs { get; init; } = 1000;
    /// <summary>Voxels per iteration (paper: 1 000).</summary>
    public int BatchSize { get; init; } = 1000;

    public int CandidatesPerLayer => RfOperations + WaitRanges.Count;
}
