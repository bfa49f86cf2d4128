using SeqZero.Sequences;

namespace SeqZero.Cli.Optimization;

/// <summary>best.json: every number of a sequence in physical units (SI; flips also in degrees for reading).</summary>
internal sealed record SequenceRecord(string Name, double DurationS, double RfEnergyRad2, PulseRecord[] Repetitions)
{
    public static SequenceRecord From(Sequence sequence) => new(sequence.Name, sequence.DurationSeconds,
        RfEnergy.SumOfSquaredFlipAngles(sequence),
        [.. sequence.Repetitions.Select(r => new PulseRecord(r.Pulse.Usage.ToString(), r.Pulse.FlipAngleRadians,
            r.Pulse.FlipAngleRadians * 180 / Math.PI, r.Pulse.PhaseRadians,
            [.. r.Events.Select(e => new EventRecord(e.DurationSeconds, e.GradientMomentXPerMeter, e.GradientMomentYPerMeter,
                e.GradientMomentZPerMeter, e.AdcOn, e.AdcPhaseRadians))]))]);
}

internal sealed record PulseRecord(string Usage, double FlipAngleRad, double FlipAngleDeg, double PhaseRad, EventRecord[] Events);

internal sealed record EventRecord(double DurationS, double MomentXPerM, double MomentYPerM, double MomentZPerM, bool Adc, double AdcPhaseRad);
