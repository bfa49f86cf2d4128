namespace SeqZero.Learning;

/// <summary>Which sequence number a free parameter stands for, with its physical unit.</summary>
public enum ParameterKind
{
    /// <summary>Flip angle α of a repetition's pulse [rad].</summary>
    FlipAngle,
    /// <summary>Phase φ of a repetition's pulse [rad].</summary>
    RfPhase,
    /// <summary>Duration of an event [s].</summary>
    EventDuration,
    /// <summary>Gradient moment x of an event [cycles/m].</summary>
    MomentX,
    /// <summary>Gradient moment y of an event [cycles/m].</summary>
    MomentY,
    /// <summary>Receiver phase of an ADC event [rad].</summary>
    AdcPhase,
}
