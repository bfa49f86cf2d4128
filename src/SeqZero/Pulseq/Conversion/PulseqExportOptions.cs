namespace SeqZero.Pulseq.Conversion;

/// <summary>Hardware and raster settings for <see cref="SequenceToPulseq"/> (SI units). Defaults: 40 mT/m and 170 T/m/s
/// (γ̄ = SeqZero.Physics.Gyromagnetic), 1 ms block pulses, the MATLAB Pulseq rasters.</summary>
public sealed record PulseqExportOptions
{
    public double MaxGradientHzPerMeter { get; init; } = 40e-3 * Physics.Gyromagnetic.ProtonHertzPerTesla;
    public double MaxSlewHzPerMeterPerSecond { get; init; } = 170 * Physics.Gyromagnetic.ProtonHertzPerTesla;

    /// <summary>Length of the block pulse that replaces each instantaneous rotation [s] (adds to the scan time).</summary>
    public double RfDurationSeconds { get; init; } = 1e-3;

    /// <summary>When set, every pulse becomes a slice-selective Hann-windowed sinc of <see cref="RfDurationSeconds"/> and
    /// <see cref="SincTimeBandwidth"/> under a z trapezoid of amplitude BW/thickness (BW = TBW/T), and each excitation is
    /// followed by a block rephasing the slice gradient [m]; null exports non-selective block pulses.</summary>
    public double? SliceThicknessMeters { get; init; }

    /// <summary>Time-bandwidth product of the sinc pulses (4: two zero crossings on each side of the main lobe).</summary>
    public double SincTimeBandwidth { get; init; } = 4;

    public double GradientRasterSeconds { get; init; } = Model.PulseqFile.DefaultGradientRasterSeconds;
    public double RfRasterSeconds { get; init; } = Model.PulseqFile.DefaultRfRasterSeconds;
    public double AdcRasterSeconds { get; init; } = Model.PulseqFile.DefaultAdcRasterSeconds;
    public double BlockDurationRasterSeconds { get; init; } = Model.PulseqFile.DefaultBlockDurationRasterSeconds;
}
