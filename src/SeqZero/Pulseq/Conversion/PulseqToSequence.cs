using System.Numerics;
using SeqZero.Pulseq.Analysis;
using SeqZero.Pulseq.Decoding;
using SeqZero.Pulseq.Model;
using SeqZero.Sequences;

namespace SeqZero.Pulseq.Conversion;

/// <summary>Pulseq → SeqZero <see cref="Sequence"/> for the fast (instantaneous-RF) engine. Each RF pulse becomes a
/// repetition's rotation at the pulse centre: flip α = 2π·|∫B1 dt| (MATLAB's rule), phase φ = phase offset + ∠∫B1 dt,
/// usage from the file (1.5) or the flip angle. Between pulses the time is cut at every ADC sample instant
/// (delay + (k+½)·dwell), each piece carrying the exact moment ∫g dt of the piece-wise linear gradients [1/m]; a piece
/// that ends at a sample has the ADC on with φ_ADC = π/2 − ADC phase, so that an excitation with φ_RF = φ_ADC gives a
/// real positive on-resonance echo (M⊥ = −i·sin α·e^{iφ} after the pulse). Time before the first pulse forms a
/// repetition with a 0° pulse. Not represented: RF and ADC frequency offsets (slice selection, off-centre FOV).</summary>
public static class PulseqToSequence
{
    /// <summary>Converts <paramref name="decoded"/>; the sequence is named <paramref name="name"/>.</summary>
    public static Sequence Convert(DecodedSequence decoded, string name = "pulseq")
    {
        GradientWaveform[] waveforms = [.. Enumerable.Range(0, 3).Select(a => GradientWaveform.Build(decoded, a))];
        var cursors = new int[3];
        var repetitions = new List<Repetition>();
        var events = new List<SequenceEvent>();
        RfPulse pulse = new(0, 0, PulseUsage.Undefined);
        double previousTime = 0;
        bool started = false; // a pulse has been seen: the time before the first pulse only counts when it has content
        var previousIntegral = new double[3];

        void CloseInterval(double time, bool adcOn, double adcPhase)
        {
            var moment = new double[3];
            for (int a = 0; a < 3; a++)
            {
                double integral = waveforms[a].IntegralAt(time, ref cursors[a]);
                moment[a] = integral - previousIntegral[a];
                previousIntegral[a] = integral;
            }
            events.Add(new SequenceEvent(time - previousTime, moment[0], moment[1], moment[2], adcOn, adcPhase));
            previousTime = time;
        }

        foreach (DecodedBlock block in decoded.Blocks)
        {
            // RF centre and ADC samples of this block in time order
            var instants = new List<(double Time, int Sample)>(); // Sample = −1 for the RF centre
            if (block.Rf is { } rf) instants.Add((block.StartSeconds + rf.CenterSeconds, -1));
            if (block.Adc is { } adc)
            {
                for (int k = 0; k < adc.NumSamples; k++) instants.Add((block.StartSeconds + adc.SampleTimeSeconds(k), k));
            }
            if (block.Rf is not null && block.Adc is not null) instants.Sort((x, y) => x.Time.CompareTo(y.Time));

            foreach ((double time, int sample) in instants)
            {
                if (sample >= 0)
                {
                    DecodedAdc readout = block.Adc!;
                    double modulation = readout.PhaseModulationRadians?[sample] ?? 0;
                    CloseInterval(time, true, Math.PI / 2 - (readout.PhaseRadians + modulation));
                    continue;
                }
                CloseInterval(time, false, 0);
                if (started || events.Exists(e => e.DurationSeconds > 0 || e.AdcOn)) repetitions.Add(new Repetition(pulse, events));
                started = true;
                events.Clear();
                pulse = Rotation(block.Rf!);
            }
        }
        CloseInterval(decoded.DurationSeconds, false, 0);
        repetitions.Add(new Repetition(pulse, events));
        return new Sequence(repetitions, name);
    }

    /// <summary>The instantaneous rotation equivalent to a shaped pulse (small-tip integral).</summary>
    private static RfPulse Rotation(DecodedRf rf)
    {
        Complex integral = Complex.Zero;
        for (int k = 0; k + 1 < rf.SignalHz.Length; k++) integral += rf.SignalHz[k] * (rf.TimesSeconds[k + 1] - rf.TimesSeconds[k]);
        PulseUsage usage = rf.Use switch
        {
            PulseqRfUse.Excitation => PulseUsage.Excitation,
            PulseqRfUse.Refocusing => PulseUsage.Refocusing,
            PulseqRfUse.Inversion => PulseUsage.Inversion,
            _ => PulseUsage.Undefined,
        };
        return new RfPulse(rf.FlipAngleRadians, rf.PhaseRadians + (integral == Complex.Zero ? 0 : integral.Phase), usage);
    }
}
