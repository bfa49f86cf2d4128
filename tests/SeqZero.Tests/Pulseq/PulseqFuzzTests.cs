using System.Text;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;
using SeqZero.Pulseq.Writing;

namespace SeqZero.Tests.Pulseq;

/// <summary>Mutates the shared files (bytes, tokens, lines; fixed seeds) and runs read → decode → timing check → report → write:
/// the only exception allowed is <see cref="PulseqFormatException"/>, and every case must finish quickly.</summary>
public class PulseqFuzzTests
{
    /// <summary>Mutated copies per shared file (54 files → about 3 000 cases).</summary>
    private const int CasesPerFile = 56;

    /// <summary>Files above this size are skipped to keep the suite fast [bytes]; the mutations do not depend on size.</summary>
    private const int MaxFileBytes = 80_000;

    /// <summary>ADC samples above which the report (k-space at every sample) is skipped: a mutated sample count may ask
    /// for billions, which the reader accepts as a number but the report would have to store.</summary>
    private const long MaxReportSamples = 2_000_000;

    /// <summary>Every n-th case also goes through the writer (the writer costs as much as the rest together).</summary>
    private const int WriteEvery = 8;

    /// <summary>Longest time one case may take [ms] (a hang would show up here long before the test-run timeout).</summary>
    private const int MaxCaseMilliseconds = 5_000;

    private static readonly string[] HostileTokens =
        ["1e12", "-1", "nan", "inf", "0", "-0", "1.5", "999999999999999999999", "2147483648", "abc", "1e-320", "7", "#", "[SHAPES]", "shape_id", "0x10"];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string file in PulseqTestData.AllSeqFiles().Where(f => new FileInfo(f).Length <= MaxFileBytes))
        {
            data.Add(Path.GetRelativePath(PulseqTestData.SeqDirectory, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadDecodeReport_MutatedFile_OnlyFormatErrors(string relative)
    {
        byte[] original = File.ReadAllBytes(Path.GetFullPath(Path.Combine(PulseqTestData.SeqDirectory, relative)));
        var random = new Random(relative.Aggregate(17, (h, c) => h * 31 + c)); // fixed seed per file: reproducible
        int rejected = 0;
        for (int i = 0; i < CasesPerFile; i++)
        {
            byte[] mutated = Mutate(original, random);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                PulseqFile file = PulseqReader.Read(new MemoryStream(mutated), relative);
                DecodedSequence sequence = PulseqDecoder.Decode(file);
                PulseqTimingCheck.Check(sequence, new PulseqHardwareLimits(1e6, 1e10));
                if (file.Blocks.Sum(b => b.AdcId == 0 ? 0L : file.Adc[b.AdcId].NumSamples) <= MaxReportSamples)
                {
                    PulseqReportText.Format(PulseqReport.Create(sequence), relative);
                }
                if (i % WriteEvery == 0) WriteOrRefuse(file);
            }
            catch (PulseqFormatException e)
            {
                Assert.StartsWith(relative + ":", e.Message);
                rejected++;
            }
            Assert.True(watch.ElapsedMilliseconds < MaxCaseMilliseconds, $"{relative} case {i} took {watch.ElapsedMilliseconds} ms");
        }
        Assert.True(rejected > 0, "no mutation was rejected: the mutator is not doing anything");
    }

    /// <summary>The writer may refuse content its target cannot express (ArgumentException), nothing else.</summary>
    private static void WriteOrRefuse(PulseqFile file)
    {
        try
        {
            PulseqWriter.Write(file, PulseqVersion.V151);
        }
        catch (ArgumentException)
        {
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        switch (random.Next(7))
        {
            case 0: // flip 1–3 bytes
                {
                    byte[] copy = (byte[])original.Clone();
                    for (int k = random.Next(1, 4); k > 0; k--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
                    return copy;
                }
            case 1: // truncate
                return original[..random.Next(original.Length)];
            case 2: // insert printable garbage
                {
                    int at = random.Next(original.Length);
                    byte[] garbage = [.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (byte)random.Next(32, 127))];
                    return [.. original[..at], .. garbage, .. original[at..]];
                }
            default: // token and line mutations
                {
                    List<string> lines = [.. Encoding.UTF8.GetString(original).Split('\n')];
                    int line = random.Next(lines.Count);
                    switch (random.Next(4))
                    {
                        case 0: lines.RemoveAt(line); break;
                        case 1: lines.Insert(line, lines[line]); break;
                        case 2:
                            int other = random.Next(lines.Count);
                            (lines[line], lines[other]) = (lines[other], lines[line]);
                            break;
                        default:
                            string[] tokens = lines[line].Split(' ');
                            tokens[random.Next(tokens.Length)] = HostileTokens[random.Next(HostileTokens.Length)];
                            lines[line] = string.Join(' ', tokens);
                            break;
                    }
                    return Encoding.UTF8.GetBytes(string.Join('\n', lines));
                }
        }
    }
}
