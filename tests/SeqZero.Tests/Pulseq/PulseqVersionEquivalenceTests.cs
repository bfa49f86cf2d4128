using System.Numerics;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

/// <summary>pypulseq wrote the same simple_mprage in seven format versions; they must decode to the same waveforms.</summary>
public class PulseqVersionEquivalenceTests
{
    /// <summary>Relative tolerance of waveform values: shapes are printed with 6–9 significant digits, gradients with 6.</summary>
    private const double RelativeTolerance = 2e-6;

    /// <summary>Time tolerance [s]: all times are integer multiples of rasters ≥ 100 ns; this only absorbs float rounding.</summary>
    private const double TimeToleranceSeconds = 1e-10;

    /// <summary>Flip angles of differently sampled versions of one pulse agree to 1e-3 rad (sampling offset of ½ raster).</summary>
    private const double FlipToleranceRadians = 1e-3;

    /// <summary>RF centres agree to 1 µs: stored (1.5) or found as the middle of the peak on differently placed samples.</summary>
    private const double CenterToleranceSeconds = 1e-6;

    /// <summary>Gradient raster of simple_mprage [s] (its DEFINITIONS; the 1.2/1.3 default).</summary>
    private const double GradientRasterSeconds = 10e-6;

    private static DecodedSequence Load(string version) =>
        PulseqDecoder.Decode(PulseqReader.ReadFile(PulseqTestData.Seq("pypulseq", $"simple_mprage{version}.seq")));

    [Theory]
    [InlineData("131")]
    [InlineData("140")]
    [InlineData("141")]
    [InlineData("142")]
    [InlineData("150")]
    public void Decode_SimpleMprageVersion_MatchesVersion130(string version)
    {
        DecodedSequence reference = Load("130"), other = Load(version);

        Assert.Equal(reference.Blocks.Count, other.Blocks.Count);
        Assert.Equal(reference.DurationSeconds, other.DurationSeconds, TimeToleranceSeconds);
        for (int b = 0; b < reference.Blocks.Count; b++)
        {
            DecodedBlock x = reference.Blocks[b], y = other.Blocks[b];
            Assert.Equal(x.StartSeconds, y.StartSeconds, TimeToleranceSeconds);
            Assert.Equal(x.DurationSeconds, y.DurationSeconds, TimeToleranceSeconds);
            AssertSameGradients(x, y, b);
            AssertSameRfParameters(x.Rf, y.Rf);
            AssertSameAdc(x.Adc, y.Adc);
        }
    }

    [Theory]
    [InlineData("141")]
    [InlineData("142")]
    [InlineData("150")]
    public void Decode_SimpleMprageVersion_MatchesVersion140RfSamples(string version)
    {
        // 1.3 and older were generated with RF samples at (k+1)·raster, 1.4+ at (k+½)·raster: sample values compare from 1.4 on
        DecodedSequence reference = Load("140"), other = Load(version);
        double raster = reference.File.RfRasterSeconds;

        for (int b = 0; b < reference.Blocks.Count; b++)
        {
            DecodedRf? x = reference.Blocks[b].Rf, y = other.Blocks[b].Rf;
            Assert.Equal(x is null, y is null);
            if (x is null || y is null) continue;
            double scale = x.SignalHz.Max(s => s.Magnitude);
            foreach (DecodedRf sampled in new[] { x, y }.Where(r => !r.IsTimeShaped))
            {
                foreach (double t in sampled.TimesSeconds)
                {
                    Complex a = WaveformComparison.RfAt(x, t, raster), c = WaveformComparison.RfAt(y, t, raster);
                    Assert.True((a - c).Magnitude <= RelativeTolerance * scale, $"block {b + 1} RF t={t}: {a} vs {c}");
                }
            }
        }
    }

    [Fact]
    public void Decode_SimpleMprage120_MatchesVersion130PerBlockExceptRfPadding()
    {
        // pypulseq's 1.2 writer stored the RF delay again as leading zero samples (10120 samples instead of 10020 for a
        // 100 µs delay), so RF blocks last 100 µs longer; gradients, ADC and flip angles are the same block by block.
        DecodedSequence reference = Load("130"), old = Load("120");

        Assert.Equal(reference.Blocks.Count, old.Blocks.Count);
        for (int b = 0; b < reference.Blocks.Count; b++)
        {
            DecodedBlock x = reference.Blocks[b], y = old.Blocks[b];
            AssertSameGradients(x, y, b);
            AssertSameAdc(x.Adc, y.Adc);
            Assert.Equal(x.Rf is null, y.Rf is null);
            if (x.Rf is not null) Assert.Equal(x.Rf.FlipAngleRadians, y.Rf!.FlipAngleRadians, FlipToleranceRadians);
        }
    }

    [Fact]
    public void Decode_SimpleMprage150_KeepsStoredRfUse()
    {
        DecodedSequence sequence = Load("150");

        Assert.Equal(PulseqRfUse.Inversion, sequence.Blocks[0].Rf!.Use);
        Assert.Equal(PulseqRfUse.Excitation, sequence.Blocks[2].Rf!.Use);
    }

    private static void AssertSameGradients(DecodedBlock x, DecodedBlock y, int b)
    {
        for (int axis = 0; axis < 3; axis++)
        {
            DecodedGradient? gx = x.Gradients[axis], gy = y.Gradients[axis];
            double scale = Math.Max(MaxAbs(gx), MaxAbs(gy));
            foreach (double t in WaveformComparison.ComparisonTimes(gx, gy))
            {
                double a = WaveformComparison.GradientAt(gx, t), c = WaveformComparison.GradientAt(gy, t);
                Assert.True(Math.Abs(a - c) <= RelativeTolerance * scale + 1e-9,
                    $"block {b + 1} axis {axis} t={t}: {a} vs {c}");
            }
            double momentX = gx?.MomentPerMeter ?? 0, momentY = gy?.MomentPerMeter ?? 0;
            // a polyline through raster-cell centres loses ¼ cell × (first-sample − edge) at each end against the corner form
            double tolerance = RelativeTolerance * scale * x.DurationSeconds + scale * GradientRasterSeconds / 2;
            Assert.True(Math.Abs(momentX - momentY) <= tolerance,
                $"block {b + 1} axis {axis} moment {momentX} vs {momentY}");
        }
    }

    private static void AssertSameRfParameters(DecodedRf? x, DecodedRf? y)
    {
        Assert.Equal(x is null, y is null);
        if (x is null || y is null) return;
        Assert.Equal(x.FlipAngleRadians, y.FlipAngleRadians, FlipToleranceRadians);
        Assert.Equal(x.CenterSeconds, y.CenterSeconds, CenterToleranceSeconds);
        Assert.Equal(x.FrequencyHz, y.FrequencyHz);
        Assert.Equal(x.PhaseRadians, y.PhaseRadians);
    }

    private static void AssertSameAdc(DecodedAdc? x, DecodedAdc? y)
    {
        Assert.Equal(x is null, y is null);
        if (x is null || y is null) return;
        Assert.Equal(x.NumSamples, y.NumSamples);
        Assert.Equal(x.DwellSeconds, y.DwellSeconds, 1e-15);
        Assert.Equal(x.DelaySeconds, y.DelaySeconds, 1e-15);
        Assert.Equal(x.FrequencyHz, y.FrequencyHz);
        Assert.Equal(x.PhaseRadians, y.PhaseRadians);
    }

    private static double MaxAbs(DecodedGradient? g) => g is null ? 0 : g.AmplitudesHzPerMeter.Max(Math.Abs);
}
