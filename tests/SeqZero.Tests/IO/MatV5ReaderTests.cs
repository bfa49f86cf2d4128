using SeqZero.IO;

namespace SeqZero.Tests.IO;

public class MatV5ReaderTests
{
    private const int ClassCell = 1, ClassStruct = 2, ClassChar = 4, ClassSparse = 5, ClassDouble = 6, ClassSingle = 7, ClassInt16 = 10;
    private const uint Complex = 0x800, Logical = 0x200;

    private static string BrainMat => SharedData.File("phantoms", "mrzero_numerical_brain_cropped.mat");

    [Fact]
    public void Read_MrzeroBrain_ReturnsCompressedSingle141x161x5()
    {
        MatFile file = MatV5Reader.Read(BrainMat);

        MatArray brain = Assert.Single(file.Variables);
        Assert.Equal("cropped_brain", brain.Name);
        Assert.Equal(MatClass.Single, brain.Class);
        Assert.Equal([141, 161, 5], brain.Dimensions);
        Assert.StartsWith("MATLAB 5.0 MAT-file", file.Description);
        // values decoded independently with python3 (zlib + struct) from the same file: voxel (70, 80) of channels 0 and 3
        int voxel = 70 + 141 * 80, channel = 141 * 161;
        Assert.Equal(0.8834566473960876, brain.Real[voxel]);
        Assert.Equal(-10.35158634185791, brain.Real[3 * channel + voxel]);
        Assert.Equal(-45.596351623535156, brain.GetPageColumnMajor(3).Min());
        Assert.Equal(4.410301685333252, brain.GetPageColumnMajor(1).Max());
    }

    [Fact]
    public void Read_KomaFidSequence_DecodesCellOfStructs()
    {
        MatFile file = MatV5Reader.Read(SharedData.File("seq", "koma-read-comparison", "v1.5", "fid.mat"));

        MatArray sequence = file.Get("sequence");
        Assert.Equal(MatClass.Cell, sequence.Class);
        Assert.Equal([1, 32], sequence.Dimensions);
        MatArray rf = sequence.Cells[0].Field("rf");
        Assert.Equal([4, 1], rf.Field("t").Dimensions);
        Assert.Equal([1e-4, 1e-4, 4e-4, 4e-4], rf.Field("t").Real, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(1.9572159254333128e-05, rf.Field("A").Real[1]);
        Assert.Equal([0.0, 0, 0, 0], sequence.Cells[0].Field("df").Field("A").Real); // double class stored as miUINT8
        Assert.Equal(0, sequence.Cells[0].Field("gx").Field("t").ElementCount);
    }

    [Fact]
    public void Read_KomaGammaStarFid_DecodesComplexRf()
    {
        MatFile file = MatV5Reader.Read(SharedData.File("seq", "koma-read-comparison", "v1.4", "fid-gammaSTAR.mat"));

        MatArray a = file.Get("sequence").Cells[0].Field("rf").Field("A");
        Assert.True(a.IsComplex);
        Assert.Equal([25, 1], a.Dimensions);
        Assert.Equal(6.396084421877271e-12, a.Real[1]);
        Assert.Equal(1.9572167404182457e-05, a.Imaginary![1]);
    }

    public static TheoryData<string> KomaComparisonFiles()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.EnumerateFiles(SharedData.File("seq", "koma-read-comparison"), "*.mat", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(SharedData.Root, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(KomaComparisonFiles))]
    public void Read_KomaComparisonFile_HoldsSequenceCell(string relativePath)
    {
        MatFile file = MatV5Reader.Read(Path.Combine(SharedData.Root, relativePath));

        Assert.Equal(MatClass.Cell, file.Get("sequence").Class);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Read_SyntheticFile_DecodesEveryClassInEitherEndianAndCompression(bool bigEndian, bool compress)
    {
        var w = new MatTestFiles(bigEndian, compress);
        w.Add(w.Matrix(ClassDouble, [2, 3], "z", Complex, w.Doubles(1, 2, 3, 4, 5, 6), w.Doubles(-1, -2, -3, -4, -5, -6)));
        w.Add(w.Matrix(ClassInt16, [1, 2], "small", 0, w.Small(MatTestFiles.MiInt16, [.. w.U16(65535), .. w.U16(7)])));
        w.Add(w.Matrix(ClassSingle, [2, 1, 2], "cube", 0, w.Singles(0.5f, 1.5f, 2.5f, 3.5f)));
        w.Add(w.Matrix(ClassChar, [1, 5], "word", 0, w.Element(MatTestFiles.MiUInt16, "hello".SelectMany(c => w.U16(c)).ToArray())));
        w.Add(w.Matrix(9, [1, 3], "mask", Logical, w.Element(MatTestFiles.MiUInt8, [1, 0, 1])));
        w.Add(w.Matrix(ClassCell, [1, 2], "cells", 0, w.Element(MatTestFiles.MiMatrix, []),
            w.Element(MatTestFiles.MiMatrix, w.Matrix(ClassDouble, [1, 1], "", 0, w.Doubles(42)))));
        w.Add(w.Matrix(ClassStruct, [1, 2], "s", 0, w.Small(MatTestFiles.MiInt32, w.U32(8)),
            w.Element(MatTestFiles.MiInt8, [.. "a\0\0\0\0\0\0\0"u8, .. "bb\0\0\0\0\0\0"u8]),
            w.Element(MatTestFiles.MiMatrix, w.Matrix(ClassDouble, [1, 1], "", 0, w.Doubles(1))),
            w.Element(MatTestFiles.MiMatrix, w.Matrix(ClassDouble, [1, 1], "", 0, w.Doubles(2))),
            w.Element(MatTestFiles.MiMatrix, w.Matrix(ClassDouble, [1, 1], "", 0, w.Doubles(3))),
            w.Element(MatTestFiles.MiMatrix, w.Matrix(ClassChar, [1, 2], "", 0, w.Element(MatTestFiles.MiUInt16, [.. w.U16('o'), .. w.U16('k')])))));

        MatFile file = MatV5Reader.Read(w.ToArray(), "synthetic.mat");

        MatArray z = file.Get("z");
        Assert.Equal([1.0, 2, 3, 4, 5, 6], z.Real);
        Assert.Equal([-1.0, -2, -3, -4, -5, -6], z.Imaginary!);
        Assert.Equal([-1.0, 7], file.Get("small").Real);
        Assert.Equal([2, 1, 2], file.Get("cube").Dimensions);
        Assert.Equal([2.5, 3.5], file.Get("cube").GetPageColumnMajor(1));
        Assert.Equal("hello", file.Get("word").Text);
        Assert.True(file.Get("mask").IsLogical);
        Assert.Equal([1.0, 0, 1], file.Get("mask").Real);
        Assert.Equal(0, file.Get("cells").Cells[0].ElementCount);
        Assert.Equal([42.0], file.Get("cells").Cells[1].Real);
        MatArray s = file.Get("s");
        Assert.Equal(["a", "bb"], s.FieldNames);
        Assert.Equal([3.0], s.Field("a", element: 1).Real);
        Assert.Equal("ok", s.Field("bb", element: 1).Text);
    }

    [Fact]
    public void GetPageRowMajor_TwoByThree_ReadsMatrixLineByLine()
    {
        var w = new MatTestFiles();
        // MATLAB [1 2 3; 4 5 6] is stored column by column: 1 4 2 5 3 6
        w.Add(w.Matrix(ClassDouble, [2, 3], "m", 0, w.Doubles(1, 4, 2, 5, 3, 6)));

        MatArray m = MatV5Reader.Read(w.ToArray(), "m.mat").Get("m");

        Assert.Equal([1.0, 2, 3, 4, 5, 6], m.GetPageRowMajor());
        Assert.Equal((2, 3, 1), m.PageShape);
    }

    [Fact]
    public void Read_SparseArray_ThrowsNamingVariable()
    {
        var w = new MatTestFiles();
        w.Add(w.Matrix(ClassSparse, [2, 2], "sp", 0, w.Element(MatTestFiles.MiInt32, w.U32(0))));

        var e = Assert.Throws<InvalidDataException>(() => MatV5Reader.Read(w.ToArray(), "sp.mat"));

        Assert.Equal("sp.mat: variable 'sp': sparse arrays are not supported; store the matrix as full (MATLAB: full(x)).", e.Message);
    }

    [Fact]
    public void Read_TruncatedCompressedFile_ThrowsNamingFileAndVariable()
    {
        using var temp = new TempFolder();
        byte[] bytes = File.ReadAllBytes(BrainMat);
        string path = temp.File("cut.mat");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => MatV5Reader.Read(path));

        Assert.StartsWith($"{path}: variable 'cropped_brain': truncated", e.Message);
    }

    [Fact]
    public void Read_TruncatedUncompressedFile_ThrowsNamingVariable()
    {
        var w = new MatTestFiles();
        w.Add(w.Matrix(ClassDouble, [1, 4], "x", 0, w.Doubles(1, 2, 3, 4)));
        byte[] bytes = w.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => MatV5Reader.Read(bytes.AsSpan(0, bytes.Length - 8), "x.mat"));

        Assert.StartsWith("x.mat: variable 'x': truncated", e.Message);
    }

    [Fact]
    public void Read_DimensionsBeyondData_ThrowsBeforeAllocating()
    {
        var w = new MatTestFiles();
        byte[] hugeFile = w.Add(w.Matrix(ClassDouble, [100_000, 100_000], "huge", 0, w.Doubles(1))).ToArray();
        var v = new MatTestFiles();
        byte[] shortFile = v.Add(v.Matrix(ClassDouble, [1000, 1000], "short", 0, v.Doubles(1))).ToArray();

        var huge = Assert.Throws<InvalidDataException>(() => MatV5Reader.Read(hugeFile, "h.mat"));
        var shortData = Assert.Throws<InvalidDataException>(() => MatV5Reader.Read(shortFile, "s.mat"));

        Assert.Contains("variable 'huge': dimensions", huge.Message);
        Assert.Equal("s.mat: variable 'short': real part: holds 1 values, the dimensions need 1000000.", shortData.Message);
    }

    [Fact]
    public void Read_CompressedElementClaimingHugeSize_Throws()
    {
        var w = new MatTestFiles();
        var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            z.Write(w.Tag(MatTestFiles.MiMatrix, int.MaxValue));
        byte[] data = compressed.ToArray();
        byte[] file = [.. w.ToArray(), .. w.Tag(MatTestFiles.MiCompressed, data.Length), .. data];

        var e = Assert.Throws<InvalidDataException>(() => MatV5Reader.Read(file, "bomb.mat"));

        Assert.Contains($"claims to hold {int.MaxValue} bytes", e.Message);
    }

    [Theory]
    [InlineData("short.mat", 20, "header: 20 bytes")]
    [InlineData("v4.mat", 200, "no endian indicator")]
    public void Read_NotMatV5_ThrowsHeaderError(string name, int length, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => MatV5Reader.Read(new byte[length], name));

        Assert.StartsWith($"{name}: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Get_MissingVariable_ThrowsListingVariables()
    {
        var e = Assert.Throws<InvalidDataException>(() => MatV5Reader.Read(BrainMat).Get("PD"));

        Assert.Equal($"{BrainMat}: variable 'PD': not in the file; it holds cropped_brain.", e.Message);
    }
}
