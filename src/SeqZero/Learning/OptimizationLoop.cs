using System.Diagnostics;
using SeqZero.Learning.Optimizers;

namespace SeqZero.Learning;

/// <summary>Runs an optimiser on an objective: per iteration evaluate loss and gradient, keep the best (or last) iterate, clip,
/// step with the scheduled step size. Random restarts begin from the best iterate plus seeded Gaussian noise with the
/// optimiser state and schedule reset. With a divergence guard, a loss far above the best returns the run to the best
/// iterate with reset optimiser state and a smaller step size. Stops cleanly on cancellation or a non-finite loss/gradient, keeping the best.
/// Deterministic: same objective, start and options (seed) → same result.</summary>
public static class OptimizationLoop
{
    /// <param name="beforeIteration">Called with the global iteration index before each evaluation (e.g. to draw the
    /// next training sample); may be null.</param>
    /// <param name="afterEvaluation">Called after each finite evaluation with its report (already in the history) and the
    /// parameters it evaluated, before the step (e.g. to write snapshots at chosen iterations); the span is valid only
    /// during the call; may be null.</param>
    public static OptimizationResult Run(IObjective objective, ReadOnlySpan<double> start, OptimizationOptions options,
        IProgress<IterationReport>? progress = null, CancellationToken cancel = default, Action<int>? beforeIteration = null,
        Action<IterationReport, ReadOnlySpan<double>>? afterEvaluation = null)
    {
        options.Validate();
        if (start.Length != objective.Dimension)
            throw new ArgumentException($"Start has {start.Length} parameters; the objective has {objective.Dimension}.", nameof(start));
        int n = objective.Dimension, total = options.Iterations * options.Restarts;
        var random = new Random(options.Seed);
        IOptimizer optimizer = options.Optimizer == OptimizerKind.Adam ? new Adam(n) : new Sgd(n, options.SgdMomentum);
        var schedule = new LearningRateSchedule(options.LearningRate, options.FinalLearningRate, options.Iterations);
        double[] u = start.ToArray(), gradient = new double[n], best = start.ToArray(), bestTerms = [];
        double bestLoss = double.PositiveInfinity;
        int bestIteration = -1, reverts = 0;
        double stepScale = 1; // × the schedule; lowered by the divergence guard, back to 1 at each restart
        var history = new List<IterationReport>(total);
        var clock = Stopwatch.StartNew();

        OptimizationResult Finish(StopReason reason, string message) =>
            new(best, bestLoss, bestTerms, bestIteration, history, reason, message, clock.Elapsed.TotalSeconds) { DivergenceReverts = reverts };

        for (int restart = 0; restart < options.Restarts; restart++)
        {
            if (restart > 0)
            {
                // restart: best so far + noise, fresh optimiser state and step-size schedule
                for (int i = 0; i < n; i++) u[i] = best[i] + options.RestartNoise * Gaussian(random);
                optimizer.Reset();
                stepScale = 1;
            }
            for (int local = 0; local < options.Iterations; local++)
            {
                int iteration = restart * options.Iterations + local;
                if (cancel.IsCancellationRequested) return Finish(StopReason.Cancelled, Cancelled(iteration, bestIteration, bestLoss));
                LossEvaluation value;
                try
                {
                    beforeIteration?.Invoke(iteration);
                    value = objective.Evaluate(u, gradient, cancel);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    return Finish(StopReason.Cancelled, Cancelled(iteration, bestIteration, bestLoss));
                }
                double gradientNorm = GradientClipping.Norm(gradient);
                double rate = stepScale * schedule.At(local);
                history.Add(new IterationReport(iteration, total, restart, value.Total, value.Terms,
                    options.KeepBest ? Math.Min(bestLoss, double.IsFinite(value.Total) ? value.Total : bestLoss) : value.Total, rate, gradientNorm,
                    clock.Elapsed.TotalSeconds));

                // NaN/Inf guard: never step on a broken gradient, never keep a broken iterate
                if (!double.IsFinite(value.Total) || !double.IsFinite(gradientNorm))
                {
                    string what = !double.IsFinite(value.Total) ? $"the loss is {value.Total}" : "the gradient has non-finite entries";
                    return Finish(StopReason.NonFinite,
                        $"Iteration {iteration}: {what}; stopped and kept the best iterate (iteration {bestIteration}, loss {bestLoss:G6}).");
                }
                if (value.Total < bestLoss || !options.KeepBest)
                {
                    bestLoss = value.Total; bestTerms = value.Terms; bestIteration = iteration;
                    u.CopyTo(best, 0);
                }
                progress?.Report(history[^1]);
                afterEvaluation?.Invoke(history[^1], u);

                // divergence guard: back to the best iterate, fresh optimiser state, smaller steps
                if (options.KeepBest && options.DivergenceRatio is double ratio && value.Total > ratio * bestLoss)
                {
                    best.CopyTo(u, 0);
                    optimizer.Reset();
                    stepScale *= options.DivergenceStepFactor;
                    reverts++;
                    continue;
                }

                if (options.ClipNorm is double clip) GradientClipping.ClipToNorm(gradient, clip);
                optimizer.Step(u, gradient, rate);
            }
        }
        return Finish(StopReason.Completed, $"Completed {total} iterations; best loss {bestLoss:G6} at iteration {bestIteration}" +
            (reverts > 0 ? $"; {reverts} return(s) to the best iterate after a divergence." : "."));
    }

    private static string Cancelled(int iteration, int bestIteration, double bestLoss) =>
        $"Cancelled before iteration {iteration}; kept the best iterate (iteration {bestIteration}, loss {bestLoss:G6}).";

    /// <summary>Standard normal deviate (Box–Muller) from the seeded generator.</summary>
    private static double Gaussian(Random random)
    {
        double a = 1 - random.NextDouble(), b = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(a)) * Math.Cos(2 * Math.PI * b);
    }
}
