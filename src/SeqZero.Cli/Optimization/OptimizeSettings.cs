namespace SeqZero.Cli.Optimization;

/// <summary>The options every `seqzero optimize` task shares (sizes, optimiser, seed, output folder).
/// Null means "the task's default".</summary>
internal sealed record OptimizeSettings
{
    public int? Matrix { get; init; }
    public int? Iterations { get; init; }
    public int? Spins { get; init; }
    public double? LearningRate { get; init; }
    public int Seed { get; init; }
    public int Restarts { get; init; } = 1;
    public string OutputFolder { get; init; } = "seqzero-optimize";
    /// <summary>Half-width of the uniform start noise of the encoding tasks, in optimiser units; null = the task's default.</summary>
    public double? InitialNoise { get; init; }
    /// <summary>`--snapshots`: comma-separated iterations, "auto" or null (first, powers of ten, last) or "none".</summary>
    public string? Snapshots { get; init; }
    /// <summary>Field of view [m] of phantom and reconstruction grid.</summary>
    public double FovMeters { get; init; } = 0.2;
}
