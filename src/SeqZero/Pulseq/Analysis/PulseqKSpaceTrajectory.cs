using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Analysis;

/// <summary>k-space at every ADC sample [1/m], as MATLAB calculateKspacePP: k(t) = ∫g dt from the last excitation
/// centre; a refocusing centre negates k. With K(t) = ∫₀ᵗ g: k(t) = K(t) − C, where an excitation at tₑ sets C = K(tₑ)
/// and a refocusing at tᵣ sets C ← 2·K(tᵣ) − C. Excitation = RF use excitation (or undefined); refocusing = use refocusing.</summary>
public sealed class PulseqKSpaceTrajectory
{
    private PulseqKSpaceTrajectory(double[][] kPerMeter, double[] adcTimesSeconds, double[] excitationTimesSeconds, double[] refocusingTimesSeconds)
    {
        KPerMeter = kPerMeter;
        AdcTimesSeconds = adcTimesSeconds;
        ExcitationTimesSeconds = excitationTimesSeconds;
        RefocusingTimesSeconds = refocusingTimesSeconds;
    }

    /// <summary>k per axis (x, y, z) at each ADC sample [1/m].</summary>
    public double[][] KPerMeter { get; }

    /// <summary>Absolute time of each ADC sample [s].</summary>
    public double[] AdcTimesSeconds { get; }

    /// <summary>Absolute centre times of the excitation pulses [s].</summary>
    public double[] ExcitationTimesSeconds { get; }

    /// <summary>Absolute centre times of the refocusing pulses [s].</summary>
    public double[] RefocusingTimesSeconds { get; }

    /// <summary>Computes the trajectory; <paramref name="waveforms"/> are the three axes' <see cref="GradientWaveform"/>s.</summary>
    public static PulseqKSpaceTrajectory Compute(DecodedSequence sequence, IReadOnlyList<GradientWaveform> waveforms)
    {
        // the events in time order: RF centres and ADC samples, merged block by block
        var events = new List<(double Time, int Kind)>(); // kind: 0 = ADC sample, 1 = excitation, 2 = refocusing
        foreach (DecodedBlock block in sequence.Blocks)
        {
            int first = events.Count;
            if (block.Rf is { } rf && rf.Use is PulseqRfUse.Excitation or PulseqRfUse.Undefined or PulseqRfUse.Refocusing)
            {
                events.Add((block.StartSeconds + rf.CenterSeconds, rf.Use == PulseqRfUse.Refocusing ? 2 : 1));
            }
            if (block.Adc is { } adc)
            {
                for (int i = 0; i < adc.NumSamples; i++) events.Add((block.StartSeconds + adc.SampleTimeSeconds(i), 0));
            }
            if (events.Count - first > 1 && block.Rf is not null)
            {
                // an RF centre among the samples of its own block: stable sort of this block's events by time
                var slice = events.GetRange(first, events.Count - first).OrderBy(e => e.Time).ToList();
                for (int i = 0; i < slice.Count; i++) events[first + i] = slice[i];
            }
        }

        int samples = events.Count(e => e.Kind == 0);
        double[][] k = [new double[samples], new double[samples], new double[samples]];
        var adcTimes = new double[samples];
        var excitations = new List<double>();
        var refocusings = new List<double>();
        var offset = new double[3];
        var cursors = new int[3];
        int n = 0;
        foreach ((double time, int kind) in events)
        {
            for (int axis = 0; axis < 3; axis++)
            {
                double integral = waveforms[axis].IntegralAt(time, ref cursors[axis]);
                switch (kind)
                {
                    case 0: k[axis][n] = integral - offset[axis]; break;
                    case 1: offset[axis] = integral; break;
                    default: offset[axis] = 2 * integral - offset[axis]; break;
                }
            }
            if (kind == 0) adcTimes[n++] = time;
            else (kind == 1 ? excitations : refocusings).Add(time);
        }
        return new PulseqKSpaceTrajectory(k, adcTimes, [.. excitations], [.. refocusings]);
    }
}
