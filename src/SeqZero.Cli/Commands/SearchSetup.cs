using System.CommandLine;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>Options shared by `search` and `grid`: the experiment and its weights, the voxel data set, the evaluation
/// voxels on which designs and the grid are scored, spins per voxel, threads. The weights apply to every experiment;
/// which tissues the terms act on can be chosen for `custom` only (the paper's experiments keep theirs).</summary>
internal sealed class SearchSetup
{
    /// <summary>Evaluation voxels by default: 1 000 per tissue, enough for a loss to ~0.1 % and a Table IV grid in ≲ 1 min.</summary>
    public const int DefaultEvaluationVoxels = 3000;

    public Option<double?> LambdaSig { get; } = new("--lambda-sig") { Description = "Signal weight λsig (exp1, exp2, custom: 1; exp3: 0.75)." };
    public Option<double?> LambdaCont { get; } = new("--lambda-cont") { Description = "Contrast weight λcont (exp2: 30; paper also 20, 50)." };
    public Option<double?> LambdaNull { get; } = new("--lambda-null") { Description = "Nulling weight λnull (exp3: 0.25; paper also 1.0)." };
    public Option<double?> LambdaRfEnergy { get; } = new("--lambda-rf-energy") { Description = "RF energy weight λE on Σα² [rad²] (paper: 1e-4)." };
    public Option<double?> LambdaRfCount { get; } = new("--lambda-rf-count") { Description = "Weight λN per RF pulse (paper: 1e-3)." };
    public Option<string?> SignalTissues { get; } = new("--signal-tissues") { Description = "custom: tissues whose signal L_sig maximises, e.g. GM,WM,CSF (default) or none." };
    public Option<string?> Contrast { get; } = new("--contrast") { Description = "custom: the pair whose signal difference L_cont maximises, A:B (default GM:WM; needs --lambda-cont)." };
    public Option<string?> NullTissues { get; } = new("--null-tissues") { Description = "custom: tissues L_null suppresses, e.g. CSF (default) or WM,CSF (needs --lambda-null)." };
    public Option<bool> EqualT1 { get; } = new("--equal-t1") { Description = "custom: GM and WM T1 both 1 000 ± 50 ms (Exp 2's controlled variant) instead of Table I's." };
    public Option<FileInfo?> TissueFile { get; } = new("--tissues") { Description = "custom: a JSON tissue table (GM, WM, CSF: M0, T1, T2, T2' mean and SD) instead of Table I's 3 T values." };
    public Option<string?> SignalMean { get; } = new("--signal-mean")
    {
        Description = "L_sig as the sum of per-tissue means (per-tissue; exp1, exp3) or one mean over all signal voxels (pooled; exp2).",
    };
    public Option<int> DataSeed { get; } = new("--data-seed") { Description = "Seed of the voxel data set.", DefaultValueFactory = _ => 0 };
    public Option<int> EvaluationVoxels { get; } = new("--eval-voxels") { Description = "Voxels (the data set's first) on which final designs and the grid are scored.", DefaultValueFactory = _ => DefaultEvaluationVoxels };
    public Option<int> Spins { get; } = new("--spins") { Description = "Spins per voxel.", DefaultValueFactory = _ => SpinSet.PaperSpinCount };
    public Option<int?> Threads { get; } = new("--threads") { Description = "Worker threads (default: all cores).", Recursive = true };

    public IEnumerable<Option> All =>
        [LambdaSig, LambdaCont, LambdaNull, LambdaRfEnergy, LambdaRfCount, SignalTissues, Contrast, NullTissues, EqualT1, TissueFile, SignalMean, DataSeed, EvaluationVoxels, Spins, Threads];

    public static string[] ExperimentNames => [.. ExperimentSpec.All.Select(e => e.Name)];

    /// <summary>The named experiment with the weights (and, for custom, the tissues) the user chose.</summary>
    public ExperimentSpec Spec(ParseResult parse, string name)
    {
        if (!ExperimentNames.Contains(name))
            throw new ArgumentException($"experiment: '{name}' is not one of {string.Join(", ", ExperimentNames)}.");
        ExperimentSpec spec = ExperimentSpec.Named(name);
        if (parse.GetValue(LambdaSig) is { } sig) spec = spec with { SignalWeight = Weight(sig, "--lambda-sig") };
        if (parse.GetValue(LambdaCont) is { } cont) spec = spec with { ContrastWeight = Weight(cont, "--lambda-cont") };
        if (parse.GetValue(LambdaNull) is { } nul) spec = spec with { NullWeight = Weight(nul, "--lambda-null") };
        if (parse.GetValue(LambdaRfEnergy) is { } energy) spec = spec with { RfEnergyWeight = Weight(energy, "--lambda-rf-energy") };
        if (parse.GetValue(LambdaRfCount) is { } count) spec = spec with { RfNumberWeight = Weight(count, "--lambda-rf-count") };
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
        return name == ExperimentSpec.Custom.Name ? CustomTissues(parse, spec) : PaperTissues(parse, spec);
    }

    private ExperimentSpec PaperTissues(ParseResult parse, ExperimentSpec spec)
    {
        foreach (Option option in new Option[] { SignalTissues, Contrast, NullTissues, EqualT1, TissueFile })
            if (parse.GetResult(option) is { Implicit: false })
                throw new ArgumentException($"{option.Name}: only for the custom experiment; {spec.Name} keeps the paper's tissues.");
        return spec;
    }

    private ExperimentSpec CustomTissues(ParseResult parse, ExperimentSpec spec)
    {
        if (parse.GetValue(SignalTissues) is { } signal) spec = spec with { SignalTissues = TissueList(signal, "--signal-tissues") };
        if (parse.GetValue(Contrast) is { } pair)
        {
            string[] names = pair.Split(':');
            if (names.Length != 2) throw new ArgumentException($"--contrast: '{pair}' is not A:B (e.g. GM:WM).");
            TissueClass a = Tissue(names[0], "--contrast"), b = Tissue(names[1], "--contrast");
            if (a == b) throw new ArgumentException($"--contrast: '{pair}' compares a tissue with itself.");
            if (spec.ContrastWeight == 0) throw new ArgumentException("--contrast: the contrast term needs a weight; give --lambda-cont > 0.");
            spec = spec with { ContrastA = a, ContrastB = b };
        }
        if (parse.GetValue(NullTissues) is { } nulled)
        {
            if (spec.NullWeight == 0) throw new ArgumentException("--null-tissues: the nulling term needs a weight; give --lambda-null > 0.");
            spec = spec with { NullTissues = TissueList(nulled, "--null-tissues") };
        }
        bool hasSignal = spec.SignalWeight != 0 && spec.SignalTissues.Count > 0, hasNull = spec.NullWeight != 0 && spec.NullTissues.Count > 0;
        if (!hasSignal && spec.ContrastWeight == 0 && !hasNull)
            throw new ArgumentException("custom: the objective has no signal, contrast or nulling term; give --lambda-sig with --signal-tissues, --lambda-cont or --lambda-null.");
        TissueClass[] keptAndNulled = hasSignal && hasNull ? [.. spec.NullTissues.Intersect(spec.SignalTissues)] : [];
        if (keptAndNulled.Length > 0)
            throw new ArgumentException($"--null-tissues: {keptAndNulled[0].ShortName()} is also a signal tissue; drop it from --signal-tissues.");
        return spec with { Tissues = CustomTissueTable(parse), Grid = ExperimentSpec.CustomGrid(spec.NullWeight != 0) };
    }

    /// <summary>Table I, its equal-T1 variant (--equal-t1) or the table of --tissues.</summary>
    private IReadOnlyList<TissueDistribution> CustomTissueTable(ParseResult parse)
    {
        bool equalT1 = parse.GetValue(EqualT1);
        if (parse.GetValue(TissueFile) is not { } file) return TissueDistribution.TableI(equalT1);
        if (equalT1) throw new ArgumentException("--equal-t1: give the T1 values in the --tissues table instead.");
        return TissueTableFile.Read(file);
    }

    /// <summary>"GM,CSF" → tissues (none for "none"); unknown or repeated names are refused.</summary>
    private static TissueClass[] TissueList(string names, string option)
    {
        TissueClass[] tissues = names.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? []
            : [.. names.Split(',').Select(name => Tissue(name, option))];
        if (tissues.Distinct().Count() != tissues.Length) throw new ArgumentException($"{option}: '{names}' names a tissue twice.");
        return tissues;
    }

    private static TissueClass Tissue(string name, string option) =>
        TissueClasses.TryParse(name, out TissueClass tissue) ? tissue : throw new ArgumentException($"{option}: {TissueClasses.NotATissue(name)}");

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
        return VoxelDataSet.Generate(new VoxelDataSetOptions { Count = n, Seed = parse.GetValue(DataSeed), Tissues = spec.Tissues });
    }

    /// <summary>Loss weights are finite and ≥ 0 (a negative weight turns a term's goal around; say so with the term).</summary>
    private static double Weight(double value, string option) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentException($"{option}: {value} must be a finite number ≥ 0.");
}
