using SeqZero.Learning;
using SeqZero.Phantoms;

namespace SeqZero.Tests.Learning;

public class SparseTrainingSetTests
{
    [Fact]
    public void Create_SameSeed_SameSamples()
    {
        VoxelPhantom grid = BuiltInPhantoms.Sphere(8);
        VoxelSet[] a = SparseTrainingSet.Create(grid, 20, seed: 3), b = SparseTrainingSet.Create(grid, 20, seed: 3);
        Assert.Equal(a.Select(s => (s.MapIndex[0], s.T1Seconds[0], s.B0Hertz[0])), b.Select(s => (s.MapIndex[0], s.T1Seconds[0], s.B0Hertz[0])));
    }

    [Fact]
    public void Create_Samples_AreSingleVoxelsOnTheGridWithinRanges()
    {
        VoxelPhantom grid = BuiltInPhantoms.Sphere(8);
        var ranges = new SparseTissueRanges();
        foreach (VoxelSet s in SparseTrainingSet.Create(grid, 200, seed: 1, ranges))
        {
            Assert.Equal(1, s.Count);
            int x = s.MapIndex[0] % grid.SizeX, y = s.MapIndex[0] / grid.SizeX;
            Assert.Equal(grid.PositionX(x), s.PositionXMeters[0]);
            Assert.Equal(grid.PositionY(y), s.PositionYMeters[0]);
            Assert.InRange(s.T1Seconds[0], ranges.T1MinSeconds, ranges.T1MaxSeconds);
            Assert.InRange(s.T2Seconds[0], ranges.T2MinSeconds, s.T1Seconds[0]);
            Assert.InRange(s.B0Hertz[0], -ranges.B0MaxHertz, ranges.B0MaxHertz);
            Assert.Equal(1, s.ProtonDensity[0]);
        }
    }

    [Fact]
    public void Create_SeveralVoxelsPerSample_EachVoxelHasItsOwnTissue()
    {
        VoxelSet s = SparseTrainingSet.Create(BuiltInPhantoms.Sphere(16), 1, seed: 5, voxelsPerSample: 8)[0];
        Assert.Equal(8, s.Count);
        Assert.True(s.T1Seconds.Distinct().Count() > 1);
        Assert.All(s.ProtonDensity, pd => Assert.Equal(1, pd));
    }

    [Fact]
    public void Create_ZeroCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseTrainingSet.Create(BuiltInPhantoms.Sphere(4), 0, 0));
}
