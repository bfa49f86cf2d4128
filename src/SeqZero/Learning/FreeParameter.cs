namespace SeqZero.Learning;

/// <summary>One free number of a sequence: its kind, where it sits (repetition; event index in sequence order, −1 for
/// pulse parameters) and the transform from the optimiser variable to the physical value.</summary>
public sealed record FreeParameter(ParameterKind Kind, int Repetition, int Event, ParameterTransform Transform)
{
    /// <summary>A readable name such as "flip[r3]" or "moment_x[r3,e12]" (event numbered globally).</summary>
    public string Name => Kind switch
    {
        ParameterKind.FlipAngle => $"flip[r{Repetition}]",
        ParameterKind.RfPhase => $"rf_phase[r{Repetition}]",
        ParameterKind.EventDuration => $"duration[r{Repetition},e{Event}]",
        ParameterKind.MomentX => $"moment_x[r{Repetition},e{Event}]",
        ParameterKind.MomentY => $"moment_y[r{Repetition},e{Event}]",
        _ => $"adc_phase[r{Repetition},e{Event}]",
    };
}

/// <summary>Where an event sits, for the selection filters of <see cref="ParameterSet"/>: repetition, index inside the
/// repetition, global index in sequence order, and the event itself (read-only use).</summary>
public readonly record struct EventLocation(int Repetition, int IndexInRepetition, int GlobalIndex, Sequences.SequenceEvent Event);
