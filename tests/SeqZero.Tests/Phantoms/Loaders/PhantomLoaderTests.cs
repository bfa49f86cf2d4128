using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Tests.IO;

namespace SeqZero.Tests.Phantoms.Loaders;

public class PhantomLoaderTests
{
    [Theory]
    [InlineData("builtin:brain", null, 64)]
    [InlineData("builtin:sphere", 16, 16)]
    public void Load_BuiltIn_BuildsAtRequestedMatrix(string spec, int? matrix, int expected)
    {
        VoxelPhantom p = PhantomLoader.Load(spec, matrix);

        Assert.Equal((expected, expected), (p.SizeX, p.SizeY));
    }

    [Fact]
    public void Load_MatWithMatrix_ResamplesToMatrix()
    {
        VoxelPhantom p = PhantomLoader.Load(MrzeroMatLoaderTests.BrainMat, 32);

        Assert.Equal((32, 32), (p.SizeX, p.SizeY));
        Assert.Equal(MrzeroMatLoaderTests.BrainMat, p.Source);
    }

    [Fact]
    public void Load_H5Files_DetectJemrisAndKoma()
    {
        VoxelPhantom jemris = PhantomLoader.Load(JemrisSampleLoaderTests.KomaBrain);
        VoxelPhantom koma = PhantomLoader.Load(KomaPhantomLoaderTests.KomaSphere);

        Assert.Equal((180, 216), (jemris.SizeX, jemris.SizeY));
        Assert.Equal((99, 99), (koma.SizeX, koma.SizeY));
    }

    [Fact]
    public void Load_NumpyFolder_ReadsMaps()
    {
        VoxelPhantom p = PhantomLoader.Load(NumpyMapsLoaderTests.PhantomN32);

        Assert.Equal((32, 32), (p.SizeX, p.SizeY));
    }

    [Fact]
    public void LoadSpins_H5Files_KeepPositions()
    {
        Assert.Equal(25841, PhantomLoader.LoadSpins(JemrisSampleLoaderTests.KomaBrain).Count);
        Assert.Equal(7825, PhantomLoader.LoadSpins(KomaPhantomLoaderTests.KomaSphere).Count);
    }

    [Fact]
    public void Load_UnknownExtension_ThrowsPhantomException()
    {
        using var temp = new TempFolder();
        string path = temp.File("phantom.nii");
        File.WriteAllText(path, "not a phantom");

        var e = Assert.Throws<PhantomException>(() => PhantomLoader.Load(path));

        Assert.Equal($"{path}: phantom: unknown file type; use .mat (MRzero), .h5 (JEMRIS/Koma), .npz or a folder of .npy maps.", e.Message);
    }

    [Theory]
    [InlineData("missing.mat", "missing.mat: phantom: no such file.")]
    [InlineData("nowhere", "nowhere: phantom: no such file or folder; use builtin:brain, builtin:sphere, a .mat, .h5, .npz file or a folder of .npy maps.")]
    [InlineData("builtin:heart", "builtin:heart: name: unknown built-in phantom; choose one of brain, sphere.")]
    public void Load_MissingOrUnknown_ThrowsOneSentence(string spec, string expected)
    {
        var e = Assert.Throws<PhantomException>(() => PhantomLoader.Load(spec));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Load_H5WithNeitherLayout_ThrowsNamingLayout()
    {
        using var temp = new TempFolder();
        string path = temp.File("other.h5");
        new PureHDF.H5File { ["signal"] = new[] { 1.0 } }.Write(path);

        var e = Assert.Throws<PhantomException>(() => PhantomLoader.Load(path));

        Assert.StartsWith($"{path}: HDF5 layout: neither", e.Message);
    }
}
