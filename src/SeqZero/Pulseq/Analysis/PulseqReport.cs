using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Analysis;

/// <summary>The numbers of MATLAB's Sequence.testReport for a decoded sequence (SI units): counts, duration, TE/TR,
/// flip angles, k-space statistics, timing check, and max gradient/slew per axis and of the vector (after
/// interpolating the three axes onto their common corner times).</summary>
public sealed record PulseqReport
{
    public required PulseqVersion Version { get; init; }
    public required int Blocks { get; init; }
    public required double DurationSeconds { get; init; }

    /// <summary>Blocks using RF, Gx, Gy, Gz, ADC.</summary>
    public required int RfEvents { get; init; }
    public required int GxEvents { get; init; }
    public required int GyEvents { get; init; }
    public required int GzEvents { get; init; }
    public required int AdcEvents { get; init; }
    public required long AdcSamples { get; init; }

    /// <summary>Entries of each event table ("Event library use"), by MATLAB's short names, in its order.</summary>
    public required IReadOnlyList<(string Name, int Count)> LibraryUse { get; init; }

    /// <summary>Distinct flip angles of the [RF] table [°], ascending (distinct to 1e-6°).</summary>
    public required IReadOnlyList<double> FlipAnglesDegrees { get; init; }

    /// <summary>Echo time: ADC instant of the smallest |k| minus the last excitation centre before it [s]; null without ADC/excitation.</summary>
    public required double? EchoTimeSeconds { get; init; }

    /// <summary>Repetition time between the excitations around the echo (the duration with fewer than 2 excitations) [s].</summary>
    public required double? RepetitionTimeSeconds { get; init; }

    /// <summary>k-space figures; null when the sequence has more than <see cref="MaxKSpaceSamples"/> ADC samples.</summary>
    public required KSpaceStatistics? KSpace { get; init; }
    public required IReadOnlyList<PulseqTimingViolation> TimingViolations { get; init; }
    public required double[] MaxGradientHzPerMeter { get; init; }
    public required double[] MaxSlewHzPerMeterPerSecond { get; init; }
    public required double MaxAbsoluteGradientHzPerMeter { get; init; }
    public required double MaxAbsoluteSlewHzPerMeterPerSecond { get; init; }
    public required PulseqSignatureStatus Signature { get; init; }

    /// <summary>ADC samples above which the k-space analysis (TE, TR, k-space figures) is skipped: it keeps k of every
    /// sample (about 50 bytes each), so 2²⁵ samples already take ~1.6 GB.</summary>
    public const long MaxKSpaceSamples = 1L << 25;

    /// <summary>Digits to which flip angles count as equal [°].</summary>
    private const int FlipDigits = 6;

    /// <summary>Computes the report; <paramref name="limits"/> feed the timing check.</summary>
    public static PulseqReport Create(DecodedSequence sequence, PulseqHardwareLimits? limits = null)
    {
        PulseqFile file = sequence.File;
        long adcSamples = file.Blocks.Sum(b => b.AdcId == 0 ? 0L : file.Adc[b.AdcId].NumSamples);
        bool analyseKSpace = adcSamples <= MaxKSpaceSamples;
        // the whole-sequence waveforms are built only for the k-space analysis (bounded by MaxKSpaceSamples); the gradient
        // maxima stream over the corners, so that long sequences do not hold every corner three times over
        PulseqKSpaceTrajectory? trajectory = analyseKSpace
            ? PulseqKSpaceTrajectory.Compute(sequence, [.. Enumerable.Range(0, 3).Select(a => GradientWaveform.Build(sequence, a))])
            : null;
        (double? te, double? tr) = trajectory is null ? (null, null) : EchoAndRepetition(trajectory, sequence.DurationSeconds);
        KSpaceStatistics? kSpace = trajectory is null ? null : KSpaceStatistics.Compute(trajectory.KPerMeter);
        (double[] maxGrad, double[] maxSlew) = GradientMaxima.PerAxis(sequence);
        (double absGrad, double absSlew) = GradientMaxima.Vector(sequence);

        return new PulseqReport
        {
            Version = file.Version,
            Blocks = sequence.Blocks.Count,
            DurationSeconds = sequence.DurationSeconds,
            RfEvents = file.Blocks.Count(b => b.RfId != 0),
            GxEvents = file.Blocks.Count(b => b.GxId != 0),
            GyEvents = file.Blocks.Count(b => b.GyId != 0),
            GzEvents = file.Blocks.Count(b => b.GzId != 0),
            AdcEvents = file.Blocks.Count(b => b.AdcId != 0),
            AdcSamples = adcSamples,
            LibraryUse =
            [
                ("RF", file.Rf.Count), ("Grad", file.Gradients.Count + file.Trapezoids.Count), ("Shape", file.Shapes.Count),
                ("ADC", file.Adc.Count), ("Delay", file.Delays.Count), ("Extn", file.ExtensionLinks.Count),
                ("Trigg", file.Triggers.Count), ("Label", file.LabelSets.Count + file.LabelIncrements.Count),
                ("SoDel", file.SoftDelays.Count), ("Rot", file.Rotations.Count), ("Shims", file.RfShims.Count),
            ],
            FlipAnglesDegrees = [.. file.Rf.Keys.Select(id => Math.Round(PulseqDecoder.DecodeRf(file, id).FlipAngleRadians * 180 / Math.PI, FlipDigits)).Distinct().Order()],
            EchoTimeSeconds = te,
            RepetitionTimeSeconds = tr,
            KSpace = kSpace,
            TimingViolations = PulseqTimingCheck.Check(sequence, limits ?? new PulseqHardwareLimits()),
            MaxGradientHzPerMeter = maxGrad,
            MaxSlewHzPerMeterPerSecond = maxSlew,
            MaxAbsoluteGradientHzPerMeter = absGrad,
            MaxAbsoluteSlewHzPerMeterPerSecond = absSlew,
            Signature = file.Signature,
        };
    }

    private static (double? Te, double? Tr) EchoAndRepetition(PulseqKSpaceTrajectory trajectory, double durationSeconds)
    {
        double[][] k = trajectory.KPerMeter;
        double[] tAdc = trajectory.AdcTimesSeconds, tEx = trajectory.ExcitationTimesSeconds;
        if (tAdc.Length == 0) return (null, tEx.Length < 2 ? durationSeconds : null);
        double Abs(int i) => Math.Sqrt(k[0][i] * k[0][i] + k[1][i] * k[1][i] + k[2][i] * k[2][i]);

        // the sample nearest the k-space centre, refined between it and a neighbour by projecting the origin onto their segment
        int echo = 0;
        for (int i = 1; i < tAdc.Length; i++) if (Abs(i) < Abs(echo)) echo = i;
        double tEcho = tAdc[echo];
        if (Abs(echo) > double.Epsilon)
        {
            foreach (int other in new[] { echo - 1, echo + 1 }.Where(i => i >= 0 && i < tAdc.Length))
            {
                double dot = 0, norm2 = 0;
                for (int a = 0; a < 3; a++)
                {
                    double toOther = k[a][other] - k[a][echo];
                    dot += -k[a][echo] * toOther;
                    norm2 += toOther * toOther;
                }
                double p = norm2 > 0 ? dot / norm2 : 0;
                if (p > 0)
                {
                    tEcho = tAdc[echo] * (1 - p) + tAdc[other] * p;
                    break;
                }
            }
        }

        double[] before = [.. tEx.Where(t => t < tEcho)];
        double? te = before.Length > 0 ? tEcho - before[^1] : null;
        double? tr;
        if (tEx.Length < 2) tr = durationSeconds;
        else if (tEx.FirstOrDefault(t => t > tEcho, double.NaN) is var after && !double.IsNaN(after) && before.Length > 0) tr = after - before[^1];
        else tr = before.Length >= 2 ? before[^1] - before[^2] : null;
        return (te, tr);
    }
}
