namespace SeqZero.Learning;

/// <summary>One evaluated iterate: sent through IProgress while running and kept in the history.
/// Loss and terms are those of the parameters before this iteration's step.</summary>
public sealed record IterationReport(int Iteration, int TotalIterations, int Restart, double Loss, double[] Terms,
    double BestLoss, double LearningRate, double GradientNorm, double ElapsedSeconds)
{
    /// <summary>Estimated seconds left at the mean pace so far.</summary>
    public double EtaSeconds => ElapsedSeconds / (Iteration + 1) * (TotalIterations - Iteration - 1);
}
