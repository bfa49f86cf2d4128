namespace SeqZero.Learning;

/// <summary>Why a run ended.</summary>
public enum StopReason
{
    /// <summary>All iterations of all restarts ran.</summary>
    Completed,
    /// <summary>The cancellation token fired (Ctrl+C); the best iterate so far is kept.</summary>
    Cancelled,
    /// <summary>A loss or gradient was NaN/±∞; the run stopped and the best finite iterate is kept.</summary>
    NonFinite,
}

/// <summary>Outcome of <see cref="OptimizationLoop.Run"/>: the best iterate (lowest total loss evaluated), the history
/// of every iteration, and why it stopped (<see cref="Message"/> says it in one sentence).</summary>
public sealed record OptimizationResult(double[] BestParameters, double BestLoss, double[] BestTerms, int BestIteration,
    IReadOnlyList<IterationReport> History, StopReason Stop, string Message, double Seconds)
{
    public int IterationsRun => History.Count;

    /// <summary>How often the divergence guard returned to the best iterate (<see cref="OptimizationOptions.DivergenceRatio"/>).</summary>
    public int DivergenceReverts { get; init; }
}
