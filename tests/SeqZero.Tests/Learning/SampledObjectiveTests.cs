using SeqZero.Learning;

namespace SeqZero.Tests.Learning;

public class SampledObjectiveTests
{
    /// <summary>L = c (constant per sample), ∂L/∂u = 0: tells which sample answered.</summary>
    private sealed class Constant(double value, int dimension = 1, string term = "c") : IObjective
    {
        public int Dimension => dimension;
        public IReadOnlyList<string> TermNames { get; } = [term];
        public LossEvaluation Evaluate(ReadOnlySpan<double> u, Span<double> gradient, CancellationToken cancel = default)
        {
            gradient.Clear();
            return new LossEvaluation(value, [value]);
        }
    }

    [Fact]
    public void Draw_SameSeedAndIteration_SameSample()
    {
        IObjective[] samples = [.. Enumerable.Range(0, 10).Select(i => new Constant(i))];
        var a = new SampledObjective(samples, seed: 2);
        var b = new SampledObjective(samples, seed: 2);
        var seen = new HashSet<int>();
        for (int i = 0; i < 50; i++)
        {
            a.Draw(i); b.Draw(i);
            Assert.Equal(a.Current, b.Current);
            Assert.Equal(a.Current, a.Evaluate([0], new double[1]).Total);
            seen.Add(a.Current);
        }
        Assert.True(seen.Count > 5, $"only {seen.Count} of 10 samples drawn in 50 iterations");
    }

    [Fact]
    public void Constructor_DifferentTerms_Throws() =>
        Assert.Throws<ArgumentException>(() => new SampledObjective([new Constant(1), new Constant(2, term: "other")], 0));

    [Fact]
    public void Run_KeepBestFalse_KeepsLastIterate()
    {
        IObjective[] samples = [.. Enumerable.Range(0, 4).Select(i => new Constant(i))];
        var sampled = new SampledObjective(samples, seed: 1);
        OptimizationResult result = OptimizationLoop.Run(sampled, [0.0], new OptimizationOptions { Iterations = 12, KeepBest = false },
            beforeIteration: sampled.Draw);
        Assert.Equal(11, result.BestIteration);
        Assert.Equal(result.History[^1].Loss, result.BestLoss);
    }
}
