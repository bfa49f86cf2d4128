using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class DesignCategoriesTests
{
    private static ProcessedDesign Design(double[] flips, double[] phases, double[] times) => new(flips, phases, times, times.Sum());

    [Theory]
    [InlineData(new[] { 88.0, 177.0 }, new[] { 0.0, 180.0 }, "exp1", "Hahn-echo-like (2 RF)")]
    [InlineData(new[] { 6.0, 87.0, 170.0 }, new[] { 0.0, 40.0, -140.0 }, "exp1", "Hahn-echo-like (3 RF)")]
    [InlineData(new[] { 90.0, 180.0 }, new[] { 0.0, 90.0 }, "exp1", "Other spin-echo-like")]
    [InlineData(new[] { 30.0, 90.0, 180.0 }, new[] { 0.0, 0.0, 180.0 }, "exp1", "Others")]
    [InlineData(new[] { 90.0, 180.0, 90.0 }, new[] { 0.0, 180.0, 0.0 }, "exp1", "Others")]
    [InlineData(new[] { 89.0, 178.0 }, new[] { 0.0, 4.0 }, "exp2", "Hahn-echo-like (refocusing phase ≈ 0°)")]
    [InlineData(new[] { 89.0, 178.0 }, new[] { 0.0, 179.0 }, "exp2", "Hahn-echo-like (refocusing phase ≈ 180°)")]
    [InlineData(new[] { 89.0, 178.0 }, new[] { 0.0, 111.0 }, "exp2", "Other spin-echo-like")]
    public void Categorise_SpinEchoDesigns_FollowTableII(double[] flips, double[] phases, string experiment, string expected)
    {
        Assert.Equal(expected, DesignCategories.Categorise(experiment, Design(flips, phases, [.. flips.Select(_ => 0.01)])));
    }

    [Theory]
    [InlineData(0.45, "Inversion-prepared spin-echo-like")]
    [InlineData(0.05, "Others")]
    public void Categorise_InversionPreparedSpinEchoWithDistinctT1_NeedsTiAbove100Ms(double tiSeconds, string expected)
    {
        var d = Design([178, 88.5, 177], [0, 10, -170], [tiSeconds, 0.006, 0.006]);
        Assert.Equal(expected, DesignCategories.Categorise("exp2-distinct-t1", d));
    }

    [Theory]
    [InlineData(new[] { 176.0, 89.0 }, 3.75, "Inversion-prepared gradient-echo-like")]
    [InlineData(new[] { 176.0, 89.0 }, 2.0, "Others")]
    [InlineData(new[] { 177.0, 88.0, 176.0 }, 3.3, "Inversion-prepared spin-echo-like")]
    [InlineData(new[] { 90.0, 180.0 }, 3.3, "Others")]
    public void Categorise_CsfNullingDesigns_FollowTableIII(double[] flips, double tiSeconds, string expected)
    {
        double[] times = [tiSeconds, .. Enumerable.Repeat(0.0062, flips.Length - 1)];
        Assert.Equal(expected, DesignCategories.Categorise("exp3", Design(flips, new double[flips.Length], times)));
    }

    [Theory]
    [InlineData(new[] { 176.0, 89.0 }, 0.55, "Inversion-prepared gradient-echo-like")]
    [InlineData(new[] { 177.0, 88.0, 176.0 }, 0.45, "Inversion-prepared spin-echo-like")]
    [InlineData(new[] { 176.0, 89.0 }, 0.05, "Others")]
    [InlineData(new[] { 89.0, 178.0 }, 0.02, "Hahn-echo-like (refocusing phase ≈ 0°)")]
    [InlineData(new[] { 62.0 }, 0.0062, "Gradient-echo-like")]
    [InlineData(new[] { 8.0, 62.0 }, 0.02, "Gradient-echo-like")]
    [InlineData(new[] { 62.0, 8.0 }, 0.02, "Others")]
    [InlineData(new[] { 60.0, 60.0 }, 0.02, "Others")]
    [InlineData(new[] { 178.0, 177.0, 89.0 }, 2.5, "Others")] // second inversion 6.2 ms before the 90°: no TI
    public void Categorise_CustomObjective_AnyShapeWithTiAbove100Ms(double[] flips, double firstIdleSeconds, string expected)
    {
        double[] times = [firstIdleSeconds, .. Enumerable.Repeat(0.0062, flips.Length - 1)];
        Assert.Equal(expected, DesignCategories.Categorise("custom", Design(flips, new double[flips.Length], times)));
    }

    [Theory]
    [InlineData(new[] { 178.0, 177.0, 89.0 }, new[] { 2.4, 0.45, 0.0062 }, "Double-inversion-prepared gradient-echo-like")]
    [InlineData(new[] { 178.0, 5.0, 177.0, 89.0 }, new[] { 2.4, 0.01, 0.45, 0.0062 }, "Double-inversion-prepared gradient-echo-like")]
    [InlineData(new[] { 178.0, 177.0, 89.0 }, new[] { 2.4, 0.05, 0.0062 }, "Others")]
    [InlineData(new[] { 178.0, 177.0, 89.0, 60.0 }, new[] { 2.4, 0.45, 0.0062, 0.0062 }, "Others")]
    public void Categorise_CustomObjective_DoubleInversionRecovery(double[] flips, double[] times, string expected)
    {
        Assert.Equal(expected, DesignCategories.Categorise("custom", Design(flips, new double[flips.Length], times)));
    }
}
