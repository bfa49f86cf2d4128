namespace SeqZero.Pulseq.Model;

/// <summary>Intended use of an RF pulse (1.5 'use' column; inferred from the flip angle in older files).</summary>
public enum PulseqRfUse { Undefined, Excitation, Refocusing, Inversion, Saturation, Preparation, Other }

/// <summary>[RF] row in SI units. Signal(t) = AmplitudeHz · mag(t) · exp(i·2π·phase(t)); shape ids point into [SHAPES]
/// (phase shape in cycles); time shape 0 = samples at (k+½)·RF raster, −1 = oversampled at k·raster/2 (k = 1…n),
/// otherwise times = shape · RF raster. CenterSeconds is null where the version does not store it (before 1.5).</summary>
public sealed record PulseqRfEvent(
    int Line, double AmplitudeHz, int MagnitudeShapeId, int PhaseShapeId, int TimeShapeId, double? CenterSeconds,
    double DelaySeconds, double FrequencyPpm, double PhasePpm, double FrequencyHz, double PhaseRadians, PulseqRfUse Use);

/// <summary>[GRADIENTS] row (arbitrary gradient) in SI units: waveform = AmplitudeHzPerMeter · shape; time shape 0 =
/// samples at (k+½)·gradient raster, −1 = oversampled at k·raster/2 (k = 1…n), otherwise times = shape · gradient raster.
/// First/last [Hz/m] are stored from 1.5 on (null before, then inferred by the decoder).</summary>
public sealed record PulseqGradientEvent(
    int Line, double AmplitudeHzPerMeter, double? FirstHzPerMeter, double? LastHzPerMeter, int ShapeId, int TimeShapeId,
    double DelaySeconds);

/// <summary>[TRAP] row in SI units: 0 → amplitude over rise, flat top, back to 0 over fall, after delay.</summary>
public sealed record PulseqTrapezoidEvent(
    int Line, double AmplitudeHzPerMeter, double RiseSeconds, double FlatSeconds, double FallSeconds, double DelaySeconds);

/// <summary>[ADC] row in SI units: sample k at DelaySeconds + (k+½)·DwellSeconds; PhaseShapeId (1.5) gives a per-sample
/// phase modulation [cycles] (0 = none).</summary>
public sealed record PulseqAdcEvent(
    int Line, long NumSamples, double DwellSeconds, double DelaySeconds, double FrequencyPpm, double PhasePpm,
    double FrequencyHz, double PhaseRadians, int PhaseShapeId);

/// <summary>A decompressed [SHAPES] entry (samples as written, dimensionless).</summary>
public sealed record PulseqShape(int Line, double[] Samples);
