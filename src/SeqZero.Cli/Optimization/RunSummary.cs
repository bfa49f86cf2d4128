namespace SeqZero.Cli.Optimization;

/// <summary>summary.json of an `optimize` run. nrmse is a fraction (0.1 = 10 %) of |image| vs |target|, null without a
/// target; relative_sar = Σα²(best) / Σα²(reference sequence). Task-specific figures go in <see cref="Extra"/>.</summary>
internal sealed record RunSummary(
    string Task, int Iterations, double Seconds, double SecondsPerIteration, double BestLoss, int BestIteration, double? Nrmse,
    double RelativeSar, double ScanTimeS, string StopReason, string Message, int Matrix, int Spins, int Seed, int Restarts,
    int Parameters, int Voxels, string[] Files, IReadOnlyDictionary<string, double> Extra);

/// <summary>One line of history.json.</summary>
internal sealed record HistoryRecord(int Iteration, int Restart, double Loss, IReadOnlyDictionary<string, double> Terms, double BestLoss,
    double LearningRate, double GradientNorm, double ElapsedS);
