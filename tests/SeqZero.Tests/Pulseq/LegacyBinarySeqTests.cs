using System.Buffers.Binary;
using System.Text;
using SeqZero.Cli;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

/// <summary>Legacy binary Pulseq (MATLAB's writeBinary.m before the 1.5 layout): no such files exist in the shared data, so
/// <see cref="LegacyBinaryBytes"/> builds them from 1.2 text files, which they must decode exactly like; truncated,
/// corrupted and hostile files give "path@offset: detail" errors.</summary>
public class LegacyBinarySeqTests
{
    /// <summary>Byte mutations per fuzzed file.</summary>
    private const int MutationsPerFile = 120;

    /// <summary>Longest time one fuzz case may take [ms].</summary>
    private const int MaxCaseMilliseconds = 5_000;

    /// <summary>Block times after conversion to 1.5 agree to 1e-12 s: 1.5 counts block rasters where 1.2 sums seconds.</summary>
    private const double TimeToleranceSeconds = 1e-12;

    /// <summary>Bytes a refused hostile count may allocate: the error message and exception, far below one record per count.</summary>
    private const long MaxBytesAllocatedByRefusal = 1 << 20;

    /// <summary>A 1.2 file with every section the legacy layout has: an arbitrary gradient next to trapezoids, RF with
    /// frequency and phase offsets, [DELAYS], int and float definitions. Shapes hold binary fractions so that re-coding
    /// them is exact: RF 0.25…1…0.25 and constant phase, gradient 0 0.5 1 0.5 0.</summary>
    private const string AllSections12 = """
        [VERSION]
        major 1
        minor 2
        revision 0

        [DEFINITIONS]
        Name all_sections
        GradientRasterTime 1e-05
        FOV 0.2 0.2 0.005
        Num_Blocks 3

        [BLOCKS]
        1 1 1 0 0 0 0
        2 0 0 1 2 0 0
        3 2 0 0 0 3 1

        [RF]
        1 250 1 2 0 -1000 1.5

        [GRADIENTS]
        1 20000 3 0

        [TRAP]
        2 -40000 30 100 30 0
        3 50000 20 640 20 0

        [ADC]
        1 64 10000 20 0 0.5

        [DELAYS]
        1 100
        2 2000

        [SHAPES]
        shape_id 1
        num_samples 8
        0.25
        0.25
        2
        0
        -0.25
        -0.25
        1

        shape_id 2
        num_samples 8
        0.5
        0
        0
        5

        shape_id 3
        num_samples 5
        0
        0.5
        0.5
        0
        -0.5
        -0.5
        0
        """;

    private static PulseqFile ReadBytes(byte[] bytes, string name) => PulseqReader.Read(new MemoryStream(bytes), name);

    private static PulseqFile Text(string source) => source == "epi"
        ? PulseqReader.ReadFile(PulseqTestData.ReferenceEpi) // Pulseq 1.2.1 written by JEMRIS
        : ReadBytes(Encoding.UTF8.GetBytes(AllSections12), "all-sections.seq");

    private static byte[] Legacy(string source)
    {
        PulseqFile text = Text(source);
        return LegacyBinaryBytes.Write(text, text.Version);
    }

    [Theory]
    [InlineData("epi")]
    [InlineData("all-sections")]
    public void Read_LegacyBytesOfA12TextFile_DecodesAsTheTextFile(string source)
    {
        PulseqFile text = Text(source);

        PulseqFile legacy = ReadBytes(LegacyBinaryBytes.Write(text, text.Version), source + ".bin");

        Assert.True(legacy.IsBinary);
        Assert.Equal(text.Version, legacy.Version);
        Assert.Equal(text.Delays, legacy.Delays);
        BinarySeqTests.AssertSameSequence(PulseqDecoder.Decode(text), PulseqDecoder.Decode(legacy));
    }

    [Fact]
    public void Read_LegacyDefinitions_Int64AndFloat64ValuesAsText()
    {
        PulseqFile legacy = ReadBytes(Legacy("all-sections"), "all-sections.bin");

        Assert.Equal("3", legacy.DefinitionText("Num_Blocks"));
        Assert.Equal("0.2 0.2 0.005", legacy.DefinitionText("FOV"));
        Assert.Equal(1e-5, legacy.GradientRasterSeconds);
    }

    [Fact]
    public void Read_LegacyHeaderStating110_KeepsTheVersionAndDecodesAs12()
    {
        PulseqFile text = Text("epi");

        PulseqFile legacy = ReadBytes(LegacyBinaryBytes.Write(text, new PulseqVersion(1, 1, 0)), "epi110.bin");

        Assert.Equal(new PulseqVersion(1, 1, 0), legacy.Version);
        BinarySeqTests.AssertSameSequence(PulseqDecoder.Decode(text), PulseqDecoder.Decode(legacy));
    }

    [Fact]
    public void SeqConvert_LegacyFileStating110_WritesPulseq151WithTheSameTiming()
    {
        using var folder = new TempFolder();
        PulseqFile text = Text("epi");
        string legacy = folder.File("epi.seq"), converted = folder.File("epi151.seq"); // a legacy file named .seq: told apart by its bytes
        File.WriteAllBytes(legacy, LegacyBinaryBytes.Write(text, new PulseqVersion(1, 1, 0)));

        Assert.Equal(ExitCodes.Success, Program.Run(["seq", "convert", legacy, converted], new StringWriter(), new StringWriter()));

        DecodedSequence expected = PulseqDecoder.Decode(text), actual = PulseqDecoder.Decode(PulseqReader.ReadFile(converted));
        Assert.Equal(PulseqVersion.V151, actual.Version);
        Assert.Equal(expected.Blocks.Count, actual.Blocks.Count);
        for (int b = 0; b < expected.Blocks.Count; b++)
        {
            Assert.Equal(expected.Blocks[b].StartSeconds, actual.Blocks[b].StartSeconds, TimeToleranceSeconds);
            Assert.Equal(expected.Blocks[b].DurationSeconds, actual.Blocks[b].DurationSeconds, TimeToleranceSeconds);
        }
    }

    [Fact]
    public void Read_BinaryHeaderStating13_RefusedNamingTheLayoutsRead()
    {
        byte[] bytes = LegacyBinaryBytes.Write(Text("epi"), new PulseqVersion(1, 3, 0));

        var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(bytes, "v13.bin"));

        Assert.StartsWith("v13.bin@8: binary Pulseq version 1.3.0 is not supported", e.Message);
        Assert.Contains("legacy layout", e.Message);
    }

    [Fact]
    public void Read_LegacyTruncated_ThrowsWithFileAndOffset()
    {
        byte[] legacy = Legacy("all-sections");

        for (int length = 9; length < legacy.Length; length += 3)
        {
            var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(legacy[..length], "cut.bin"));
            Assert.Matches(@"^cut\.bin@\d+: ", e.Message);
            Assert.InRange(e.ByteOffset!.Value, 0, length);
        }
    }

    [Theory]
    [InlineData(BinaryLayout.Definitions)]
    [InlineData(BinaryLayout.Blocks)]
    [InlineData(BinaryLayout.Rf)]
    [InlineData(BinaryLayout.Gradients)]
    [InlineData(BinaryLayout.Trapezoids)]
    [InlineData(BinaryLayout.Adc)]
    [InlineData(BinaryLayout.LegacyDelays)]
    [InlineData(BinaryLayout.Shapes)]
    public void Read_LegacyHostileSectionCount_RefusedBeforeAllocating(long code)
    {
        byte[] legacy = Legacy("all-sections");
        int count = IndexOfCode(legacy, code) + sizeof(long);
        const long hostile = long.MaxValue / 3;
        BinaryPrimitives.WriteInt64LittleEndian(legacy.AsSpan(count), hostile);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(legacy, "hostile.bin"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.StartsWith($"hostile.bin@{count}: {BinaryLayout.Name(code)} count = {hostile}", e.Message);
        Assert.InRange(allocated, 0, MaxBytesAllocatedByRefusal);
    }

    [Fact]
    public void Read_LegacyHostileCodedShapeLength_RefusedAtTheShape()
    {
        byte[] legacy = Legacy("all-sections");
        int shape = IndexOfCode(legacy, BinaryLayout.Shapes) + 2 * sizeof(long);
        BinaryPrimitives.WriteInt64LittleEndian(legacy.AsSpan(shape + sizeof(int) + sizeof(long)), 1_000_000_000_000);

        var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(legacy, "shape.bin"));

        Assert.Equal($"shape.bin@{shape}: [SHAPES] shape 1: 1000000000000 coded values for num_samples = 8 (or more than the file holds)", e.Message);
    }

    [Fact]
    public void Read_LegacyUnknownDefinitionType_ThrowsAtTheKey()
    {
        byte[] legacy = Legacy("all-sections");
        int key = IndexOfCode(legacy, BinaryLayout.Definitions) + 2 * sizeof(long); // first key: GradientRasterTime (Name is text)
        legacy[key + "GradientRasterTime\0".Length] = 3;

        var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(legacy, "type.bin"));

        Assert.Equal($"type.bin@{key}: [DEFINITIONS] GradientRasterTime: value type 3 is not 1 (int64) or 2 (float64)", e.Message);
    }

    [Fact]
    public void Read_LegacyBlockWithUndefinedRf_ThrowsAtTheBlock()
    {
        byte[] legacy = Legacy("all-sections");
        int firstBlock = IndexOfCode(legacy, BinaryLayout.Blocks) + 2 * sizeof(long);
        BinaryPrimitives.WriteInt32LittleEndian(legacy.AsSpan(firstBlock + sizeof(int)), 99); // after the delay id

        var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(legacy, "dangling.bin"));

        Assert.Equal($"dangling.bin@{firstBlock}: block refers to RF id 99, which [RF] does not define", e.Message);
    }

    [Fact]
    public void Read_LegacyExtensionSection_RefusedAsUnknownCode()
    {
        byte[] legacy = [.. Legacy("all-sections"), .. BitConverter.GetBytes(BinaryLayout.Extensions), .. new byte[sizeof(long)]];

        var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(legacy, "ext.bin"));

        Assert.EndsWith("unknown section code 0xFFFFFFFF00000009 (legacy Pulseq 1.2.0 binary files have sections 1–8 only)", e.Message);
    }

    [Theory]
    [InlineData("epi")]
    [InlineData("all-sections")]
    public void Read_LegacyMutatedBytes_OnlyFormatErrorsAndQuick(string source)
    {
        byte[] legacy = Legacy(source);
        var random = new Random(source.Length * 7919); // fixed seed: reproducible
        int rejected = 0;
        for (int i = 0; i < MutationsPerFile; i++)
        {
            byte[] mutated = (byte[])legacy.Clone();
            for (int k = random.Next(1, 4); k > 0; k--) mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            if (i % 4 == 0) mutated = mutated[..random.Next(mutated.Length)];
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                PulseqDecoder.Decode(ReadBytes(mutated, "fuzz.bin"));
            }
            catch (PulseqFormatException e)
            {
                Assert.StartsWith(e.ByteOffset is null ? "fuzz.bin:" : "fuzz.bin@", e.Message);
                rejected++;
            }
            Assert.True(watch.ElapsedMilliseconds < MaxCaseMilliseconds, $"case {i} took {watch.ElapsedMilliseconds} ms");
        }
        Assert.True(rejected > 0, "no mutation was rejected: the mutator is not doing anything");
    }

    private static int IndexOfCode(byte[] binary, long code)
    {
        var pattern = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(pattern, code);
        return binary.AsSpan().IndexOf(pattern);
    }
}
