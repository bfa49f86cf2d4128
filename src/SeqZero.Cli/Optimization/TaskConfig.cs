namespace SeqZero.Cli.Optimization;

/// <summary>`optimize --config FILE.json`: a user-defined task (schema and example in docs/optimize.md). Keys are
/// snake_case; unknown keys are errors, so a typo never silently falls back to a default.</summary>
internal sealed record TaskConfig
{
    public string Name { get; init; } = "custom";
    /// <summary>The sequence that is optimised (its builder gives every fixed number).</summary>
    public SequenceConfig Sequence { get; init; } = new();
    /// <summary>The sequence whose reconstruction is the target image and whose RF energy is the SAR reference; null = <see cref="Sequence"/>.</summary>
    public SequenceConfig? Target { get; init; }
    /// <summary>Free numbers: flip, rf_phase, moment_x, moment_y, adc_phase, duration.</summary>
    public string[] Free { get; init; } = ["flip"];
    /// <summary>Start with every flip and x/y moment at zero (learning an encoding from scratch), as `optimize encoding`.</summary>
    public bool StartFromZero { get; init; }
    public string Phantom { get; init; } = "builtin:brain";
    /// <summary>phantom | sparse (single-voxel samples on the phantom's grid).</summary>
    public string Training { get; init; } = "phantom";
    public int Spins { get; init; } = 4;
    public bool PerfectSpoiling { get; init; } = true;
    /// <summary>Loss weights by term: image_l2 (NRMSE²), nrmse, relative_sar, relative_scan_time.</summary>
    public Dictionary<string, double> Losses { get; init; } = new() { ["image_l2"] = 1 };
    public OptimizerConfig Optimizer { get; init; } = new();
}

/// <summary>A built-in sequence (names of `seqzero simulate --sequence`) with its main options; null keeps the builder's default.</summary>
internal sealed record SequenceConfig
{
    public string Builder { get; init; } = "flash";
    public int Matrix { get; init; } = 16;
    public double FovM { get; init; } = 0.2;
    public double? FlipDeg { get; init; }
    public double? TrS { get; init; }
    public double? TeS { get; init; }
}

/// <summary>Optimiser settings; see <see cref="Learning.OptimizationOptions"/>.</summary>
internal sealed record OptimizerConfig
{
    /// <summary>adam | sgd.</summary>
    public string Kind { get; init; } = "adam";
    public int Iterations { get; init; } = 200;
    public double Lr { get; init; } = 0.1;
    /// <summary>Step size at the end of a run; null = lr/10.</summary>
    public double? FinalLr { get; init; }
    public int Restarts { get; init; } = 1;
    public double RestartNoise { get; init; } = 0.1;
    public double? ClipNorm { get; init; }
    public int Seed { get; init; }
}
