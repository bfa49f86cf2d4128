namespace SeqZero.Learning;

/// <summary>How <see cref="OptimizationLoop"/> runs: iterations per restart, step sizes (in units of the optimiser
/// variables u), optimiser, restarts, clipping and the seed of every random choice.</summary>
public sealed record OptimizationOptions
{
    /// <summary>Iterations (loss + gradient evaluations) per restart.</summary>
    public int Iterations { get; init; } = 200;
    /// <summary>Step size at the first iteration of each restart.</summary>
    public double LearningRate { get; init; } = 0.1;
    /// <summary>Step size at the last iteration of each restart (geometric decay from <see cref="LearningRate"/>).</summary>
    public double FinalLearningRate { get; init; } = 0.01;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    /// <summary>Heavy-ball momentum for SGD.</summary>
    public double SgdMomentum { get; init; } = 0.9;
    /// <summary>Number of runs; run r ≥ 1 starts from the best iterate so far plus Gaussian noise, with reset optimiser state.</summary>
    public int Restarts { get; init; } = 1;
    /// <summary>Standard deviation of the restart perturbation, in units of u.</summary>
    public double RestartNoise { get; init; } = 0.1;
    /// <summary>Clip the gradient to this global norm; null = no clipping.</summary>
    public double? ClipNorm { get; init; }
    public int Seed { get; init; }
    /// <summary>Keep the iterate of lowest loss (true) or the last finite one (false: for stochastic objectives, where
    /// the lowest loss of a single sample says little about the parameters).</summary>
    public bool KeepBest { get; init; } = true;
    /// <summary>Divergence guard (with <see cref="KeepBest"/>): when a loss exceeds this multiple of the best loss so far, the
    /// step overshot into another basin; instead of stepping on, the run returns to the best iterate with reset optimiser
    /// state and the step size scaled by <see cref="DivergenceStepFactor"/> for the rest of the restart (the paper's restart
    /// with reset step size, triggered by need). null = off.</summary>
    public double? DivergenceRatio { get; init; }
    /// <summary>Factor on the step size after each divergence (0 &lt; f ≤ 1).</summary>
    public double DivergenceStepFactor { get; init; } = 0.5;

    public void Validate()
    {
        if (Iterations < 1) throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "At least one iteration is needed.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        if (!(FinalLearningRate > 0) || !double.IsFinite(FinalLearningRate)) throw new ArgumentOutOfRangeException(nameof(FinalLearningRate), FinalLearningRate, "The final learning rate must be positive.");
        if (Restarts < 1) throw new ArgumentOutOfRangeException(nameof(Restarts), Restarts, "At least one run (restarts ≥ 1) is needed.");
        if (!(RestartNoise >= 0)) throw new ArgumentOutOfRangeException(nameof(RestartNoise), RestartNoise, "Restart noise must be ≥ 0.");
        if (ClipNorm is double c && !(c > 0)) throw new ArgumentOutOfRangeException(nameof(ClipNorm), c, "The clipping norm must be positive.");
        if (DivergenceRatio is double d && !(d > 1)) throw new ArgumentOutOfRangeException(nameof(DivergenceRatio), d, "The divergence ratio must be > 1.");
        if (!(DivergenceStepFactor > 0 && DivergenceStepFactor <= 1))
            throw new ArgumentOutOfRangeException(nameof(DivergenceStepFactor), DivergenceStepFactor, "The step factor after a divergence must lie in (0, 1].");
    }
}

/// <summary>The update rule of a run.</summary>
public enum OptimizerKind
{
    Adam,
    Sgd,
}
