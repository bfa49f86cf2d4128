using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Tests.IO;

namespace SeqZero.Tests.Phantoms.Loaders;

public class MrzeroMatLoaderTests
{
    private const int ClassDouble = 6;
    internal static string BrainMat => SharedData.File("phantoms", "mrzero_numerical_brain_cropped.mat");

    [Fact]
    public void Load_MrzeroBrain_MapsChannelsAndDefaults()
    {
        VoxelPhantom p = MrzeroMatLoader.Load(BrainMat);

        Assert.Equal((141, 161), (p.SizeX, p.SizeY));
        Assert.Equal(0.2 / 141, p.VoxelSizeXMeters, 15);
        Assert.Equal(0.2 / 161, p.VoxelSizeYMeters, 15);
        Assert.Equal(8e-3, p.SliceThicknessMeters);
        // MATLAB (70, 81) = 1-based (x, y); values decoded independently with python3 from the file (channels 0…4)
        int i = p.Index(70, 80);
        Assert.Equal(0.8834566473960876, p.ProtonDensity[i]);
        Assert.Equal(3.186095714569092, p.T1Seconds[i]);
        Assert.Equal(0.3742991089820862, p.T2Seconds[i]);
        Assert.Equal(-10.35158634185791, p.B0Hertz[i]);
        Assert.Equal(1.088376522064209, p.B1[i].Real);
        Assert.Equal(0.03, p.T2PrimeSeconds[i]);
        Assert.Equal(1e-9, p.DiffusionSquareMetersPerSecond[i]);
        Assert.Equal(13954, p.ProtonDensity.Count(v => v != 0));
    }

    [Fact]
    public void Load_TwoVariables_ThrowsNamingMaps()
    {
        using var temp = new TempFolder();
        var w = new MatTestFiles();
        w.Add(w.Matrix(ClassDouble, [1, 5], "a", 0, w.Doubles(1, 1, 0.1, 0, 1)));
        w.Add(w.Matrix(ClassDouble, [1, 1], "b", 0, w.Doubles(0)));
        string path = temp.File("two.mat");
        File.WriteAllBytes(path, w.ToArray());

        var e = Assert.Throws<PhantomException>(() => MrzeroMatLoader.Load(path));

        Assert.StartsWith($"{path}: maps: expected one numeric array", e.Message);
    }

    [Theory]
    [InlineData(new[] { 2, 1, 4 }, new double[] { 1, 1, 1, 1, 0.1, 0.1, 0, 0 }, "a: has size 2×1×4")]
    [InlineData(new[] { 1, 1, 5 }, new double[] { 1, double.NaN, 0.1, 0, 1 }, "T1: value 0 is NaN")]
    [InlineData(new[] { 1, 1, 5 }, new double[] { 1, 0, 0.1, 0, 1 }, "T1: voxel (x=0, y=0) is 0")]
    [InlineData(new[] { 1, 1, 5 }, new double[] { 1, 1, -0.1, 0, 1 }, "T2: voxel (x=0, y=0) is -0.1")]
    public void Load_BadMaps_ThrowsNamingField(int[] dims, double[] values, string expected)
    {
        using var temp = new TempFolder();
        var w = new MatTestFiles();
        w.Add(w.Matrix(ClassDouble, dims, "a", 0, w.Doubles(values)));
        string path = temp.File("bad.mat");
        File.WriteAllBytes(path, w.ToArray());

        var e = Assert.Throws<PhantomException>(() => MrzeroMatLoader.Load(path));

        Assert.StartsWith($"{path}: {expected}", e.Message);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsPhantomExceptionNamingVariable()
    {
        using var temp = new TempFolder();
        byte[] bytes = File.ReadAllBytes(BrainMat);
        string path = temp.File("cut.mat");
        File.WriteAllBytes(path, bytes[..5000]);

        var e = Assert.Throws<PhantomException>(() => MrzeroMatLoader.Load(path));

        Assert.StartsWith($"{path}: MAT file: variable 'cropped_brain': truncated", e.Message);
    }
}
