using System.Diagnostics;

namespace SeqZero.Cli;

/// <summary>A one-line progress display on stderr for work that reports a fraction done: percentage, elapsed time and
/// ETA, redrawn at most ten times a second, and only once the work has run for a second (short runs stay quiet).</summary>
internal sealed class ConsoleProgress(TextWriter writer, string label) : IProgress<double>, IDisposable
{
    private static readonly TimeSpan QuietStart = TimeSpan.FromSeconds(1), Redraw = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private TimeSpan _lastDrawn = TimeSpan.Zero;
    private bool _drawn;

    public void Report(double fraction)
    {
        lock (_gate)
        {
            TimeSpan elapsed = _clock.Elapsed;
            if (elapsed < QuietStart || elapsed - _lastDrawn < Redraw) return;
            _lastDrawn = elapsed;
            _drawn = true;
            double eta = fraction > 0 ? elapsed.TotalSeconds * (1 - fraction) / fraction : double.NaN;
            writer.Write($"\r{label}: {100 * fraction,5:F1} %  elapsed {elapsed.TotalSeconds:F1} s  ETA {eta:F1} s   ");
        }
    }

    public void Dispose()
    {
        if (_drawn) writer.WriteLine();
    }
}
