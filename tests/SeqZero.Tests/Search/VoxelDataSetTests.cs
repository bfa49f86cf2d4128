using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class VoxelDataSetTests
{
    // 30 000 draws: the standard error of a mean is SD/√10 000 = 1 % of SD; 5 SDs of that is 0.05·SD.
    private const double MeanToleranceInSds = 0.05;

    [Fact]
    public void Generate_SameSeed_GivesSameVoxels()
    {
        VoxelDataSet a = SearchTestData.SmallDataSet(100, seed: 5), b = SearchTestData.SmallDataSet(100, seed: 5);
        Assert.Equal(a.T2PrimeSeconds, b.T2PrimeSeconds);
        Assert.Equal(a.B0Hertz, b.B0Hertz);
        Assert.NotEqual(a.B1, SearchTestData.SmallDataSet(100, seed: 6).B1);
    }

    [Fact]
    public void Generate_ManyVoxels_MatchesTableIAndRanges()
    {
        VoxelDataSet set = SearchTestData.SmallDataSet(30_000, seed: 1);
        foreach (TissueDistribution t in TissueDistribution.TableI())
        {
            int[] idx = [.. Enumerable.Range(0, set.Count).Where(v => set.Tissue[v] == t.Tissue)];
            Assert.Equal(10_000, idx.Length);
            AssertMean(idx.Select(v => set.T1Seconds[v]), t.T1MeanSeconds, t.T1SdSeconds);
            AssertMean(idx.Select(v => set.T2Seconds[v]), t.T2MeanSeconds, t.T2SdSeconds);
            AssertMean(idx.Select(v => set.T2PrimeSeconds[v]), t.T2PrimeMeanSeconds, t.T2PrimeSdSeconds);
        }
        Assert.All(set.B1, b => Assert.InRange(b, 0.8, 1.2));
        Assert.All(set.B0Hertz, b => Assert.InRange(b, -50, 50));
        Assert.All(Enumerable.Range(0, set.Count).Where(v => set.Tissue[v] == TissueClass.Csf), v => Assert.Equal(1.0, set.M0[v]));
    }

    [Fact]
    public void Generate_EqualT1_GivesGmAndWmOneSecond()
    {
        VoxelDataSet set = SearchTestData.SmallDataSet(3_000, equalT1: true);
        foreach (TissueClass tissue in new[] { TissueClass.GrayMatter, TissueClass.WhiteMatter })
            AssertMean(Enumerable.Range(0, set.Count).Where(v => set.Tissue[v] == tissue).Select(v => set.T1Seconds[v]), 1.0, 0.05 * Math.Sqrt(10));
    }

    [Fact]
    public void Nominal_ThreeTissues_HaveMeansAndNoFieldErrors()
    {
        VoxelDataSet nominal = VoxelDataSet.Nominal();
        Assert.Equal([TissueClass.GrayMatter, TissueClass.WhiteMatter, TissueClass.Csf], nominal.Tissue);
        Assert.Equal([0.8, 0.7, 1.0], nominal.M0);
        Assert.All(nominal.B1, b => Assert.Equal(1.0, b));
    }

    private static void AssertMean(IEnumerable<double> values, double mean, double sd)
    {
        double m = values.Average();
        Assert.True(Math.Abs(m - mean) < MeanToleranceInSds * sd, $"mean {m} vs {mean} ± {sd}");
    }
}
