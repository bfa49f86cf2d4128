using SeqZero.Cli;
using System.Text.Json;
using SeqZero.Cli.Optimization;

namespace SeqZero.Tests.Learning.Cli;

public class EncodingTaskTests
{
    private const int Matrix = 8;
    private const int Iterations = 60;
    // measured: 8×8 brain, 1 spin, 60 iterations, seed 0 — loss falls from 0.963 to 0.0142 (×68); ×20 leaves margin
    private const double RequiredLossFall = 20;
    // measured: 8×8, 1 spin, 60 iterations, lr 1, seed 0 — best loss 0.0289 with the divergence guard, 0.0404 without (×0.71)
    private const double GuardedLossRatio = 0.85;

    private static OptimizeSettings Settings(string folder, int seed = 0) => new()
    {
        Matrix = Matrix, Iterations = Iterations, Spins = 1, Seed = seed, OutputFolder = folder,
    };

    [Fact]
    public void Run_SmallBrain_LossFallsByRequiredFactorAndWritesRecord()
    {
        using var temp = new TempFolder();
        RunSummary summary = TaskRunner.Run(EncodingTask.Create(Settings(temp.Path)), Settings(temp.Path), TextWriter.Null, CancellationToken.None);
        double first = History(temp.File("history.json"))[0];
        Assert.True(first / summary.BestLoss > RequiredLossFall, $"loss {first} → {summary.BestLoss}");
        Assert.Equal("encoding", summary.Task);
        Assert.Equal(Iterations, summary.Iterations);
        Assert.NotNull(summary.Nrmse);
        foreach (string file in new[] { "history.json", "best.json", "best.seq", "summary.json", "kspace.png", "flips.png", "recon.png", "target.png", "loss.png" })
            Assert.True(File.Exists(temp.File(file)), file);
        // best.seq is a signed file that passes the timing and hardware check
        Assert.Equal(ExitCodes.Success, CliRunner.Run("seq", "check", temp.File("best.seq")).Code);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("seq", "signature", temp.File("best.seq")).Code);
    }

    [Fact]
    public void Run_SameSeed_SameBestSequence()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        OptimizeSettings sa = Settings(a.Path) with { Iterations = 10 }, sb = Settings(b.Path) with { Iterations = 10 };
        TaskRunner.Run(EncodingTask.Create(sa), sa, TextWriter.Null, CancellationToken.None);
        TaskRunner.Run(EncodingTask.Create(sb), sb, TextWriter.Null, CancellationToken.None);
        Assert.Equal(File.ReadAllText(a.File("best.json")), File.ReadAllText(b.File("best.json")));
        Assert.Equal(History(a.File("history.json")), History(b.File("history.json")));
    }

    [Fact]
    public void Run_TooLargeSteps_DivergenceGuardEndsLower()
    {
        // lr 1 overshoots at 8×8; the guard (on by default when training on the phantom) returns to the best and halves the steps
        using var a = new TempFolder();
        using var b = new TempFolder();
        OptimizeSettings sa = Settings(a.Path) with { LearningRate = 1 }, sb = Settings(b.Path) with { LearningRate = 1 };
        OptimizationTask guarded = EncodingTask.Create(sa);
        Assert.Equal(EncodingTask.DivergenceRatio, guarded.Options.DivergenceRatio);
        RunSummary withGuard = TaskRunner.Run(guarded, sa, TextWriter.Null, CancellationToken.None);
        OptimizationTask plain = EncodingTask.Create(sb);
        RunSummary without = TaskRunner.Run(plain with { Options = plain.Options with { DivergenceRatio = null } }, sb, TextWriter.Null, CancellationToken.None);
        Assert.True(withGuard.Extra["divergence_reverts"] >= 1);
        Assert.False(without.Extra.ContainsKey("divergence_reverts"));
        Assert.True(withGuard.BestLoss < GuardedLossRatio * without.BestLoss, $"guard {withGuard.BestLoss}, without {without.BestLoss}");
    }

    [Fact]
    public void Create_SparseTraining_NoDivergenceGuard()
    {
        // one random sample per iteration: a loss above the best says nothing about overshooting
        using var temp = new TempFolder();
        Assert.Null(EncodingTask.Create(Settings(temp.Path), new EncodingTask.Variant("encoding", Sparse: true)).Options.DivergenceRatio);
    }

    [Fact]
    public void Create_OtherSeed_OtherStart()
    {
        using var temp = new TempFolder();
        Assert.NotEqual(EncodingTask.Create(Settings(temp.Path, seed: 0)).Start, EncodingTask.Create(Settings(temp.Path, seed: 1)).Start);
    }

    [Fact]
    public void Create_InitialNoise_BoundsTheStartAroundZero()
    {
        using var temp = new TempFolder();
        double[] small = EncodingTask.Create(Settings(temp.Path)).Start, wide = EncodingTask.Create(Settings(temp.Path) with { InitialNoise = 3 }).Start;
        // flips, moments and RF phases start at 0 (ADC phases at the builder's π/2, i.e. 15.7 optimiser units)
        Assert.True(small.Select(Math.Abs).Count(x => x > EncodingTask.DefaultInitialNoise && x < 15) == 0);
        Assert.Contains(wide, x => Math.Abs(x) > 1 && Math.Abs(x) <= 3);
        Assert.Throws<ArgumentException>(() => EncodingTask.Create(Settings(temp.Path) with { InitialNoise = -1 }));
    }

    [Fact]
    public void Run_CancelledMidway_WritesValidBestJson()
    {
        using var temp = new TempFolder();
        using var cancel = new CancellationTokenSource();
        // the progress line is the first thing after an iteration: cancel when the third appears (Ctrl+C stand-in)
        var log = new CancelAfterLines(cancel, lines: 4);
        OptimizeSettings settings = Settings(temp.Path) with { Iterations = 40 };
        RunSummary summary = TaskRunner.Run(EncodingTask.Create(settings), settings, log, cancel.Token);
        Assert.Equal("cancelled", summary.StopReason);
        Assert.InRange(summary.Iterations, 1, 39);
        using JsonDocument best = JsonDocument.Parse(File.ReadAllText(temp.File("best.json")));
        Assert.Equal(Matrix, best.RootElement.GetProperty("repetitions").GetArrayLength());
        Assert.True(best.RootElement.GetProperty("repetitions")[0].GetProperty("flip_angle_rad").GetDouble() is double flip && double.IsFinite(flip));
        Assert.True(File.Exists(temp.File("summary.json")));
    }

    [Fact]
    public void Optimize_BadMatrix_ExitsWithBadInput()
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run("optimize", "encoding", "--matrix", "1", "--out", temp.Path);
        Assert.Equal(2, code);
        Assert.Contains("--matrix", error);
    }

    [Fact]
    public void Optimize_TinyRun_ExitsZeroAndPrintsProgress()
    {
        using var temp = new TempFolder();
        (int code, string output, _) = CliRunner.Run("optimize", "encoding", "--matrix", "4", "--iterations", "3", "--out", temp.Path);
        Assert.Equal(0, code);
        Assert.Contains("it     3/3", output);
        Assert.Contains("ETA", output);
    }

    private static double[] History(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.EnumerateArray().Select(e => e.GetProperty("loss").GetDouble())];
    }

    /// <summary>A log that cancels the run once it has received the given number of lines.</summary>
    private sealed class CancelAfterLines(CancellationTokenSource source, int lines) : StringWriter
    {
        private int _count;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (++_count == lines) source.Cancel();
        }
    }
}
