using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class SearchSummaryTests
{
    // Means of two or three numbers in double.
    private const double StatTolerance = 1e-9;
    private static SearchRecord Record(int seed, double loss, double[] flips, double[] phases) => new()
    {
        Experiment = "exp1", Seed = seed, Epochs = 1, LambdaCont = 0, LambdaNull = 0, DataSeed = 0, Voxels = 1, EvaluationVoxels = 1,
        SpinsPerVoxel = 1, SignalMeasure = "Magnitude", SignalPerTissue = true, GateGradients = "TwoPaths", Layers = [], FlipsDeg = flips, PhasesDeg = phases,
        TimesS = [.. flips.Select(_ => 0.0062)], TimeToReadoutS = 0.0062 * flips.Length, RefocusingPhaseDeg = phases.Length > 1 ? phases[^1] - phases[^2] : double.NaN,
        Loss = loss, LossTerms = new LossTerms(loss, 0, 0, 0, 0, loss),
        Signals = new Dictionary<string, double> { ["GM"] = 0.7, ["WM"] = 0.6, ["CSF"] = 0.99 },
        SignalsMean = new Dictionary<string, double> { ["GM"] = 0.7, ["WM"] = 0.6, ["CSF"] = 0.99 },
        RfEnergyRelative = 0.96, Seconds = 1, History = [],
    };

    [Fact]
    public void Summarise_LossesAroundGridOptimum_SuccessWithinFivePercent()
    {
        Assert.True(SearchSummary.IsSuccessful(0.0104, 0.0100));
        Assert.False(SearchSummary.IsSuccessful(0.0106, 0.0100));
        Assert.True(SearchSummary.IsSuccessful(-0.96, -1.0)); // negative optimum: within 5 % of |L*|
        Assert.False(SearchSummary.IsSuccessful(-0.94, -1.0));
    }

    [Fact]
    public void Summarise_MixedSeeds_CountsRatesAndWrapsPhasesAround180()
    {
        SearchRecord[] records =
        [
            Record(0, 0.0100, [88, 177], [0, 179]),
            Record(1, 0.0101, [88.5, 176.5], [0, -179]),
            Record(2, 0.0300, [88, 177], [0, 180]), // not within 5 %: Others
            Record(3, 0.0102, [6, 87, 170], [0, 10, -170]),
        ];
        SearchSummary s = SearchSummary.Summarise(records, 0.0100);
        Assert.Equal(3, s.Successful);
        CategorySummary two = s.Categories.Single(c => c.Name == "Hahn-echo-like (2 RF)");
        Assert.Equal(2, two.Count);
        Assert.Equal(0.5, two.Rate);
        Assert.Equal(88.25, two.FlipsDeg![0].Mean, StatTolerance);
        Assert.Equal(180, two.PhasesDeg![1].Mean, StatTolerance); // 179 and 181 (= −179 + 360)
        Assert.Equal("Others", s.Categories[^1].Name);
        Assert.Equal(1, s.Categories.Single(c => c.Name == "Hahn-echo-like (3 RF)").Count);
    }

    [Theory]
    // reference values of Wilson's score interval at z = 1.96 (Newcombe 1998, Stat. Med. 17:857: 0/10, 1/10, 5/10; 10/10 mirrors 0/10)
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(1, 10, 0.0179, 0.4042)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    public void Wilson_KnownCounts_GivesTheScoreInterval(int count, int total, double low, double high)
    {
        Interval interval = Interval.Wilson(count, total);
        Assert.Equal(low, interval.Low, 1e-4);
        Assert.Equal(high, interval.High, 1e-4);
    }

    [Fact]
    public void Summarise_Categories_CarryTheRatesInterval()
    {
        SearchRecord[] records = [Record(0, 0.02789, [89, 178], [0, 180]), Record(1, 0.02789, [89, 178], [0, 180]), Record(2, 0.9, [30], [0])];
        CategorySummary hahn = SearchSummary.Summarise(records, 0.02789).Categories[0];
        Assert.Equal(Interval.Wilson(2, 3), hahn.Rate95);
        Assert.InRange(hahn.Rate, hahn.Rate95.Low, hahn.Rate95.High);
    }
}
