namespace SeqZero.Pulseq.Conversion;

/// <summary>Hardware and raster settings for <see cref="SequenceToPulseq"/> (SI units). Defaults: 40 mT/m and 170 T/m/s
/// (γ̄ = SeqZero.Physics.Gyromagnetic), 1 ms block pulses, the MATLAB Pulseq rasters.</summary>
public sealed record PulseqExportOptions
{
    public double MaxGradientHzPerMeter { get; init; } = 40e-3 * Physics.Gyromagnetic.ProtonHertzPerTesla;
    public double MaxSlewHzPerMeterPerSecond { get; init; } = 170 * Physics.Gyromagnetic.ProtonHertzPerTesla;

    /// <summary>Length of the block pulse that replaces each instantaneous rotation [s] (adds to the scan time).</summary>
    public double RfDurationSeconds { get; init; } = 1e-3;

    public double GradientRasterSeconds { get; init; } = Model.PulseqFile.DefaultGradientRasterSeconds;
    public double RfRasterSeconds { get; init; } = Model.PulseqFile.DefaultRfRasterSeconds;
    public double AdcRasterSeconds { get; init; } = Model.PulseqFile.DefaultAdcRasterSeconds;
    public double BlockDurationRasterSeconds { get; init; } = Model.PulseqFile.DefaultBlockDurationRasterSeconds;
}
