using PureHDF;
using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Tests.IO;

namespace SeqZero.Tests.Phantoms.Loaders;

public class KomaPhantomLoaderTests
{
    internal static string KomaSphere => SharedData.File("phantoms", "koma_phantom_sphere.h5");

    private static H5File TwoSpins() => new()
    {
        ["x"] = new[] { 0.0, 1e-3 },
        ["y"] = new[] { 0.0, 0.0 },
        ["ρ"] = new[] { 1.0, 0.5 },
        ["T1"] = new[] { 1.0, 0.8 },
        ["T2"] = new[] { 0.1, 0.05 },
    };

    [Fact]
    public void Load_KomaSphere_ConvertsUnitsOnce()
    {
        SpinPhantom s = KomaPhantomLoader.Load(KomaSphere);

        // values read independently from the file with PureHDF: 7825 spins, x[0] = −9.5 mm, y[0] = −49.5 mm, T1, T2 ∈ {0.05, 0.1} s,
        // T2s = Inf everywhere, Δw ∈ {0, 200} rad/s
        Assert.Equal(7825, s.Count);
        Assert.Equal(-0.0095, s.XMeters[0], 15);
        Assert.Equal(-0.0495, s.YMeters[0], 15);
        Assert.Equal(0.1, s.T1Seconds[0]);
        Assert.All(s.T2PrimeSeconds, v => Assert.Equal(double.PositiveInfinity, v));
        Assert.Equal(200 / (2 * Math.PI), s.B0Hertz.Max(), 12);
        Assert.Equal(0.0, s.B0Hertz.Min());
    }

    [Fact]
    public void Load_FiniteT2Star_GivesT2PrimeFromRateDifference()
    {
        using var temp = new TempFolder();
        string path = temp.File("t2s.h5");
        H5File file = TwoSpins();
        file["T2s"] = new[] { 0.05, 0.08 }; // spin 1: T2* ≥ T2 → no reversible dephasing
        file.Write(path);

        SpinPhantom s = KomaPhantomLoader.Load(path);

        Assert.Equal(1 / (1 / 0.05 - 1 / 0.1), s.T2PrimeSeconds[0], 12); // 0.1 s
        Assert.Equal(double.PositiveInfinity, s.T2PrimeSeconds[1]);
        Assert.Equal([0.0, 0.0], s.ZMeters);
    }

    [Theory]
    [InlineData("T1", null, "T1: is missing from the file.")]
    [InlineData("y", new[] { 0.0 }, "y: has 1 values, x has 2.")]
    [InlineData("T1", new[] { 1.0, -0.8 }, "T1: spin 1: -0.8 s must be a positive number of seconds.")]
    [InlineData("T2", new[] { 0.0, 0.05 }, "T2: spin 0: 0 s must be a positive number of seconds.")]
    [InlineData("ρ", new[] { double.NaN, 1.0 }, "ρ: value 0 is NaN; every entry must be a finite number.")]
    [InlineData("T2s", new[] { 0.0, 1.0 }, "T2s: spin 0: 0 s must be positive.")]
    public void Load_BadDataset_ThrowsNamingField(string name, double[]? values, string expected)
    {
        using var temp = new TempFolder();
        string path = temp.File("bad.h5");
        H5File file = TwoSpins();
        if (values is null) file.Remove(name);
        else file[name] = values;
        file.Write(path);

        var e = Assert.Throws<PhantomException>(() => KomaPhantomLoader.Load(path));

        Assert.Equal($"{path}: {expected}", e.Message);
    }
}
