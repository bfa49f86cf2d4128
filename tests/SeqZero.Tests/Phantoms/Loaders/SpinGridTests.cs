using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;

namespace SeqZero.Tests.Phantoms.Loaders;

public class SpinGridTests
{
    [Fact]
    public void ToVoxelPhantom_KomaSphere_Is99x99GridAtOneMillimetre()
    {
        SpinPhantom spins = KomaPhantomLoader.Load(KomaPhantomLoaderTests.KomaSphere);

        VoxelPhantom p = SpinGrid.ToVoxelPhantom(spins);

        // x and y run from −49.5 mm to 48.5 mm in 1 mm steps (99 distinct values each)
        Assert.Equal((99, 99), (p.SizeX, p.SizeY));
        Assert.Equal(1e-3, p.VoxelSizeXMeters, 12);
        Assert.Equal(7825, p.ProtonDensity.Count(v => v != 0));
        int first = p.Index((int)Math.Round((-0.0095 + 0.0495) / 1e-3), 0);
        Assert.Equal(spins.T1Seconds[0], p.T1Seconds[first]);
    }

    [Fact]
    public void ToVoxelPhantom_OffGridSpin_ThrowsNamingAxis()
    {
        var spins = new SpinPhantom(3, "spins.h5");
        double[] x = [0, 1e-3, 2.5e-3];
        for (int i = 0; i < 3; i++) { spins.XMeters[i] = x[i]; spins.ProtonDensity[i] = 1; spins.T1Seconds[i] = 1; spins.T2Seconds[i] = 0.1; spins.T2PrimeSeconds[i] = double.PositiveInfinity; }

        var e = Assert.Throws<PhantomException>(() => SpinGrid.ToVoxelPhantom(spins));

        Assert.StartsWith("spins.h5: x: position 0.0025 m is not on the regular grid", e.Message);
    }

    [Fact]
    public void ToVoxelPhantom_TwoPlanes_Throws()
    {
        var spins = new SpinPhantom(2, "spins.h5");
        spins.ZMeters[1] = 1e-3;

        var e = Assert.Throws<PhantomException>(() => SpinGrid.ToVoxelPhantom(spins));

        Assert.StartsWith("spins.h5: z: spins lie in more than one plane", e.Message);
    }
}
