using System.Numerics;
using SeqZero.IO;

namespace SeqZero.Tests.IO;

public class NpyReaderTests
{
    private static string Reference(string name) => SharedData.File("reference", "mrzero-core", "phantom_N32", name);

    [Fact]
    public void Read_MrzeroPd_ReturnsFloat32Map32x32()
    {
        NpyArray pd = NpyReader.Read(Reference("PD.npy"));

        Assert.Equal("<f4", pd.Descriptor);
        Assert.Equal([32, 32], pd.Shape);
        Assert.False(pd.IsComplex);
        // decoded independently with python3 struct.unpack('<1024f') from the same file
        Assert.Equal(0.9969838857650757, pd.Real[16 * 32 + 10]);
        Assert.Equal(0.7106420993804932, pd.Real[5 * 32 + 20]);
        Assert.Equal(487.6267521758564, pd.Real.Sum(), 9);
    }

    [Fact]
    public void Read_MrzeroB1_ReturnsComplex64WithCoilAxis()
    {
        NpyArray b1 = NpyReader.Read(Reference("B1.npy"));

        Assert.Equal([1, 32, 32], b1.Shape);
        Assert.Equal(1.0738945007324219, b1.Real[16 * 32 + 10]);
        Assert.Equal(0.0, b1.Imaginary![16 * 32 + 10]);
    }

    [Fact]
    public void Read_MrzeroMask_ReturnsBoolAsZeroOne()
    {
        NpyArray mask = NpyReader.Read(Reference("mask.npy"));

        Assert.Equal("|b1", mask.Descriptor);
        Assert.Equal(644, mask.Real.Sum()); // phantom.json: voxel_count 644
    }

    [Fact]
    public void Read_NpyWriterOutput_RoundTripsEveryWrittenType()
    {
        using var temp = new TempFolder();
        double[] values = [1.5, -2.25, 3e-9, 4e10, 0, double.Epsilon];
        Complex[] complex = [new(1, -1), new(0.5, 2), new(-3, 0.25)];
        NpyWriter.WriteFloat64(temp.File("f8.npy"), values, 2, 3);
        NpyWriter.WriteComplex128(temp.File("c16.npy"), complex, 3);
        NpyWriter.WriteComplex64(temp.File("c8.npy"), complex, 1, 3);

        NpyArray f8 = NpyReader.Read(temp.File("f8.npy")), c16 = NpyReader.Read(temp.File("c16.npy")), c8 = NpyReader.Read(temp.File("c8.npy"));

        Assert.Equal(values, f8.Real);
        Assert.Equal([2, 3], f8.Shape);
        Assert.Equal(complex.Select(c => c.Real), c16.Real);
        Assert.Equal(complex.Select(c => c.Imaginary), c16.Imaginary!);
        Assert.Equal([1, 3], c8.Shape);
        Assert.Equal(complex.Select(c => c.Imaginary), c8.Imaginary!); // all exactly representable in float32
    }

    [Fact]
    public void Read_FortranOrder_ReturnsCOrder()
    {
        // the 2×3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column
        byte[] file = NpyTestFiles.Build("<f8", fortranOrder: true, "(2, 3)", NpyTestFiles.Doubles(1, 4, 2, 5, 3, 6));

        NpyArray a = NpyReader.Read(new MemoryStream(file), "f.npy");

        Assert.Equal([1.0, 2, 3, 4, 5, 6], a.Real);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_HeaderVersion_ParsesShapeAndData(int major)
    {
        byte[] file = NpyTestFiles.Build("<f8", false, "(2,)", NpyTestFiles.Doubles(7, 8), major);

        NpyArray a = NpyReader.Read(new MemoryStream(file), "v.npy");

        Assert.Equal([2], a.Shape);
        Assert.Equal([7.0, 8], a.Real);
    }

    [Theory]
    [InlineData(">f8", new byte[] { 0x3F, 0xF8, 0, 0, 0, 0, 0, 0 }, 1.5)]
    [InlineData("<f4", new byte[] { 0, 0, 0xC0, 0x3F }, 1.5)]
    [InlineData("<i2", new byte[] { 0xFE, 0xFF }, -2)]
    [InlineData(">i4", new byte[] { 0xFF, 0xFF, 0xFF, 0xFD }, -3)]
    [InlineData("<u8", new byte[] { 9, 0, 0, 0, 0, 0, 0, 0 }, 9)]
    [InlineData("|u1", new byte[] { 200 }, 200)]
    [InlineData("|i1", new byte[] { 0x80 }, -128)]
    [InlineData("<f2", new byte[] { 0x00, 0x3E }, 1.5)]
    public void Read_ScalarType_DecodesValue(string descriptor, byte[] data, double expected)
    {
        NpyArray a = NpyReader.Read(new MemoryStream(NpyTestFiles.Build(descriptor, false, "()", data)), "s.npy");

        Assert.Empty(a.Shape);
        Assert.Equal([expected], a.Real);
    }

    [Fact]
    public void Read_TruncatedData_ThrowsNamingFile()
    {
        using var temp = new TempFolder();
        byte[] file = NpyTestFiles.Build("<f8", false, "(4,)", NpyTestFiles.Doubles(1, 2));
        File.WriteAllBytes(temp.File("t.npy"), file);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(temp.File("t.npy")));

        Assert.StartsWith($"{temp.File("t.npy")}: truncated", e.Message);
    }

    [Theory]
    [InlineData("<f8", "(100000, 100000, 1000)", "exceeds the largest array")]
    [InlineData("<U5", "(2,)", "data type '<U5' is not supported")]
    [InlineData("<f8", "(-1,)", "is not a non-negative integer")]
    public void Read_BadHeader_Throws(string descriptor, string shape, string expected)
    {
        byte[] file = NpyTestFiles.Build(descriptor, false, shape, []);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(new MemoryStream(file), "bad.npy"));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Read_NotNpy_ThrowsMagicError()
    {
        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(new MemoryStream("PK\u0003\u0004 not numpy"u8.ToArray()), "x.npy"));

        Assert.Equal("x.npy: not a NumPy .npy file (no \\x93NUMPY magic).", e.Message);
    }
}
