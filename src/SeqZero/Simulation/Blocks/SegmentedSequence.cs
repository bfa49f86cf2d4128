using System.Numerics;

namespace SeqZero.Simulation.Blocks;

/// <summary>A sequence as consecutive <see cref="TimeSegment"/>s: what the block engine runs. Built from a Pulseq file
/// (waveforms split at every breakpoint, RF raster point and ADC sample) or directly with the helpers below.</summary>
public sealed class SegmentedSequence
{
    private readonly List<TimeSegment> _segments = [];

    public IReadOnlyList<TimeSegment> Segments => _segments;
    public int SampleCount { get; private set; }
    public double DurationSeconds { get; private set; }

    public SegmentedSequence Add(TimeSegment segment)
    {
        if (!(segment.DurationSeconds >= 0) || !double.IsFinite(segment.DurationSeconds))
            throw new ArgumentOutOfRangeException(nameof(segment), segment.DurationSeconds, $"Segment {_segments.Count}: duration must be ≥ 0 s.");
        _segments.Add(segment);
        DurationSeconds += segment.DurationSeconds;
        if (segment.Sample) SampleCount++;
        return this;
    }

    /// <summary>A rectangular pulse of flip α about the axis at φ, in <paramref name="steps"/> raster steps:
    /// γ̄B1 = α/(2π·T), under a constant gradient of total moment g.</summary>
    public SegmentedSequence HardPulse(double durationSeconds, double flipRadians, double phaseRadians, int steps = 1,
        double momentX = 0, double momentY = 0, double momentZ = 0)
    {
        Complex b1 = Complex.FromPolarCoordinates(flipRadians / (2 * Math.PI * durationSeconds), phaseRadians);
        for (int i = 0; i < steps; i++)
            Add(new TimeSegment(durationSeconds / steps, b1, momentX / steps, momentY / steps, momentZ / steps));
        return this;
    }

    /// <summary>A Hann-windowed sinc pulse of time-bandwidth product <paramref name="timeBandwidth"/> (bandwidth =
    /// TBW/T), flip α (Σ 2π·γ̄B1·Δt = α), under a constant slice-select gradient adding <paramref name="momentZ"/>.</summary>
    public SegmentedSequence SincPulse(double durationSeconds, double flipRadians, double phaseRadians, double timeBandwidth, int steps,
        double momentZ)
    {
        double[] shape = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            double t = (i + 0.5) / steps - 0.5; // centre of the raster step, in units of the duration
            double x = timeBandwidth * t;
            double sinc = x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
            shape[i] = sinc * (0.5 + 0.5 * Math.Cos(2 * Math.PI * t));
        }
        double dt = durationSeconds / steps, area = shape.Sum() * dt;
        for (int i = 0; i < steps; i++)
        {
            double amplitude = flipRadians / (2 * Math.PI * area) * shape[i];
            Add(new TimeSegment(dt, Complex.FromPolarCoordinates(amplitude, phaseRadians), 0, 0, momentZ / steps));
        }
        return this;
    }

    /// <summary>Free precession (no RF) for a duration, adding a gradient moment.</summary>
    public SegmentedSequence Free(double durationSeconds, double momentX = 0, double momentY = 0, double momentZ = 0, bool sample = false,
        double adcPhaseRadians = 0) =>
        Add(new TimeSegment(durationSeconds, Complex.Zero, momentX, momentY, momentZ, sample, adcPhaseRadians));
}
