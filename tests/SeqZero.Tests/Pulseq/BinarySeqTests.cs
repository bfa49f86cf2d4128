using System.Buffers.Binary;
using System.Numerics;
using SeqZero.Cli;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;
using SeqZero.Pulseq.Writing;

namespace SeqZero.Tests.Pulseq;

/// <summary>Binary Pulseq (.bseq): text → binary → text round trips of the shared files, recognition by magic bytes,
/// errors with byte offsets for truncated, corrupted and hostile files, and what the binary format refuses.</summary>
public class BinarySeqTests
{
    /// <summary>Shape values agree to 1e-6 of the shape's peak: .bseq stores coded derivatives as float32 (each rounded by
    /// ≤ 6e-8 of itself, without drift) and the text writer quantises samples to 1e-7 (MATLAB compressShape).</summary>
    private const double ShapeRelativeTolerance = 1e-6;

    /// <summary>Byte mutations per fuzzed file (three files → a few hundred cases).</summary>
    private const int MutationsPerFile = 120;

    /// <summary>Longest time one fuzz case may take [ms].</summary>
    private const int MaxCaseMilliseconds = 5_000;

    private static PulseqFile ReadBytes(byte[] bytes, string name) => PulseqReader.Read(new MemoryStream(bytes), name);

    private static byte[] TextBytes(PulseqFile file) => System.Text.Encoding.UTF8.GetBytes(PulseqWriter.Write(file, PulseqVersion.V151));

    [Theory]
    [MemberData(nameof(PulseqTestData.AllSeqFilesData), MemberType = typeof(PulseqTestData))]
    public void TextBinaryText_SharedFile_DecodesAsTheTextWriterOutput(string relative)
    {
        PulseqFile original = PulseqReader.ReadFile(PulseqTestData.FromDataRoot(relative));
        // every shared file has a binary form: only 1.5 layout, known extensions and labels, whole-picosecond times
        byte[] binary = BinarySeqWriter.Write(original, PulseqVersion.V151);

        PulseqFile fromBinary = ReadBytes(binary, relative + ".bseq");
        DecodedSequence text = PulseqDecoder.Decode(ReadBytes(TextBytes(original), relative));
        DecodedSequence roundTrip = PulseqDecoder.Decode(ReadBytes(TextBytes(fromBinary), relative));

        Assert.Equal(PulseqSignatureStatus.Valid, fromBinary.Signature);
        AssertSameSequence(text, roundTrip);
    }

    [Fact]
    public void Read_BinaryNamedSeqAndTextNamedBseq_ChoosesByMagicBytes()
    {
        using var folder = new TempFolder();
        PulseqFile gre = PulseqReader.ReadFile(PulseqTestData.Seq("pulseq-matlab", "gre.seq"));
        File.WriteAllBytes(folder.File("binary.seq"), BinarySeqWriter.Write(gre, PulseqVersion.V151));
        File.WriteAllBytes(folder.File("text.bseq"), TextBytes(gre));

        Assert.Equal(gre.Blocks.Count, PulseqReader.ReadFile(folder.File("binary.seq")).Blocks.Count);
        Assert.Equal(gre.Blocks.Count, PulseqReader.ReadFile(folder.File("text.bseq")).Blocks.Count);
    }

    [Fact]
    public void Read_Truncated_ThrowsWithFileAndOffset()
    {
        byte[] binary = BinarySeqWriter.Write(PulseqReader.ReadFile(PulseqTestData.Seq("pulseq-matlab", "fid.seq")), PulseqVersion.V151);

        for (int length = 9; length < binary.Length; length += 7)
        {
            var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(binary[..length], "cut.bseq"));
            Assert.Matches(@"^cut\.bseq@\d+: ", e.Message);
            Assert.InRange(e.ByteOffset!.Value, 0, length);
        }
    }

    [Fact]
    public void Read_HostileBlockCount_RefusedBeforeAllocating()
    {
        byte[] binary = BinarySeqWriter.Write(PulseqReader.ReadFile(PulseqTestData.Seq("pulseq-matlab", "fid.seq")), PulseqVersion.V151);
        int blocks = IndexOfCode(binary, BinaryLayout.Blocks) + sizeof(long);
        BinaryPrimitives.WriteInt64LittleEndian(binary.AsSpan(blocks), long.MaxValue / 3);

        var e = Assert.Throws<PulseqFormatException>(() => ReadBytes(binary, "hostile.bseq"));

        Assert.StartsWith($"hostile.bseq@{blocks}: [BLOCKS] count = {long.MaxValue / 3}", e.Message);
    }

    [Fact]
    public void Read_FlippedPayloadByte_SignatureInvalid()
    {
        byte[] binary = BinarySeqWriter.Write(PulseqReader.ReadFile(PulseqTestData.Seq("pulseq-matlab", "gre.seq")), PulseqVersion.V151);
        int rf = IndexOfCode(binary, BinaryLayout.Rf) + 2 * sizeof(long) + sizeof(int); // first RF amplitude
        binary[rf] ^= 1;

        Assert.Equal(PulseqSignatureStatus.Invalid, ReadBytes(binary, "flipped.bseq").Signature);
    }

    [Fact]
    public void Signature_BinaryFile_ValidInvalidAfterEditValidAfterResign()
    {
        byte[] binary = BinarySeqWriter.Write(PulseqReader.ReadFile(PulseqTestData.Seq("pulseq-matlab", "fid.seq")), PulseqVersion.V151);
        byte[] edited = (byte[])binary.Clone();
        edited[IndexOfCode(edited, BinaryLayout.Blocks) + 2 * sizeof(long)] ^= 1; // first block's duration

        Assert.Equal(PulseqSignatureStatus.Valid, PulseqSignature.Verify(binary));
        Assert.Equal(PulseqSignatureStatus.Invalid, PulseqSignature.Verify(edited));
        Assert.Equal(PulseqSignatureStatus.Valid, PulseqSignature.Verify(PulseqSignature.Resign(edited)));
        Assert.Equal(PulseqSignatureStatus.Valid, ReadBytes(PulseqSignature.Resign(edited), "resigned.bseq").Signature);
        Assert.Equal(PulseqSignatureStatus.Absent, PulseqSignature.Verify(PulseqSignature.SignedContent(binary)));
    }

    [Theory]
    [InlineData("pulseq-matlab", "fid.seq")]
    [InlineData("pypulseq", "write_gre_label_softdelay.seq")]
    [InlineData("pypulseq", "write_ute.seq")]
    public void Read_MutatedBytes_OnlyFormatErrorsAndQuick(string folder, string name)
    {
        byte[] binary = BinarySeqWriter.Write(PulseqReader.ReadFile(PulseqTestData.Seq(folder, name)), PulseqVersion.V151);
        var random = new Random(name.Length * 7919); // fixed seed: reproducible
        int rejected = 0;
        for (int i = 0; i < MutationsPerFile; i++)
        {
            byte[] mutated = (byte[])binary.Clone();
            for (int k = random.Next(1, 4); k > 0; k--) mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            if (i % 4 == 0) mutated = mutated[..random.Next(mutated.Length)];
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                PulseqFile file = ReadBytes(mutated, "fuzz.bseq");
                PulseqDecoder.Decode(file);
            }
            catch (PulseqFormatException e)
            {
                Assert.StartsWith(e.ByteOffset is null ? "fuzz.bseq:" : "fuzz.bseq@", e.Message);
                rejected++;
            }
            Assert.True(watch.ElapsedMilliseconds < MaxCaseMilliseconds, $"case {i} took {watch.ElapsedMilliseconds} ms");
        }
        Assert.True(rejected > 0, "no mutation was rejected: the mutator is not doing anything");
    }

    [Fact]
    public void Segment_BinarySamplesOnOneInstant_ErrorNamesByteOffset()
    {
        PulseqFile binary = ReadBytes(BinarySeqWriter.Write(PulseqReader.ReadFile(PulseqTestData.Seq("pulseq-matlab", "fid.seq")), PulseqVersion.V151), "late.bseq");
        (int id, PulseqAdcEvent adc) = binary.Adc.First();
        binary.Adc[id] = adc with { DwellSeconds = 1e-12 }; // 1 ps apart: the samples fall on the same instant

        var e = Assert.Throws<PulseqFormatException>(() => SeqZero.Simulation.Blocks.PulseqSegmentation.FromDecoded(PulseqDecoder.Decode(binary), "late.bseq"));

        Assert.Matches(@"^late\.bseq@\d+: block \d+: ", e.Message);
    }

    [Fact]
    public void Write_UnknownExtension_RefusesInsteadOfDropping()
    {
        PulseqFile file = PulseqReader.ReadFile(PulseqTestData.Seq("pypulseq", "seq_trap_only.seq"));
        file.ExtensionTypes[9] = "VENDOR_X";
        file.UnknownExtensions["VENDOR_X"] = new() { [1] = new PulseqUnknownExtensionRow(0, ["1"]) };
        file.ExtensionLinks[1] = new PulseqExtensionLink(0, 9, 1, 0);
        file.Blocks[0] = file.Blocks[0] with { ExtensionId = 1 };

        var e = Assert.Throws<ArgumentException>(() => BinarySeqWriter.Write(file, PulseqVersion.V151));

        Assert.Contains("VENDOR_X", e.Message);
    }

    [Fact]
    public void Write_Version142_Refused()
    {
        PulseqFile file = PulseqReader.ReadFile(PulseqTestData.Seq("pypulseq", "seq_trap_only.seq"));

        Assert.Throws<ArgumentException>(() => BinarySeqWriter.Write(file, PulseqVersion.V142));
    }

    [Fact]
    public void ConvertToBseqThenReport_Gre_SameReportAsText()
    {
        using var folder = new TempFolder();
        string source = PulseqTestData.Seq("pulseq-matlab", "gre.seq"), binary = folder.File("gre.bseq");

        Assert.Equal(ExitCodes.Success, Program.Run(["seq", "convert", source, binary], new StringWriter(), new StringWriter()));
        var fromText = new StringWriter();
        var fromBinary = new StringWriter();
        Program.Run(["seq", "report", source, "--json"], fromText, new StringWriter());
        Program.Run(["seq", "report", binary, "--json"], fromBinary, new StringWriter());

        Assert.Equal(BinaryLayout.Magic.ToArray(), File.ReadAllBytes(binary)[..8]);
        var signature = new StringWriter();
        Assert.Equal(ExitCodes.Success, Program.Run(["seq", "signature", binary], signature, new StringWriter()));
        Assert.Contains("signature valid", signature.ToString());
        Assert.Equal(fromText.ToString().Replace("\"signature\":\"valid\"", ""), fromBinary.ToString().Replace("\"signature\":\"valid\"", ""));
    }

    private static int IndexOfCode(byte[] binary, long code)
    {
        var pattern = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(pattern, code);
        return binary.AsSpan().IndexOf(pattern);
    }

    internal static void AssertSameSequence(DecodedSequence x, DecodedSequence y)
    {
        Assert.Equal(x.Blocks.Count, y.Blocks.Count);
        Assert.Equal(x.DurationSeconds, y.DurationSeconds);
        for (int b = 0; b < x.Blocks.Count; b++)
        {
            DecodedBlock p = x.Blocks[b], q = y.Blocks[b];
            Assert.Equal(p.StartSeconds, q.StartSeconds);
            Assert.Equal(p.DurationSeconds, q.DurationSeconds);
            AssertSameRf(p.Rf, q.Rf, b);
            for (int axis = 0; axis < 3; axis++) AssertSameGradient(p.Gradients[axis], q.Gradients[axis], b);
            AssertSameAdc(p.Adc, q.Adc);
            Assert.Equal(p.Extensions.Select(e => e.Name), q.Extensions.Select(e => e.Name));
        }
        Assert.Equal(x.File.LabelSets.Values.Select(l => (l.Value, l.Label)), y.File.LabelSets.Values.Select(l => (l.Value, l.Label)));
        Assert.Equal(x.File.SoftDelays.Values.Select(d => (d.NumericId, d.OffsetSeconds, d.Factor, d.Hint)),
            y.File.SoftDelays.Values.Select(d => (d.NumericId, d.OffsetSeconds, d.Factor, d.Hint)));
    }

    private static void AssertSameRf(DecodedRf? x, DecodedRf? y, int b)
    {
        Assert.Equal(x is null, y is null);
        if (x is null || y is null) return;
        Assert.Equal(x.TimesSeconds, y.TimesSeconds);
        Assert.Equal((x.DelaySeconds, x.CenterSeconds, x.FrequencyHz, x.PhaseRadians, x.FrequencyPpm, x.PhasePpm, x.Use),
            (y.DelaySeconds, y.CenterSeconds, y.FrequencyHz, y.PhaseRadians, y.FrequencyPpm, y.PhasePpm, y.Use));
        double peak = x.SignalHz.Max(s => s.Magnitude);
        for (int k = 0; k < x.SignalHz.Length; k++)
        {
            Complex d = x.SignalHz[k] - y.SignalHz[k];
            Assert.True(d.Magnitude <= ShapeRelativeTolerance * peak, $"block {b + 1} RF sample {k}: {x.SignalHz[k]} vs {y.SignalHz[k]}");
        }
    }

    private static void AssertSameGradient(DecodedGradient? x, DecodedGradient? y, int b)
    {
        Assert.Equal(x is null, y is null);
        if (x is null || y is null) return;
        Assert.Equal(x.TimesSeconds, y.TimesSeconds);
        Assert.Equal(x.DelaySeconds, y.DelaySeconds);
        double peak = x.AmplitudesHzPerMeter.Max(Math.Abs);
        for (int k = 0; k < x.AmplitudesHzPerMeter.Length; k++)
        {
            Assert.True(Math.Abs(x.AmplitudesHzPerMeter[k] - y.AmplitudesHzPerMeter[k]) <= ShapeRelativeTolerance * peak,
                $"block {b + 1} gradient sample {k}: {x.AmplitudesHzPerMeter[k]} vs {y.AmplitudesHzPerMeter[k]}");
        }
    }

    private static void AssertSameAdc(DecodedAdc? x, DecodedAdc? y)
    {
        Assert.Equal(x is null, y is null);
        if (x is null || y is null) return;
        Assert.Equal((x.NumSamples, x.DwellSeconds, x.DelaySeconds, x.FrequencyHz, x.PhaseRadians, x.FrequencyPpm, x.PhasePpm),
            (y.NumSamples, y.DwellSeconds, y.DelaySeconds, y.FrequencyHz, y.PhaseRadians, y.FrequencyPpm, y.PhasePpm));
    }
}
