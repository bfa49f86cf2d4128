using System.CommandLine;
using SeqZero.Cli.Optimization;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero optimize TASK`: the MRzero paper's sequence-discovery tasks. Each writes history.json, best.json,
/// summary.json and PNGs to --out; Ctrl+C stops and writes the best iterate so far.</summary>
internal static class OptimizeCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("optimize", "Discover or improve a sequence by gradient descent through the Bloch simulation (MRzero tasks).");
        command.Subcommands.Add(Task("encoding", "Learn a gradient-echo encoding from zero (paper Fig. 3): flips, phases and x/y moments.",
            EncodingTask.DefaultMatrix, EncodingTask.DefaultIterations, EncodingTask.DefaultSpins, EncodingTask.DefaultLearningRate,
            EncodingTask.Create, output));
        return command;
    }

    private static Command Task(string name, string description, int defaultMatrix, int defaultIterations, int defaultSpins,
        double defaultLearningRate, Func<OptimizeSettings, OptimizationTask> create, TextWriter output)
    {
        var matrix = new Option<int>("--matrix") { Description = "Matrix size N (N×N).", DefaultValueFactory = _ => defaultMatrix };
        var iterations = new Option<int>("--iterations") { Description = "Iterations per run.", DefaultValueFactory = _ => defaultIterations };
        var spins = new Option<int>("--spins") { Description = "Isochromats per voxel.", DefaultValueFactory = _ => defaultSpins };
        var lr = new Option<double>("--lr") { Description = "Initial step size (falls 10× over a run), in optimiser units.", DefaultValueFactory = _ => defaultLearningRate };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice: same seed, same result.", DefaultValueFactory = _ => 0 };
        var restarts = new Option<int>("--restarts") { Description = "Runs; each restart starts near the best so far with reset optimiser state.", DefaultValueFactory = _ => 1 };
        var outOption = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => $"seqzero-optimize-{name}" };
        var command = new Command(name, description) { matrix, iterations, spins, lr, seed, restarts, outOption };
        command.SetAction((parse, cancel) =>
        {
            var settings = new OptimizeSettings
            {
                Matrix = Positive(parse.GetValue(matrix), "--matrix", 2),
                Iterations = Positive(parse.GetValue(iterations), "--iterations", 1),
                Spins = Positive(parse.GetValue(spins), "--spins", 1),
                LearningRate = parse.GetValue(lr) is double rate && rate > 0 && double.IsFinite(rate) ? rate
                    : throw new ArgumentException($"--lr: {parse.GetValue(lr)} must be a positive number."),
                Seed = parse.GetValue(seed),
                Restarts = Positive(parse.GetValue(restarts), "--restarts", 1),
                OutputFolder = parse.GetValue(outOption)!,
            };
            TaskRunner.Run(create(settings), settings, output, cancel);
            return System.Threading.Tasks.Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static int Positive(int value, string option, int minimum) =>
        value >= minimum ? value : throw new ArgumentException($"{option}: {value} must be ≥ {minimum}.");
}
