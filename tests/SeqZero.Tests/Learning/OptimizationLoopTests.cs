using SeqZero.Learning;

namespace SeqZero.Tests.Learning;

public class OptimizationLoopTests
{
    /// <summary>L = Σ (uᵢ − cᵢ)² with an optional failure: NaN from a given evaluation on, or cancellation.</summary>
    private sealed class Bowl(double[] centre, int nanFromEvaluation = int.MaxValue) : IObjective
    {
        public int Evaluations { get; private set; }
        public int Dimension => centre.Length;
        public IReadOnlyList<string> TermNames { get; } = ["bowl"];
        public Action<int>? OnEvaluate { get; init; }

        public LossEvaluation Evaluate(ReadOnlySpan<double> u, Span<double> gradient, CancellationToken cancel = default)
        {
            OnEvaluate?.Invoke(Evaluations);
            cancel.ThrowIfCancellationRequested();
            double sum = 0;
            for (int i = 0; i < u.Length; i++) { sum += (u[i] - centre[i]) * (u[i] - centre[i]); gradient[i] = 2 * (u[i] - centre[i]); }
            if (Evaluations++ >= nanFromEvaluation) sum = double.NaN;
            return new LossEvaluation(sum, [sum]);
        }
    }

    private static readonly OptimizationOptions Options = new() { Iterations = 50, LearningRate = 0.2, FinalLearningRate = 0.02 };

    [Fact]
    public void Run_Bowl_LossFallsAndBestIsLowest()
    {
        OptimizationResult result = OptimizationLoop.Run(new Bowl([1, -2, 3]), [0, 0, 0], Options);
        Assert.Equal(StopReason.Completed, result.Stop);
        Assert.Equal(50, result.IterationsRun);
        Assert.True(result.BestLoss < result.History[0].Loss / 100, $"{result.History[0].Loss} → {result.BestLoss}");
        Assert.Equal(result.History.Min(h => h.Loss), result.BestLoss);
    }

    [Fact]
    public void Run_AfterEvaluation_SeesEveryIterationWithTheParametersItEvaluated()
    {
        var bowl = new Bowl([1, -2, 3]);
        var seen = new List<(IterationReport Report, double[] U)>();
        OptimizationResult result = OptimizationLoop.Run(bowl, [0, 0, 0], Options with { Restarts = 2 },
            afterEvaluation: (report, u) => seen.Add((report, u.ToArray())));
        Assert.Equal(result.History, seen.Select(s => s.Report));
        foreach ((IterationReport report, double[] u) in seen) // the loss of those parameters is the one in the history
            Assert.Equal(report.Loss, new Bowl([1, -2, 3]).Evaluate(u, new double[3]).Total);
    }

    [Fact]
    public void Run_DivergenceGuard_ReturnsToBestWithSmallerStepsAndConverges()
    {
        // SGD on L = u² with step 1.1: u ← u − 2.2u = −1.2u grows by 1.44 per step in loss; after one return to the best
        // iterate with step 0.55, u ← −0.1u converges
        var options = new OptimizationOptions
        {
            Iterations = 30, LearningRate = 1.1, FinalLearningRate = 1.1, Optimizer = OptimizerKind.Sgd, SgdMomentum = 0,
        };
        OptimizationResult unguarded = OptimizationLoop.Run(new Bowl([0]), [1], options);
        Assert.Equal(1, unguarded.BestLoss);
        Assert.Equal(0, unguarded.DivergenceReverts);

        // after the return every step multiplies u by −0.1: 26 steps from u = 1 leave a loss of 1e-52
        const double ConvergedLoss = 1e-20;
        OptimizationResult guarded = OptimizationLoop.Run(new Bowl([0]), [1], options with { DivergenceRatio = 2, DivergenceStepFactor = 0.5 });
        Assert.True(guarded.BestLoss < ConvergedLoss, $"{guarded.BestLoss}");
        Assert.Equal(1, guarded.DivergenceReverts);
        // iterations 0, 1 step at 1.1 (losses 1, 1.44), iteration 2 (2.07 > 2·1) returns to u = 1, which iteration 3 evaluates
        Assert.Equal([1, 1.44, 1.44 * 1.44, 1], guarded.History.Take(4).Select(h => Math.Round(h.Loss, GradientCheck.ExactDigits)));
        Assert.Equal(0.55, guarded.History[3].LearningRate, GradientCheck.ExactDigits);
        Assert.Contains("1 return(s)", guarded.Message);
    }

    [Fact]
    public void Run_LossTurnsNaN_StopsWithMessageAndKeepsBestFiniteIterate()
    {
        var bowl = new Bowl([1, 1], nanFromEvaluation: 10);
        OptimizationResult result = OptimizationLoop.Run(bowl, [0, 0], Options);
        Assert.Equal(StopReason.NonFinite, result.Stop);
        Assert.Contains("Iteration 10", result.Message);
        Assert.Contains("NaN", result.Message);
        Assert.Equal(11, bowl.Evaluations);
        Assert.True(double.IsFinite(result.BestLoss));
        Assert.Equal(result.History.Take(10).Min(h => h.Loss), result.BestLoss);
        Assert.All(result.BestParameters, p => Assert.True(double.IsFinite(p)));
    }

    [Fact]
    public void Run_CancelledDuringEvaluation_StopsAndKeepsBest()
    {
        using var source = new CancellationTokenSource();
        var bowl = new Bowl([1, 1]) { OnEvaluate = n => { if (n == 7) source.Cancel(); } };
        OptimizationResult result = OptimizationLoop.Run(bowl, [0, 0], Options, cancel: source.Token);
        Assert.Equal(StopReason.Cancelled, result.Stop);
        Assert.Equal(7, result.IterationsRun);
        Assert.Equal(6, result.BestIteration);
    }

    [Fact]
    public void Run_Restarts_SameSeedSameResultOtherSeedDifferent()
    {
        OptimizationOptions options = Options with { Restarts = 3, RestartNoise = 0.5, Seed = 4 };
        OptimizationResult a = OptimizationLoop.Run(new Bowl([1, 2]), [0, 0], options);
        OptimizationResult b = OptimizationLoop.Run(new Bowl([1, 2]), [0, 0], options);
        OptimizationResult c = OptimizationLoop.Run(new Bowl([1, 2]), [0, 0], options with { Seed = 5 });
        Assert.Equal(150, a.IterationsRun);
        Assert.Equal(a.History.Select(h => h.Loss), b.History.Select(h => h.Loss));
        Assert.NotEqual(a.History.Select(h => h.Loss), c.History.Select(h => h.Loss));
    }

    [Fact]
    public void Run_Restart_ResetsScheduleToInitialRate()
    {
        OptimizationResult result = OptimizationLoop.Run(new Bowl([1]), [0], Options with { Restarts = 2 });
        Assert.Equal(Options.LearningRate, result.History[50].LearningRate, GradientCheck.ExactDigits);
        Assert.Equal(1, result.History[50].Restart);
    }

    [Fact]
    public void Run_ProgressReportsEveryIteration()
    {
        var seen = new List<int>();
        OptimizationLoop.Run(new Bowl([1]), [0], Options with { Iterations = 5 }, new SyncProgress(r => seen.Add(r.Iteration)));
        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public void Run_StartOfWrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => OptimizationLoop.Run(new Bowl([1, 2]), [0], Options));

    private sealed class SyncProgress(Action<IterationReport> action) : IProgress<IterationReport>
    {
        public void Report(IterationReport value) => action(value);
    }
}
