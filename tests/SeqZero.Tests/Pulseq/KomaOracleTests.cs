using System.Numerics;
using SeqZero.IO;
using SeqZero.Physics;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

/// <summary>Koma's reader comparison: each .seq comes with the waveforms MATLAB Pulseq decoded from it (.mat, one cell
/// per block with rf/gx/gy/gz/adc/df fields of absolute times t [s] and amplitudes A in T and T/m, edge points
/// repeated with A = 0). Our decoded waveforms, evaluated at the oracle's times, must agree to 1e-6 of the peak.</summary>
public class KomaOracleTests
{
    /// <summary>Agreement relative to the channel's peak in the block (the issue's 1e-6 relative).</summary>
    private const double RelativeTolerance = 1e-6;

    /// <summary>Agreement of event times [s] (the oracle's times are sums of rasters in double precision).</summary>
    private const double TimeToleranceSeconds = 1e-9;

    public static TheoryData<string> Oracles()
    {
        var data = new TheoryData<string>();
        foreach (string mat in Directory.EnumerateFiles(PulseqTestData.Seq("koma-read-comparison"), "*.mat", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(PulseqTestData.SeqDirectory, mat));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Oracles))]
    public void Decode_KomaFile_MatchesMatlabOracle(string relativeMat)
    {
        string mat = Path.Combine(PulseqTestData.SeqDirectory, relativeMat);
        DecodedSequence sequence = PulseqDecoder.Decode(PulseqReader.ReadFile(Path.ChangeExtension(mat, ".seq")));
        MatArray cells = MatV5Reader.Read(mat).Get("sequence");
        double rfRaster = sequence.File.RfRasterSeconds;

        Assert.Equal(sequence.Blocks.Count, (int)cells.ElementCount);
        for (int b = 0; b < sequence.Blocks.Count; b++)
        {
            DecodedBlock block = sequence.Blocks[b];
            MatArray oracle = cells.Cells[b];
            for (int axis = 0; axis < 3; axis++)
            {
                (double[] t, double[] a) = Channel(oracle, "xyz"[axis] is var c ? $"g{c}" : "", Gyromagnetic.ProtonHertzPerTesla);
                double peak = a.Length == 0 ? 0 : a.Max(Math.Abs);
                foreach (int i in Interior(t))
                {
                    double ours = GradientAt(block, axis, t[i]);
                    Assert.True(Math.Abs(ours - a[i]) <= RelativeTolerance * peak + 1e-9,
                        $"{relativeMat} block {b + 1} g{"xyz"[axis]} t={t[i]}: ours {ours} Hz/m, MATLAB {a[i]} Hz/m");
                }
            }
            CompareRf(relativeMat, b, block, oracle.Field("rf"), rfRaster);
            CompareAdc(relativeMat, b, block, oracle.Field("adc"));
        }
    }

    private static void CompareRf(string name, int b, DecodedBlock block, MatArray rf, double rfRaster)
    {
        double[] t = rf.Field("t").Real;
        Assert.True(t.Length == 0 == (block.Rf is null), $"{name} block {b + 1}: RF presence differs");
        if (block.Rf is null) return;
        double[] re = rf.Field("A").Real;
        double[] im = rf.Field("A").Imaginary ?? new double[re.Length];
        double peak = 0;
        for (int i = 0; i < re.Length; i++) peak = Math.Max(peak, Math.Sqrt(re[i] * re[i] + im[i] * im[i]));
        foreach (int i in Interior(t))
        {
            Complex expected = new Complex(re[i], im[i]) * Gyromagnetic.ProtonHertzPerTesla;
            // the oracle includes the phase offset in A (the frequency offset comes separately as df)
            Complex ours = WaveformComparison.RfAt(block.Rf, t[i] - block.StartSeconds, rfRaster) * Complex.FromPolarCoordinates(1, block.Rf.PhaseRadians);
            Assert.True((ours - expected).Magnitude <= RelativeTolerance * peak * Gyromagnetic.ProtonHertzPerTesla,
                $"{name} block {b + 1} RF t={t[i]}: ours {ours} Hz, MATLAB {expected} Hz");
        }
    }

    private static void CompareAdc(string name, int b, DecodedBlock block, MatArray adc)
    {
        double[] t = adc.Field("t").Real;
        Assert.Equal(t.Length, block.Adc?.NumSamples ?? 0);
        for (int i = 0; i < t.Length; i++)
        {
            Assert.True(Math.Abs(block.StartSeconds + block.Adc!.SampleTimeSeconds(i) - t[i]) <= TimeToleranceSeconds,
                $"{name} block {b + 1} ADC sample {i}: ours {block.StartSeconds + block.Adc.SampleTimeSeconds(i)} s, MATLAB {t[i]} s");
        }
    }

    private static (double[] T, double[] A) Channel(MatArray block, string field, double scale)
    {
        MatArray channel = block.Field(field);
        return (channel.Field("t").Real, [.. channel.Field("A").Real.Select(v => v * scale)]);
    }

    /// <summary>Indices whose time is not repeated by a neighbour (repeated times mark the oracle's zero edges).</summary>
    private static IEnumerable<int> Interior(double[] t) =>
        Enumerable.Range(0, t.Length).Where(i => (i == 0 || t[i - 1] != t[i]) && (i == t.Length - 1 || t[i + 1] != t[i]));

    private static double GradientAt(DecodedBlock block, int axis, double absoluteTime) =>
        WaveformComparison.GradientAt(block.Gradients[axis], absoluteTime - block.StartSeconds);
}
