using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class SequenceSearchTests
{
    // exp(log(t + 1e-6)) − 1e-6 in double: ~1e-18 s.
    private const double LogTimeRoundTripTolerance = 1e-12;
    private static readonly SupernetOptions Tiny = new() { Epochs = 3, BatchSize = 30 };

    [Fact]
    public void Run_SameSeed_GivesSameDesignWhateverTheThreads()
    {
        VoxelDataSet data = SearchTestData.SmallDataSet(90);
        var a = new SequenceSearch(ExperimentSpec.Experiment1, data, SpinSet.Create(16), Tiny, seed: 4, threads: 1);
        var b = new SequenceSearch(ExperimentSpec.Experiment1, data, SpinSet.Create(16), Tiny, seed: 4, threads: 2);
        Assert.Equal(a.Run(), b.Run());
        Assert.Equal(a.Net.Design(), b.Net.Design());
        Assert.NotEqual(a.Net.Design(), new SequenceSearch(ExperimentSpec.Experiment1, data, SpinSet.Create(16), Tiny, seed: 5).Net.Design());
    }

    [Fact]
    public void Step_AbsurdLossWeight_StopsWithDivergenceNamingTheWeights()
    {
        // λnull 1e12: the first SGD step throws flips and log idle times out of range; the search must stop there with a
        // sentence, not simulate an infinite idle time
        ExperimentSpec spec = ExperimentSpec.Custom with { SignalTissues = [TissueClass.GrayMatter], NullWeight = 1e12, NullTissues = [TissueClass.WhiteMatter] };
        var search = new SequenceSearch(spec, SearchTestData.SmallDataSet(90), SpinSet.Create(16), Tiny, seed: 0);
        var error = Assert.Throws<SearchDivergedException>(() => search.Run());
        Assert.Contains("diverged at iteration", error.Message);
        Assert.Contains("λnull 1E+12", error.Message);
    }

    [Fact]
    public void Supernet_Initialisation_FollowsPaper()
    {
        var net = new Supernet(new SupernetOptions(), new Random(1));
        Assert.Equal(5, net.Layers[0].Count); // first layer: RF only
        Assert.All(net.Layers.Skip(1), l => Assert.Equal(8, l.Count));
        foreach (SupernetLayer layer in net.Layers)
        {
            for (int c = 0; c < 5; c++)
            {
                Assert.InRange(SearchTestData.Degrees(layer.Flip[c]), 36 * c, 36 * (c + 1));
                Assert.InRange(SearchTestData.Degrees(layer.Phase[c]), -180, 180);
                Assert.Equal(0.0062, net.Idle(layer.LogIdle[c]), LogTimeRoundTripTolerance);
            }
            for (int w = 0; w < layer.Count - 5; w++) Assert.InRange(net.Idle(layer.LogIdle[5 + w]), 0.001 * Math.Pow(10, w), 0.01 * Math.Pow(10, w));
            Assert.All(layer.Alpha, a => Assert.InRange(a, -0.01, 0.01));
        }
    }

    [Fact]
    public void Step_ArchitectureEveryTwo_MovesAlphaOnEverySecondIteration()
    {
        VoxelDataSet data = SearchTestData.SmallDataSet(30);
        var search = new SequenceSearch(ExperimentSpec.Experiment1, data, SpinSet.Create(16), Tiny with { ArchitectureUpdateEvery = 2 }, seed: 1);
        int[] batch = SearchTestData.All(data);
        double[] Alpha() => [.. search.Net.Layers.SelectMany(l => l.Alpha)];
        var moved = new List<bool>();
        for (int i = 0; i < 4; i++)
        {
            double[] before = Alpha();
            search.Step(batch);
            moved.Add(!before.SequenceEqual(Alpha()));
        }
        Assert.Equal([true, false, true, false], moved);
    }

    [Theory]
    [InlineData(GateGradientMode.TwoPaths)]
    [InlineData(GateGradientMode.AllPaths)]
    [InlineData(GateGradientMode.Substituted)]
    public void Run_ShortSearch_LowersLoss(GateGradientMode mode)
    {
        // faster learning rates and architecture updates on every iteration, so that 60 iterations show the trend
        var options = new SupernetOptions
        {
            Epochs = 30, BatchSize = 60, WeightLearningRate = 0.05, ArchitectureLearningRate = 0.05, ArchitectureUpdateEvery = 1, GateGradients = mode,
        };
        VoxelDataSet data = SearchTestData.SmallDataSet(120);
        var search = new SequenceSearch(ExperimentSpec.Experiment1, data, SpinSet.Create(32), options, seed: 2, threads: 2);
        double[] history = search.Run();
        double early = history.Take(5).Average(), late = history.TakeLast(5).Average();
        Assert.True(late < early, $"mean batch loss went from {early:F4} to {late:F4}");
    }
}
