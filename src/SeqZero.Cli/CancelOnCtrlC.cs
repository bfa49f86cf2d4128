namespace SeqZero.Cli;

/// <summary>Turns Ctrl+C into a cancellation request for the running job (the process is not killed, so the job can
/// stop cleanly and keep what it has).</summary>
internal sealed class CancelOnCtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CancelOnCtrlC() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => _source.Token;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }
}
