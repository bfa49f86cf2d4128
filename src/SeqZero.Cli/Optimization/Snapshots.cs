using SeqZero.Learning;

namespace SeqZero.Cli.Optimization;

/// <summary>`--snapshots LIST`: the record of the parameters at chosen iterations (0-based, as in history.json), written
/// while the run goes on, into OUT/snapshots/iter-NNNNN/ (parameters.json and the task's plots). An iteration that is not
/// chosen costs one set lookup and one list append (the loss curve up to a snapshot needs the history so far).</summary>
internal sealed class Snapshots
{
    /// <summary>Writes one snapshot: folder, the iteration's report, the parameters it evaluated (a copy), the history up to it.</summary>
    public delegate void Writer(string folder, IterationReport report, double[] u, IReadOnlyList<IterationReport> history);

    private readonly SortedSet<int> _iterations;
    private readonly string _outputFolder;
    private readonly Writer _write;
    private readonly List<IterationReport> _history = [];

    public Snapshots(IEnumerable<int> iterations, string outputFolder, Writer write)
    {
        _iterations = [.. iterations];
        _outputFolder = outputFolder;
        _write = write;
    }

    public IReadOnlyCollection<int> Iterations => _iterations;

    /// <summary>First, every power of ten in between, last: 0, 10, 100, 1000, 1499 for 1500 iterations.</summary>
    public static int[] Default(int totalIterations)
    {
        var chosen = new SortedSet<int> { 0, totalIterations - 1 };
        for (int i = 10; i < totalIterations - 1; i *= 10) chosen.Add(i);
        return [.. chosen];
    }

    /// <summary>null or "auto": <see cref="Default"/>; "none": no snapshots; else comma-separated iterations 0 … total − 1.</summary>
    public static int[] Parse(string? list, int totalIterations)
    {
        if (list is null or "auto") return Default(totalIterations);
        if (list == "none") return [];
        var chosen = new SortedSet<int>();
        foreach (string item in list.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(item, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int iteration))
                throw new ArgumentException($"--snapshots: '{item}' is not an iteration number (use e.g. 0,100,500, auto or none).");
            if (iteration >= totalIterations)
                throw new ArgumentException($"--snapshots: iteration {iteration} is beyond this run (iterations 0–{totalIterations - 1}).");
            chosen.Add(iteration);
        }
        return [.. chosen];
    }

    /// <summary>The <see cref="OptimizationLoop.Run"/> hook (afterEvaluation).</summary>
    public void Observe(IterationReport report, ReadOnlySpan<double> u)
    {
        _history.Add(report);
        if (!_iterations.Contains(report.Iteration)) return;
        string folder = Path.Combine(_outputFolder, "snapshots", $"iter-{report.Iteration:D5}");
        Directory.CreateDirectory(folder);
        _write(folder, report, u.ToArray(), _history);
    }
}

/// <summary>parameters.json of a snapshot: the optimiser vector u (what `--lr` steps in) and the sequence it encodes in
/// physical units, with the loss of that iteration.</summary>
internal sealed record SnapshotRecord(int Iteration, int Restart, double Loss, IReadOnlyDictionary<string, double> Terms,
    double[] OptimizerParameters, SequenceRecord Sequence)
{
    public static SnapshotRecord From(IterationReport report, IReadOnlyList<string> termNames, double[] u, SequenceRecord sequence) =>
        new(report.Iteration, report.Restart, report.Loss, RunFiles.Terms(report, termNames), u, sequence);
}
