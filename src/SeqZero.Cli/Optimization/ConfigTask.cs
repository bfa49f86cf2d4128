using System.Numerics;
using System.Text.Json;
using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Cli.Optimization;

/// <summary>Builds a task from a <see cref="TaskConfig"/> file. Optimiser units: flips 1°, phases 0.1 rad, moments Δk,
/// durations p = 0.1 ms + 1 ms·softplus(u) (non-ADC events only). Image terms compare magnitudes with the target's
/// adjoint reconstruction.</summary>
internal static class ConfigTask
{
    private const double FlipUnitRadians = Math.PI / 180;
    private const double PhaseUnitRadians = 0.1;
    private const double DurationUnitSeconds = 1e-3;

    public static IReadOnlyList<string> FreeKinds { get; } = ["flip", "rf_phase", "moment_x", "moment_y", "adc_phase", "duration"];
    public static IReadOnlyList<string> LossTerms { get; } = ["image_l2", "nrmse", "relative_sar", "relative_scan_time"];

    public static TaskConfig Read(string path)
    {
        var options = new JsonSerializerOptions(JsonOutput.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
        try
        {
            return JsonSerializer.Deserialize<TaskConfig>(File.ReadAllText(path), options)
                ?? throw new InvalidDataException($"{path}: the file holds no task (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}");
        }
    }

    /// <summary>The task; <paramref name="settings"/> may override matrix, seed, iterations, spins, lr and restarts of the file.</summary>
    public static OptimizationTask Create(TaskConfig c, OptimizeSettings settings)
    {
        if (settings.Matrix is int m) c = c with { Sequence = c.Sequence with { Matrix = m }, Target = c.Target is null ? null : c.Target with { Matrix = m } };
        foreach (string f in c.Free)
            if (!FreeKinds.Contains(f)) throw new ArgumentException($"free: '{f}' is not one of {string.Join(", ", FreeKinds)}.");
        foreach (string term in c.Losses.Keys)
            if (!LossTerms.Contains(term)) throw new ArgumentException($"losses: '{term}' is not one of {string.Join(", ", LossTerms)}.");
        if (c.Optimizer.Kind is not ("adam" or "sgd")) throw new ArgumentException($"optimizer.kind: '{c.Optimizer.Kind}' is neither adam nor sgd.");
        bool sparse = SparseTraining.IsSparse(c.Training);

        // sequences, phantom, target image
        Sequence Build(SequenceConfig s) => SequenceCatalog.Build(new SequenceCatalog.Request(s.Builder, s.Matrix, s.FovM, s.TrS, s.TeS, s.FlipDeg));
        Sequence start = Build(c.Sequence), target = Build(c.Target ?? c.Sequence);
        int n = c.Sequence.Matrix, spins = settings.Spins ?? c.Spins;
        VoxelPhantom phantom = PhantomSource.Load(c.Phantom, n, c.Sequence.FovM);
        var simulator = new IsochromatSimulator<float>(Isochromats.Deterministic(spins), perfectSpoiling: c.PerfectSpoiling);
        ImageGrid grid = ImageGrid.Square(n, c.Sequence.FovM);
        VoxelSet voxels = VoxelSet.FromPhantom(phantom);
        Complex[] targetImage = new SequenceObjective<float>(new ParameterSet(target), simulator, voxels, grid, []).Reconstruct(target);
        if (c.StartFromZero)
            foreach (Repetition r in start.Repetitions)
            {
                r.Pulse.FlipAngleRadians = 0;
                foreach (SequenceEvent e in r.Events) { e.GradientMomentXPerMeter = 0; e.GradientMomentYPerMeter = 0; }
            }

        // free parameters
        double dk = CartesianEncoding.DeltaK(c.Sequence.FovM);
        var parameters = new ParameterSet(start);
        foreach (string f in c.Free.Distinct())
            _ = f switch
            {
                "flip" => parameters.AddFlipAngles(ParameterTransform.Linear(FlipUnitRadians)),
                "rf_phase" => parameters.AddRfPhases(ParameterTransform.Linear(PhaseUnitRadians)),
                "moment_x" => parameters.AddMomentsX(ParameterTransform.Linear(dk)),
                "moment_y" => parameters.AddMomentsY(ParameterTransform.Linear(dk)),
                "adc_phase" => parameters.AddAdcPhases(ParameterTransform.Linear(PhaseUnitRadians)),
                _ => parameters.AddEventDurations(EncodingTask.MinimumEventSeconds, DurationUnitSeconds, e => !e.Event.AdcOn),
            };

        // losses
        var imageLosses = new List<Weighted<IImageLoss>>();
        var penalties = new List<Weighted<ISequenceLoss>>();
        foreach ((string term, double weight) in c.Losses)
        {
            if (!(weight >= 0) || !double.IsFinite(weight)) throw new ArgumentException($"losses.{term}: weight {weight} must be ≥ 0.");
            switch (term)
            {
                case "image_l2": imageLosses.Add(new(new ImageDistanceLoss(targetImage, compareMagnitude: true, root: false), weight)); break;
                case "nrmse": imageLosses.Add(new(new ImageDistanceLoss(targetImage, compareMagnitude: true, root: true), weight)); break;
                case "relative_sar": penalties.Add(new(new SarPenalty(RfEnergy.SumOfSquaredFlipAngles(target)), weight)); break;
                default: penalties.Add(new(new ScanTimePenalty(target.DurationSeconds), weight)); break;
            }
        }
        var objective = new SequenceObjective<float>(parameters, simulator, voxels, grid, imageLosses, penalties);

        double[] u = parameters.Pack(start);
        OptimizerConfig o = c.Optimizer;
        double lr = settings.LearningRate ?? o.Lr;
        var options = new OptimizationOptions
        {
            Iterations = settings.Iterations ?? o.Iterations, LearningRate = lr, FinalLearningRate = settings.LearningRate is null ? o.FinalLr ?? lr / EncodingTask.LearningRateDecay : lr / EncodingTask.LearningRateDecay,
            Optimizer = o.Kind == "adam" ? OptimizerKind.Adam : OptimizerKind.Sgd, Restarts = Math.Max(settings.Restarts, o.Restarts),
            RestartNoise = o.RestartNoise, ClipNorm = o.ClipNorm, Seed = settings.Seed != 0 ? settings.Seed : o.Seed, KeepBest = !sparse,
        };
        var task = new OptimizationTask(c.Name, objective, u, target, targetImage, spins, options);
        if (!sparse) return task;
        SampledObjective training = SparseTraining.Build(parameters, simulator, grid, phantom, target, options.Seed, penalties);
        return task with { Training = training, BeforeIteration = training.Draw };
    }
}
