namespace SeqZero.Pulseq.Model;

/// <summary>[EXTENSIONS] list row: extension of type <see cref="TypeId"/> (declared by an "extension NAME id" header)
/// referring to row <see cref="RefId"/> of that extension's table; <see cref="NextId"/> continues the list (0 ends it).</summary>
public readonly record struct PulseqExtensionLink(int Line, int TypeId, int RefId, int NextId);

/// <summary>LABELSET / LABELINC row: set the counter or flag <see cref="Label"/> to, or increment it by, <see cref="Value"/>.</summary>
public sealed record PulseqLabel(int Line, int Value, string Label);

/// <summary>TRIGGERS row: trigger type and channel, delay and duration in seconds.</summary>
public sealed record PulseqTrigger(int Line, int Type, int Channel, double DelaySeconds, double DurationSeconds);

/// <summary>ROTATIONS row: rotation of the block's gradients as a unit quaternion (W, X, Y, Z).</summary>
public sealed record PulseqRotation(int Line, double W, double X, double Y, double Z);

/// <summary>RF_SHIMS row: per transmit channel magnitude (relative) and phase [rad].</summary>
public sealed record PulseqRfShim(int Line, double[] Magnitudes, double[] PhasesRadians);

/// <summary>Soft delay ("extension DELAYS") row: block duration = OffsetSeconds + value/Factor for the user value
/// numbered <see cref="NumericId"/> and named <see cref="Hint"/>.</summary>
public sealed record PulseqSoftDelay(int Line, int NumericId, double OffsetSeconds, double Factor, string Hint);

/// <summary>Row of an extension this reader does not interpret: kept verbatim (tokens after the id).</summary>
public sealed record PulseqUnknownExtensionRow(int Line, string[] Tokens);
