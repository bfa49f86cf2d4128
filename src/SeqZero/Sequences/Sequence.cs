namespace SeqZero.Sequences;

/// <summary>A pulse sequence as a chain of repetitions (MRzero's model): each repetition is an instantaneous RF
/// pulse followed by free-precession events. Everything the simulator needs and everything an optimiser changes.</summary>
public sealed class Sequence
{
    public Sequence(IEnumerable<Repetition> repetitions, string name = "sequence")
    {
        Repetitions = [.. repetitions];
        Name = name;
    }

    public string Name { get; set; }

    public List<Repetition> Repetitions { get; }

    /// <summary>Total number of events over all repetitions.</summary>
    public int EventCount => Repetitions.Sum(r => r.Events.Count);

    /// <summary>Number of recorded samples (ADC events).</summary>
    public int AdcCount => Repetitions.Sum(r => r.AdcCount);

    /// <summary>Scan time [s]: the sum of all event durations (pulses are instantaneous).</summary>
    public double DurationSeconds => Repetitions.Sum(r => r.DurationSeconds);

    public Sequence Clone() => new(Repetitions.Select(r => r.Clone()), Name);

    /// <summary>Checks every number a simulator would trust; throws <see cref="ArgumentException"/> naming the
    /// repetition, event and field of the first bad one.</summary>
    public void Validate()
    {
        for (int r = 0; r < Repetitions.Count; r++)
        {
            RfPulse p = Repetitions[r].Pulse;
            Require(double.IsFinite(p.FlipAngleRadians), r, -1, "flip angle", p.FlipAngleRadians);
            Require(double.IsFinite(p.PhaseRadians), r, -1, "RF phase", p.PhaseRadians);
            List<SequenceEvent> events = Repetitions[r].Events;
            for (int e = 0; e < events.Count; e++)
            {
                SequenceEvent ev = events[e];
                Require(double.IsFinite(ev.DurationSeconds) && ev.DurationSeconds >= 0, r, e, "duration (must be ≥ 0 s)", ev.DurationSeconds);
                Require(double.IsFinite(ev.GradientMomentXPerMeter), r, e, "gradient moment x", ev.GradientMomentXPerMeter);
                Require(double.IsFinite(ev.GradientMomentYPerMeter), r, e, "gradient moment y", ev.GradientMomentYPerMeter);
                Require(double.IsFinite(ev.GradientMomentZPerMeter), r, e, "gradient moment z", ev.GradientMomentZPerMeter);
                Require(double.IsFinite(ev.AdcPhaseRadians), r, e, "ADC phase", ev.AdcPhaseRadians);
            }
        }
    }

    private void Require(bool ok, int repetition, int @event, string field, double value)
    {
        if (ok) return;
        string where = @event < 0 ? $"repetition {repetition} pulse" : $"repetition {repetition} event {@event}";
        throw new ArgumentException($"Sequence '{Name}': {where}: {field} is {value}, which cannot be simulated.");
    }
}
