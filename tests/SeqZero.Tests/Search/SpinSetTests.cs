using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class SpinSetTests
{
    // Evenly spaced offsets and symmetric quantiles are exact up to double rounding of 256 terms.
    private const double RoundingTolerance = 1e-9;
    [Fact]
    public void Create_Deterministic_SpreadsEvenlyOverWidthAndUsesCauchyQuantiles()
    {
        SpinSet spins = SpinSet.Create();
        Assert.Equal(256, spins.Count);
        double[] sorted = [.. spins.LinearOffsetHertz.Order()];
        Assert.Equal(-30 + 60.0 / 512, sorted[0], RoundingTolerance);
        Assert.Equal(30 - 60.0 / 512, sorted[^1], RoundingTolerance);
        Assert.Equal(0, spins.LinearOffsetHertz.Average(), RoundingTolerance);
        double[] lorentz = [.. spins.LorentzFrequency.Order()];
        Assert.Equal(Math.Tan(Math.PI * (0.5 / 256 - 0.5)), lorentz[0], RoundingTolerance);
        Assert.Equal(0, spins.LorentzFrequency.Sum(), RoundingTolerance); // quantiles are symmetric
    }

    [Fact]
    public void Create_Random_IsSeededAndDiffersFromQuantiles()
    {
        SpinSet a = SpinSet.Create(sampling: SpinSampling.Random, seed: 2), b = SpinSet.Create(sampling: SpinSampling.Random, seed: 2);
        Assert.Equal(a.LorentzFrequency, b.LorentzFrequency);
        Assert.NotEqual(SpinSet.Create().LorentzFrequency, a.LorentzFrequency);
        Assert.All(a.LinearOffsetHertz, f => Assert.InRange(f, -30, 30));
    }
}
