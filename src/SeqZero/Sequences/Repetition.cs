namespace SeqZero.Sequences;

/// <summary>One RF pulse at t = 0 followed by free-precession events, as in MRzero.</summary>
public sealed class Repetition
{
    public Repetition(RfPulse pulse, IEnumerable<SequenceEvent> events)
    {
        Pulse = pulse;
        Events = [.. events];
    }

    public RfPulse Pulse { get; set; }

    public List<SequenceEvent> Events { get; }

    /// <summary>Σ event durations [s].</summary>
    public double DurationSeconds => Events.Sum(e => e.DurationSeconds);

    public int AdcCount => Events.Count(e => e.AdcOn);

    public Repetition Clone() => new(Pulse.Clone(), Events.Select(e => e.Clone()));
}
