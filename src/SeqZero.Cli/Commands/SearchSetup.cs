using System.CommandLine;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>Options shared by `search` and `grid`: the experiment and its weights, the voxel data set, the evaluation
/// voxels on which designs and the grid are scored, spins per voxel, threads.</summary>
internal sealed class SearchSetup
{
    /// <summary>Evaluation voxels by default: 1 000 per tissue, enough for a loss to ~0.1 % and a Table IV grid in ≲ 1 min.</summary>
    public const int DefaultEvaluationVoxels = 3000;

    public Option<double?> LambdaCont { get; } = new("--lambda-cont") { Description = "Contrast weight λcont (exp2: 30; paper also 20, 50)." };
    public Option<double?> LambdaNull { get; } = new("--lambda-null") { Description = "CSF nulling weight λnull (exp3: 0.25; paper also 1.0)." };
    public Option<string?> SignalMean { get; } = new("--signal-mean")
    {
        Description = "L_sig as the sum of per-tissue means (per-tissue; exp1, exp3) or one mean over all signal voxels (pooled; exp2).",
    };
    public Option<int> DataSeed { get; } = new("--data-seed") { Description = "Seed of the voxel data set.", DefaultValueFactory = _ => 0 };
    public Option<int> EvaluationVoxels { get; } = new("--eval-voxels") { Description = "Voxels (the data set's first) on which final designs and the grid are scored.", DefaultValueFactory = _ => DefaultEvaluationVoxels };
    public Option<int> Spins { get; } = new("--spins") { Description = "Spins per voxel.", DefaultValueFactory = _ => SpinSet.PaperSpinCount };
    public Option<int?> Threads { get; } = new("--threads") { Description = "Worker threads (default: all cores).", Recursive = true };

    public IEnumerable<Option> All => [LambdaCont, LambdaNull, SignalMean, DataSeed, EvaluationVoxels, Spins, Threads];

    public static string[] ExperimentNames => [.. ExperimentSpec.All.Select(e => e.Name)];

    /// <summary>The named experiment with the weights the user overrode.</summary>
    public ExperimentSpec Spec(ParseResult parse, string name)
    {
        if (!ExperimentNames.Contains(name))
            throw new ArgumentException($"experiment: '{name}' is not one of {string.Join(", ", ExperimentNames)}.");
        ExperimentSpec spec = ExperimentSpec.Named(name);
        if (parse.GetValue(LambdaCont) is { } cont) spec = spec with { ContrastWeight = Finite(cont, "--lambda-cont") };
        if (parse.GetValue(LambdaNull) is { } nul) spec = spec with { NullWeight = Finite(nul, "--lambda-null") };
        if (parse.GetValue(SignalMean) is { } mean)
            spec = spec with
            {
                SignalPerTissue = mean switch
                {
                    "per-tissue" => true,
                    "pooled" => false,
                    _ => throw new ArgumentException($"--signal-mean: '{mean}' is not pooled or per-tissue."),
                },
            };
        return spec;
    }

    public SpinSet BuildSpins(ParseResult parse)
    {
        int s = parse.GetValue(Spins);
        if (s < 1) throw new ArgumentException($"--spins: {s} must be ≥ 1.");
        return SeqZero.Search.SpinSet.Create(s);
    }

    public int ThreadCount(ParseResult parse)
    {
        int t = parse.GetValue(Threads) ?? Environment.ProcessorCount;
        if (t < 1) throw new ArgumentException($"--threads: {t} must be ≥ 1.");
        return t;
    }

    /// <summary>The data set's first --eval-voxels voxels (the same voxels whatever the data-set size).</summary>
    public VoxelDataSet Evaluation(ParseResult parse, ExperimentSpec spec)
    {
        int n = parse.GetValue(EvaluationVoxels);
        if (n < TissueClasses.Count) throw new ArgumentException($"--eval-voxels: {n} must be ≥ {TissueClasses.Count} (one voxel per tissue).");
        return VoxelDataSet.Generate(new VoxelDataSetOptions { Count = n, Seed = parse.GetValue(DataSeed), EqualT1 = spec.EqualT1 });
    }

    private static double Finite(double value, string option) =>
        double.IsFinite(value) ? value : throw new ArgumentException($"{option}: {value} is not a finite number.");
}
