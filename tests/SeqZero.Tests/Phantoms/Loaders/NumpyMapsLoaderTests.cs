using System.IO.Compression;
using SeqZero.IO;
using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Tests.IO;

namespace SeqZero.Tests.Phantoms.Loaders;

public class NumpyMapsLoaderTests
{
    // the exported maps are float32; our resampling of the MAT file runs in double
    private const double Float32Tolerance = 2e-6;

    internal static string PhantomN32 => SharedData.File("reference", "mrzero-core", "phantom_N32");

    /// <summary>A 2×3 ([x, y]) map set: PD[x, y] = 1 + x + 10·y, so the transposition is visible.</summary>
    private static (string Name, byte[] Npy)[] SmallMaps(params (string Name, byte[] Npy)[] replace)
    {
        double[] pd = new double[6], t1 = new double[6], t2 = new double[6];
        for (int x = 0; x < 2; x++)
        for (int y = 0; y < 3; y++)
        {
            pd[x * 3 + y] = 1 + x + 10 * y;
            t1[x * 3 + y] = 1;
            t2[x * 3 + y] = 0.1;
        }
        var maps = new List<(string, byte[])>
        {
            ("PD", NpyTestFiles.Build("<f8", false, "(2, 3)", NpyTestFiles.Doubles(pd))),
            ("T1", NpyTestFiles.Build("<f8", false, "(2, 3)", NpyTestFiles.Doubles(t1))),
            ("T2", NpyTestFiles.Build("<f8", false, "(2, 3)", NpyTestFiles.Doubles(t2))),
        };
        foreach ((string name, byte[] npy) in replace)
        {
            maps.RemoveAll(m => m.Item1 == name);
            if (npy.Length > 0) maps.Add((name, npy));
        }
        return [.. maps];
    }

    private static string WriteNpz(TempFolder temp, (string Name, byte[] Npy)[] maps)
    {
        string path = temp.File("maps.npz");
        NpzReaderTests.WriteNpz(path, CompressionLevel.Optimal, maps.Select(m => (m.Name + ".npy", m.Npy)).ToArray());
        return path;
    }

    [Fact]
    public void Load_MrzeroPhantomN32Folder_MatchesResampledMatPhantom()
    {
        VoxelPhantom fromNpy = NumpyMapsLoader.Load(PhantomN32);
        VoxelPhantom fromMat = PhantomResampler.Resample(MrzeroMatLoader.Load(MrzeroMatLoaderTests.BrainMat), 32);

        Assert.Equal((32, 32), (fromNpy.SizeX, fromNpy.SizeY));
        Assert.Equal(0.2 / 32, fromNpy.VoxelSizeXMeters, 9); // phantom.json size_m (float32 0.2)
        Assert.Equal(8e-3, fromNpy.SliceThicknessMeters, 9);
        for (int i = 0; i < fromNpy.VoxelCount; i++)
        {
            Assert.Equal(fromMat.ProtonDensity[i], fromNpy.ProtonDensity[i], Float32Tolerance);
            Assert.Equal(fromMat.T1Seconds[i], fromNpy.T1Seconds[i], Float32Tolerance * 5);
            Assert.Equal(fromMat.B0Hertz[i], fromNpy.B0Hertz[i], Float32Tolerance * 50);
            Assert.Equal(1e-9, fromNpy.DiffusionSquareMetersPerSecond[i], 15); // D.npy holds 1.0 in MRzero's 10⁻³ mm²/s
        }
        Assert.Equal(1, fromNpy.CoilCount);
    }

    [Fact]
    public void Load_NpzMaps_TransposesXYToRowMajorAndFillsDefaults()
    {
        using var temp = new TempFolder();
        string path = WriteNpz(temp, SmallMaps());

        VoxelPhantom p = NumpyMapsLoader.Load(path);

        Assert.Equal((2, 3), (p.SizeX, p.SizeY));
        Assert.Equal(1 + 1 + 10 * 2, p.ProtonDensity[p.Index(1, 2)]);
        Assert.Equal(0.03, p.T2PrimeSeconds[0]);
        Assert.Equal(0.2 / 2, p.VoxelSizeXMeters, 15);
    }

    [Fact]
    public void Load_CoilSensitivities_ReadsCoilAxisFirst()
    {
        using var temp = new TempFolder();
        // two coils, complex128, shape (2, 2, 3): coil c, [x, y] → c + i·(x + 10·y)
        var bytes = new List<byte>();
        for (int c = 0; c < 2; c++)
        for (int x = 0; x < 2; x++)
        for (int y = 0; y < 3; y++)
            bytes.AddRange(NpyTestFiles.Doubles(c, x + 10 * y));
        string path = WriteNpz(temp, SmallMaps(("coil_sens", NpyTestFiles.Build("<c16", false, "(2, 2, 3)", [.. bytes]))));

        VoxelPhantom p = NumpyMapsLoader.Load(path);

        Assert.Equal(2, p.CoilCount);
        Assert.Equal(new System.Numerics.Complex(1, 21), p.CoilSensitivities[1][p.Index(1, 2)]);
    }

    [Theory]
    [InlineData("T1", "", "T1: map is missing")]
    [InlineData("T2", "(3, 2)", "T2: is 3×2, PD is 2×3.")]
    [InlineData("T1", "nan", "T1: value 4 is NaN")]
    [InlineData("T1", "zero", "T1: voxel (x=1, y=1) is 0; must be a positive number of seconds.")]
    [InlineData("B1", "(3, 2, 3)", "B1: has 3 transmit channels; one is supported.")]
    public void Load_BadMap_ThrowsNamingField(string name, string problem, string expected)
    {
        using var temp = new TempFolder();
        double[] values = [1, 1, 1, 1, 1, 1];
        if (problem == "nan") values[4] = double.NaN;
        if (problem == "zero") values[4] = 0;
        byte[] npy = problem switch
        {
            "" => [],
            "(3, 2)" => NpyTestFiles.Build("<f8", false, problem, NpyTestFiles.Doubles(values)),
            "(3, 2, 3)" => NpyTestFiles.Build("<f8", false, problem, NpyTestFiles.Doubles([.. values, .. values, .. values])),
            _ => NpyTestFiles.Build("<f8", false, "(2, 3)", NpyTestFiles.Doubles(values)),
        };
        string path = WriteNpz(temp, SmallMaps((name, npy)));

        var e = Assert.Throws<PhantomException>(() => NumpyMapsLoader.Load(path));

        Assert.StartsWith($"{path}: {expected}", e.Message);
    }

    [Fact]
    public void Load_TruncatedNpyInFolder_ThrowsNamingFileAndMap()
    {
        using var temp = new TempFolder();
        foreach ((string name, byte[] npy) in SmallMaps()) File.WriteAllBytes(temp.File(name + ".npy"), npy);
        byte[] t2 = File.ReadAllBytes(temp.File("T2.npy"));
        File.WriteAllBytes(temp.File("T2.npy"), t2[..^8]);

        var e = Assert.Throws<PhantomException>(() => NumpyMapsLoader.Load(temp.Path));

        Assert.StartsWith($"{temp.File("T2.npy")}: T2: truncated", e.Message);
    }
}
