namespace SeqZero.Learning;

/// <summary>Stochastic training over a set of objectives (one per training sample, same parameters and term names):
/// each iteration evaluates one sample, chosen from the seed and the iteration number alone, so a run is reproducible
/// and independent of what else ran before (minibatch of one sample, as the paper's sparse training).</summary>
public sealed class SampledObjective : IObjective
{
    private readonly IReadOnlyList<IObjective> _samples;
    private readonly int _seed;

    public SampledObjective(IReadOnlyList<IObjective> samples, int seed)
    {
        if (samples.Count == 0) throw new ArgumentException("At least one sample objective is needed.", nameof(samples));
        if (samples.Any(s => s.Dimension != samples[0].Dimension || !s.TermNames.SequenceEqual(samples[0].TermNames)))
            throw new ArgumentException("All sample objectives must share the parameter vector and the loss terms.", nameof(samples));
        _samples = samples;
        _seed = seed;
    }

    /// <summary>Index of the sample the next evaluation uses.</summary>
    public int Current { get; private set; }

    public int Dimension => _samples[0].Dimension;

    public IReadOnlyList<string> TermNames => _samples[0].TermNames;

    /// <summary>Chooses the sample of <paramref name="iteration"/>: uniform over the set, a pure function of seed and iteration.</summary>
    public void Draw(int iteration) => Current = new Random(unchecked(_seed * SeedStride + iteration)).Next(_samples.Count);

    // a prime stride keeps (seed, iteration) pairs apart (HashCode.Combine is randomised per process, so not reproducible)
    private const int SeedStride = 1_000_003;

    public LossEvaluation Evaluate(ReadOnlySpan<double> u, Span<double> gradient, CancellationToken cancel = default) =>
        _samples[Current].Evaluate(u, gradient, cancel);
}
