namespace SeqZero.Search;

/// <summary>The chosen candidate of one supernet layer: kind "rf" or "wait", candidate index, flip and phase [deg]
/// (0 for waits), idle time [s], and the layer's probability of that candidate at the end.</summary>
public sealed record LayerChoice(int Candidate, string Kind, double FlipDeg, double PhaseDeg, double IdleS, double Probability);

/// <summary>One seed's result: settings, the final design (raw layers and post-processed), its loss on the evaluation
/// voxels and its signals, RF energy relative to 90°–180°, wall time and the mean batch loss per epoch.</summary>
public sealed record SearchRecord
{
    public required string Experiment { get; init; }
    public required int Seed { get; init; }
    /// <summary>Epochs run: the configured number, or fewer when <see cref="Stopped"/>.</summary>
    public required int Epochs { get; init; }
    /// <summary>True for a seed stopped (Ctrl+C) before its last epoch: its design so far, not a result to tabulate.</summary>
    public bool Stopped { get; init; }
    public required double LambdaCont { get; init; }
    public required double LambdaNull { get; init; }
    public required int DataSeed { get; init; }
    public required int Voxels { get; init; }
    public required int EvaluationVoxels { get; init; }
    public required int SpinsPerVoxel { get; init; }
    public required string SignalMeasure { get; init; }
    /// <summary>L_sig as the sum of per-tissue means (true) or one mean over all signal voxels.</summary>
    public required bool SignalPerTissue { get; init; }
    public required string GateGradients { get; init; }
    /// <summary>Every weight and tissue of the loss; absent (null) in records written before 2026-12-04, which ran a
    /// paper experiment with only <see cref="LambdaCont"/>, <see cref="LambdaNull"/> and <see cref="SignalPerTissue"/> set.</summary>
    public SearchObjective? Objective { get; init; }
    public required IReadOnlyList<LayerChoice> Layers { get; init; }
    public required double[] FlipsDeg { get; init; }
    public required double[] PhasesDeg { get; init; }
    public required double[] TimesS { get; init; }
    public required double TimeToReadoutS { get; init; }
    public required double RefocusingPhaseDeg { get; init; }
    public required double Loss { get; init; }
    public required LossTerms LossTerms { get; init; }
    public required IReadOnlyDictionary<string, double> Signals { get; init; }
    public required IReadOnlyDictionary<string, double> SignalsMean { get; init; }
    public required double RfEnergyRelative { get; init; }
    public required double Seconds { get; init; }
    public required double[] History { get; init; }

    public ProcessedDesign Design() => new(FlipsDeg, PhasesDeg, TimesS, TimeToReadoutS);

    /// <summary>The experiment this record ran, rebuilt from its objective.</summary>
    public ExperimentSpec Spec() => Objective?.ToSpec(Experiment) ?? ExperimentSpec.Named(Experiment) with
    {
        ContrastWeight = LambdaCont, NullWeight = LambdaNull, SignalPerTissue = SignalPerTissue,
    };
}
