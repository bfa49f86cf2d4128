using PureHDF;
using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Tests.IO;

namespace SeqZero.Tests.Phantoms.Loaders;

public class JemrisSampleLoaderTests
{
    internal static string KomaBrain => SharedData.File("phantoms", "koma_brain.h5");

    /// <summary>Writes a JEMRIS sample with the given [Y, X, 5] data, 1 mm resolution and the given offset.</summary>
    internal static string WriteSample(TempFolder temp, double[,,] data, double[,]? resolution = null, double[,]? offset = null)
    {
        string path = temp.File("sample.h5");
        var sample = new H5Group { ["data"] = data, ["offset"] = offset ?? new double[3, 1] };
        if (resolution is not null) sample["resolution"] = resolution;
        new H5File { ["sample"] = sample }.Write(path);
        return path;
    }

    private static readonly double[,] OneMillimeter = { { 1 }, { 1 }, { 1 } };

    [Fact]
    public void LoadSpins_KomaBrain_MatchesKomaReadPhantomJemris()
    {
        SpinPhantom spins = JemrisSampleLoader.LoadSpins(KomaBrain);

        // KomaMRI's read_phantom_jemris docstring on this file: 25841 spins, first at x = −8.5 mm, y = −98.5 mm,
        // ρ = 1, T1 = 2.569 s, T2 = 0.329 s, T2s = Inf, Δw = 0
        Assert.Equal(25841, spins.Count);
        Assert.Equal(-0.0085, spins.XMeters[0], 12);
        Assert.Equal(-0.0985, spins.YMeters[0], 12);
        Assert.Equal(0.0, spins.ZMeters[0]);
        Assert.Equal(1.0, spins.ProtonDensity[0]);
        Assert.Equal(2.569, spins.T1Seconds[0], 9);
        Assert.Equal(0.329, spins.T2Seconds[0], 9);
        Assert.Equal(double.PositiveInfinity, spins.T2PrimeSeconds[0]);
        Assert.Equal(0.0, spins.B0Hertz[0]);
    }

    [Fact]
    public void LoadVoxels_KomaBrain_Is180x216GridAtOneMillimetre()
    {
        VoxelPhantom p = JemrisSampleLoader.LoadVoxels(KomaBrain);

        Assert.Equal((180, 216), (p.SizeX, p.SizeY));
        Assert.Equal(1e-3, p.VoxelSizeXMeters, 15);
        Assert.Equal(1e-3, p.SliceThicknessMeters, 15);
        Assert.Equal(1.0, p.ProtonDensity[p.Index(81, 9)]); // the first spin: voxel (81, 9), decoded from the raw dataset
        Assert.Equal(0.0, p.ProtonDensity[p.Index(80, 9)]);
        Assert.Equal(2.569, p.T1Seconds[p.Index(81, 9)], 9);
        Assert.Equal(25841, p.ProtonDensity.Count(v => v != 0));
    }

    [Fact]
    public void LoadSpins_SyntheticSample_ConvertsRatesOffsetAndFrequency()
    {
        using var temp = new TempFolder();
        var data = new double[1, 2, 5];
        // M0, R1 [1/ms], R2 [1/ms], R2* [1/ms], Δω [rad/s]
        double[] voxel = [0.8, 1.0, 10.0, 12.5, 2 * Math.PI * 50];
        for (int c = 0; c < 5; c++) data[0, 1, c] = voxel[c];
        string path = WriteSample(temp, data, new double[,] { { 2 }, { 3 }, { 4 } }, new double[,] { { 10 }, { -5 }, { 1 } });

        SpinPhantom s = JemrisSampleLoader.LoadSpins(path);

        Assert.Equal(1, s.Count);
        Assert.Equal((1 - 0.5) * 2e-3 + 10e-3, s.XMeters[0], 15); // x index 1 of 2: (1 − ½)·2 mm + 10 mm
        Assert.Equal(-5e-3, s.YMeters[0], 15);
        Assert.Equal(1e-3, s.ZMeters[0], 15);
        Assert.Equal(1e-3, s.T1Seconds[0], 15);
        Assert.Equal(1e-4, s.T2Seconds[0], 15);
        Assert.Equal(1e-3 / 2.5, s.T2PrimeSeconds[0], 15);
        Assert.Equal(50, s.B0Hertz[0], 12);
    }

    [Theory]
    [InlineData(new double[] { 1, 0, 10, 0, 0 }, "R1: voxel (x=0, y=0) has M0 = 1 but R1 = 0")]
    [InlineData(new double[] { 1, 1, -1, 0, 0 }, "R2: voxel (x=0, y=0)")]
    [InlineData(new double[] { 1, 1, 10, 5, 0 }, "R2*: voxel (x=0, y=0): R2* = 5 1/ms is below R2")]
    [InlineData(new double[] { 1, 1, 10, double.NaN, 0 }, "R2*: voxel (x=0, y=0, z=0) is NaN; every entry of /sample/data must be finite.")]
    public void LoadSpins_BadVoxel_ThrowsNamingField(double[] voxel, string expected)
    {
        using var temp = new TempFolder();
        var data = new double[1, 1, 5];
        for (int c = 0; c < 5; c++) data[0, 0, c] = voxel[c];
        string path = WriteSample(temp, data, OneMillimeter);

        var e = Assert.Throws<PhantomException>(() => JemrisSampleLoader.LoadSpins(path));

        Assert.StartsWith($"{path}: {expected}", e.Message);
    }

    [Fact]
    public void LoadSpins_MissingResolution_ThrowsNamingDataset()
    {
        using var temp = new TempFolder();
        string path = WriteSample(temp, new double[1, 1, 5]);

        var e = Assert.Throws<PhantomException>(() => JemrisSampleLoader.LoadSpins(path));

        Assert.Equal($"{path}: /sample/resolution: is missing from the file.", e.Message);
    }

    [Fact]
    public void LoadSpins_FourChannels_ThrowsNamingShape()
    {
        using var temp = new TempFolder();
        string path = temp.File("four.h5");
        new H5File { ["sample"] = new H5Group { ["data"] = new double[2, 2, 4] } }.Write(path);

        var e = Assert.Throws<PhantomException>(() => JemrisSampleLoader.LoadSpins(path));

        Assert.StartsWith($"{path}: /sample/data: has size 2×2×4", e.Message);
    }

    [Fact]
    public void LoadVoxels_TwoSlices_Throws()
    {
        using var temp = new TempFolder();
        string path = temp.File("3d.h5");
        new H5File { ["sample"] = new H5Group { ["data"] = new double[2, 1, 1, 5], ["resolution"] = OneMillimeter, ["offset"] = new double[3, 1] } }.Write(path);

        var e = Assert.Throws<PhantomException>(() => JemrisSampleLoader.LoadVoxels(path));

        Assert.StartsWith($"{path}: /sample/data: has 2 slices", e.Message);
    }

    [Fact]
    public void LoadSpins_NotHdf5_ThrowsNamingFile()
    {
        var e = Assert.Throws<PhantomException>(() => JemrisSampleLoader.LoadSpins(MrzeroMatLoaderTests.BrainMat));

        Assert.StartsWith($"{MrzeroMatLoaderTests.BrainMat}: HDF5 file: cannot be opened", e.Message);
    }
}
