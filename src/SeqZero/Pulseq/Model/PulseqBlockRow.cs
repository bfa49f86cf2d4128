namespace SeqZero.Pulseq.Model;

/// <summary>One row of [BLOCKS]: event ids per channel (0 = none). From 1.4 on, the duration is stored in units of
/// BlockDurationRaster (<see cref="DurationRasterUnits"/>); 1.2/1.3 store a [DELAYS] id instead (<see cref="DelayId"/>)
/// and the duration is the longest event. <see cref="Line"/> is the file line (text) or the row's byte offset (binary), for
/// error messages.</summary>
public readonly record struct PulseqBlockRow(
    int Line, long DurationRasterUnits, int DelayId, int RfId, int GxId, int GyId, int GzId, int AdcId, int ExtensionId)
{
    /// <summary>The gradient id on axis 0 = x, 1 = y, 2 = z.</summary>
    public int GradientId(int axis) => axis switch { 0 => GxId, 1 => GyId, 2 => GzId, _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2.") };
}
