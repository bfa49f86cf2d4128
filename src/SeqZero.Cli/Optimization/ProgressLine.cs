using SeqZero.Learning;

namespace SeqZero.Cli.Optimization;

/// <summary>The live progress line of `optimize`: iteration, loss terms, best so far, step size and ETA, written
/// synchronously (unlike <see cref="Progress{T}"/>) about <see cref="LinesPerRun"/> times per run and at the end.</summary>
internal sealed class ProgressLine(TextWriter output, IReadOnlyList<string> termNames) : IProgress<IterationReport>
{
    private const int LinesPerRun = 40;

    public void Report(IterationReport value)
    {
        int every = Math.Max(1, value.TotalIterations / LinesPerRun);
        bool last = value.Iteration == value.TotalIterations - 1;
        if (value.Iteration % every != 0 && !last) return;
        string terms = string.Join(", ", termNames.Select((name, i) => $"{name} {value.Terms[i]:G4}"));
        output.WriteLine($"it {value.Iteration + 1,5}/{value.TotalIterations} (run {value.Restart + 1})  loss {value.Loss:G5} [{terms}]  " +
            $"best {value.BestLoss:G5}  lr {value.LearningRate:G3}  {value.ElapsedSeconds:F1} s, ETA {value.EtaSeconds:F0} s");
    }
}
