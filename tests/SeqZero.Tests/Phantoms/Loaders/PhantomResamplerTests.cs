using SeqZero.IO;
using SeqZero.Phantoms;
using SeqZero.Phantoms.Loaders;
using SeqZero.Tests.IO;

namespace SeqZero.Tests.Phantoms.Loaders;

public class PhantomResamplerTests
{
    // MRzero-Core interpolates in float32: relative rounding ~6e-8 per operation, a handful of operations per value
    private const double Float32Tolerance = 2e-6;

    private static string Reference(string name) => SharedData.File("reference", "mrzero-core", "phantom_N32", name);

    [Theory]
    [InlineData("PD")]
    [InlineData("T1")]
    [InlineData("T2")]
    [InlineData("T2dash")]
    [InlineData("B0")]
    [InlineData("B1")]
    public void Resample_MrzeroBrainTo32_MatchesMrzeroReferenceMaps(string map)
    {
        VoxelPhantom p = PhantomResampler.Resample(MrzeroMatLoader.Load(MrzeroMatLoaderTests.BrainMat), 32);
        // the reference maps are indexed [x, y] (phantom.json), i.e. x·32 + y; SeqZero's are y·32 + x
        NpyArray reference = NpyReader.Read(Reference($"{map}.npy"));
        double[] ours = map switch
        {
            "PD" => p.ProtonDensity,
            "T1" => p.T1Seconds,
            "T2" => p.T2Seconds,
            "T2dash" => p.T2PrimeSeconds,
            "B0" => p.B0Hertz,
            _ => p.B1.Select(b => b.Real).ToArray(),
        };

        for (int x = 0; x < 32; x++)
        for (int y = 0; y < 32; y++)
        {
            double expected = reference.Real[x * 32 + y];
            Assert.True(Math.Abs(ours[p.Index(x, y)] - expected) <= Float32Tolerance * Math.Max(1, Math.Abs(expected)),
                $"{map} at (x={x}, y={y}): {ours[p.Index(x, y)]} vs MRzero {expected}");
        }
        Assert.Equal(0.2 / 32, p.VoxelSizeXMeters, 15);
    }

    [Fact]
    public void Resample_SameSize_ReturnsIdenticalMaps()
    {
        VoxelPhantom brain = BuiltInPhantoms.Brain(16);

        VoxelPhantom same = PhantomResampler.Resample(brain, 16);

        Assert.Equal(brain.ProtonDensity, same.ProtonDensity);
        Assert.Equal(brain.B1, same.B1);
        Assert.Equal(brain.FovXMeters, same.FovXMeters, 15);
    }

    [Fact]
    public void Resample_InfiniteT2PrimeNeighbour_StaysFiniteWhereWeightIsZero()
    {
        var p = new VoxelPhantom(2, 1, 0.01, 0.01, 0.005);
        p.T2PrimeSeconds[0] = double.PositiveInfinity;
        p.T2PrimeSeconds[1] = 0.05;

        VoxelPhantom up = PhantomResampler.Resample(p, 4);

        // row 0 of the 4×4 result samples source x = 0, 0.25, 0.75, 1.25 (clamped to 1): ∞, ∞, ∞, then exactly 0.05
        Assert.Equal(double.PositiveInfinity, up.T2PrimeSeconds[0]);
        Assert.Equal(0.05, up.T2PrimeSeconds[3]);
        Assert.DoesNotContain(up.T2PrimeSeconds, double.IsNaN);
    }
}
