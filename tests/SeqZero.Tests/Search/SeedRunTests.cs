using SeqZero.Search;

namespace SeqZero.Tests.Search;

/// <summary>A seed stopped by Ctrl+C keeps its design so far.</summary>
public class SeedRunTests
{
    private static SeedRunSettings Settings(int epochs)
    {
        VoxelDataSet data = SearchTestData.SmallDataSet(90);
        return new SeedRunSettings(ExperimentSpec.Experiment1, data, data.Take(30), SpinSet.Create(16),
            new SupernetOptions { Epochs = epochs, BatchSize = 30 }, DataSeed: 0);
    }

    [Fact]
    public void Run_CancelledAfterTwoEpochs_ReturnsTheDesignSoFarMarkedStopped()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress<SearchProgress>(p => { if (p.Epoch == 2) cancel.Cancel(); });
        SearchRecord record = SeedRun.Run(Settings(epochs: 10), seed: 1, progress, cancel.Token);
        Assert.True(record.Stopped);
        Assert.Equal(2, record.Epochs);
        Assert.Equal(2, record.History.Length);
        Assert.True(double.IsFinite(record.Loss));
        Assert.NotEmpty(record.Layers);
    }

    [Fact]
    public void Run_Uncancelled_IsNotStopped()
    {
        SearchRecord record = SeedRun.Run(Settings(epochs: 2), seed: 1);
        Assert.False(record.Stopped);
        Assert.Equal(2, record.Epochs);
    }

    [Fact]
    public void Run_CancelledBeforeTheFirstEpoch_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SeedRun.Run(Settings(epochs: 3), seed: 1, cancel: cancel.Token));
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool, after the epoch ends).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
