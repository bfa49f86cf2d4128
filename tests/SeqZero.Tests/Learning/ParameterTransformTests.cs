using SeqZero.Learning;

namespace SeqZero.Tests.Learning;

public class ParameterTransformTests
{
    // inverse transforms go through log/exp: round trips hold to a few ulps of the value
    private const double RoundTripTolerance = 1e-9;

    public static TheoryData<string> Transforms => ["linear", "softplus", "bounded"];

    private static ParameterTransform Make(string name) => name switch
    {
        "linear" => ParameterTransform.Linear(5.0),
        "softplus" => ParameterTransform.SoftplusAbove(1e-4, 2e-3),
        _ => ParameterTransform.Bounded(-1, 3),
    };

    [Theory]
    [MemberData(nameof(Transforms))]
    public void FromPhysical_AfterToPhysical_ReturnsU(string name)
    {
        ParameterTransform t = Make(name);
        foreach (double u in new[] { -3.0, -0.5, 0, 0.7, 4 })
            Assert.InRange(t.FromPhysical(t.ToPhysical(u)), u - RoundTripTolerance, u + RoundTripTolerance);
    }

    [Theory]
    [MemberData(nameof(Transforms))]
    public void Derivative_RandomU_MatchesCentralDifference(string name)
    {
        ParameterTransform t = Make(name);
        var random = new Random(1);
        for (int i = 0; i < 10; i++)
        {
            double u = 6 * random.NextDouble() - 3;
            double numeric = GradientCheck.Central(p => t.ToPhysical(p[0]), [u], 0);
            Assert.True(GradientCheck.Relative(t.Derivative(u), numeric, 0) < GradientCheck.RelativeTolerance, $"u = {u}");
        }
    }

    [Fact]
    public void SoftplusAbove_VeryNegativeU_StaysAboveMinimum()
    {
        ParameterTransform t = ParameterTransform.SoftplusAbove(1e-4, 1e-3);
        Assert.True(t.ToPhysical(-30) > 1e-4); // softplus(−30)·scale ≈ 1e-16 s, far above the ulp of 1e-4
        Assert.True(t.ToPhysical(50) > 1e-4 + 1e-3 * 49);
    }

    [Fact]
    public void Bounded_ExtremeU_StaysInsideBounds()
    {
        ParameterTransform t = ParameterTransform.Bounded(-1, 3);
        Assert.InRange(t.ToPhysical(-40), -1, 3);
        Assert.InRange(t.ToPhysical(40), -1, 3);
        Assert.True(double.IsFinite(t.FromPhysical(3)));
    }

    [Fact]
    public void Linear_ZeroScale_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterTransform.Linear(0));
}
