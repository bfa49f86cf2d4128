using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

/// <summary>The streaming gradient maxima of the report equal the same figures computed on the materialised
/// <see cref="GradientWaveform"/>s (the readable reference below), bit for bit, on every shared file.</summary>
public class GradientMaximaTests
{
    [Theory]
    [MemberData(nameof(PulseqTestData.AllSeqFilesData), MemberType = typeof(PulseqTestData))]
    public void PerAxisAndVector_SharedFile_EqualMaterialisedReference(string relative)
    {
        DecodedSequence sequence = PulseqDecoder.Decode(PulseqReader.ReadFile(PulseqTestData.FromDataRoot(relative)));
        GradientWaveform[] waveforms = [.. Enumerable.Range(0, 3).Select(a => GradientWaveform.Build(sequence, a))];

        (double[] gradient, double[] slew) = GradientMaxima.PerAxis(sequence);
        (double vectorGradient, double vectorSlew) = GradientMaxima.Vector(sequence);

        Assert.Equal(waveforms.Select(ReferenceMaxAbs), gradient);
        Assert.Equal(waveforms.Select(ReferenceMaxSlew), slew);
        Assert.Equal(ReferenceVector(waveforms), (vectorGradient, vectorSlew));
    }

    private static double ReferenceMaxAbs(GradientWaveform w) => w.AmplitudesHzPerMeter.Length == 0 ? 0 : w.AmplitudesHzPerMeter.Max(Math.Abs);

    private static double ReferenceMaxSlew(GradientWaveform w)
    {
        double max = 0;
        for (int k = 1; k < w.TimesSeconds.Length; k++)
        {
            double dt = w.TimesSeconds[k] - w.TimesSeconds[k - 1];
            if (dt > GradientWaveform.SameInstantSeconds) max = Math.Max(max, Math.Abs(w.AmplitudesHzPerMeter[k] - w.AmplitudesHzPerMeter[k - 1]) / dt);
        }
        return max;
    }

    /// <summary>All corner times sorted, merged within an instant, each axis evaluated there with ValueAt.</summary>
    private static (double, double) ReferenceVector(GradientWaveform[] waveforms)
    {
        var common = new List<double>();
        foreach (double t in waveforms.SelectMany(w => w.TimesSeconds).Order())
        {
            if (common.Count == 0 || t - common[^1] > GradientWaveform.SameInstantSeconds) common.Add(t);
        }
        var cursors = new int[3];
        var previous = new double[3];
        double maxGrad = 0, maxSlew = 0;
        for (int i = 0; i < common.Count; i++)
        {
            double sumG = 0, sumS = 0;
            for (int a = 0; a < 3; a++)
            {
                double g = waveforms[a].ValueAt(common[i], ref cursors[a]);
                sumG += g * g;
                if (i > 0)
                {
                    double s = (g - previous[a]) / (common[i] - common[i - 1]);
                    sumS += s * s;
                }
                previous[a] = g;
            }
            maxGrad = Math.Max(maxGrad, Math.Sqrt(sumG));
            if (i > 0) maxSlew = Math.Max(maxSlew, Math.Sqrt(sumS));
        }
        return (maxGrad, maxSlew);
    }
}
