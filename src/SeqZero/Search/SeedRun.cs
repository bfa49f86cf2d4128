using System.Diagnostics;

namespace SeqZero.Search;

/// <summary>Everything a seed's run shares with the other seeds of an experiment. <see cref="Evaluation"/> is the
/// voxel set on which final designs and the grid are scored (so their losses compare).</summary>
public sealed record SeedRunSettings(ExperimentSpec Spec, VoxelDataSet Data, VoxelDataSet Evaluation, SpinSet Spins, SupernetOptions Options,
    int DataSeed, int Threads = 1, SignalMeasure Measure = SignalMeasure.Magnitude);

/// <summary>One seed from supernet initialisation to its scored, post-processed design.</summary>
public static class SeedRun
{
    /// <summary>Runs the seed; a cancellation after at least one epoch returns the design so far, marked
    /// <see cref="SearchRecord.Stopped"/> with <see cref="SearchRecord.Epochs"/> the epochs run.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the first epoch ended (no design to keep).</exception>
    public static SearchRecord Run(SeedRunSettings settings, int seed, IProgress<SearchProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        var search = new SequenceSearch(settings.Spec, settings.Data, settings.Spins, settings.Options, seed, settings.Threads, settings.Measure);
        double[] history = search.Run(progress, cancel);
        if (history.Length == 0 && settings.Options.Epochs > 0) throw new OperationCanceledException(cancel);

        Supernet net = search.Net;
        VoxelOperation[] raw = net.Design();
        ProcessedDesign design = ProcessedDesign.From(raw);
        // scored with |Mxy| whatever the training measure: the processed design has its first phase at 0°, and the grid
        // optimum it is compared with is a magnitude loss
        DesignScore score = DesignScore.Evaluate(settings.Spec, design.Operations(), settings.Evaluation, settings.Spins, settings.Threads);
        LayerChoice[] layers = [.. net.Layers.Select((layer, l) =>
        {
            int c = layer.Argmax();
            VoxelOperation op = raw[l];
            return new LayerChoice(c, op.IsRf ? "rf" : "wait", Degrees(op.FlipRadians), Degrees(op.PhaseRadians), op.IdleSeconds, layer.Probabilities()[c]);
        })];
        return new SearchRecord
        {
            Experiment = settings.Spec.Name, Seed = seed, Epochs = history.Length, Stopped = history.Length < settings.Options.Epochs,
            LambdaCont = settings.Spec.ContrastWeight, LambdaNull = settings.Spec.NullWeight,
            DataSeed = settings.DataSeed, Voxels = settings.Data.Count, EvaluationVoxels = settings.Evaluation.Count,
            SpinsPerVoxel = settings.Spins.Count, SignalMeasure = settings.Measure.ToString(), SignalPerTissue = settings.Spec.SignalPerTissue, GateGradients = settings.Options.GateGradients.ToString(),
            Objective = SearchObjective.From(settings.Spec),
            Layers = layers, FlipsDeg = design.FlipsDegrees, PhasesDeg = design.PhasesDegrees, TimesS = design.TimesSeconds,
            TimeToReadoutS = design.TimeToReadoutSeconds, RefocusingPhaseDeg = DesignCategories.RefocusingPhase(design),
            Loss = score.Loss.Total, LossTerms = score.Loss, Signals = score.Signals, SignalsMean = score.SignalsMean,
            RfEnergyRelative = score.RfEnergyRelative, Seconds = clock.Elapsed.TotalSeconds, History = history,
        };
    }

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
