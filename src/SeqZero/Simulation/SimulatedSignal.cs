using System.Numerics;

namespace SeqZero.Simulation;

/// <summary>Received signal: one complex value per ADC sample (acquisition order) and coil, stored sample-major
/// (index = sample·CoilCount + coil). Scale: Σ over voxels and isochromats of PD·coil·M⊥/S, so a fully excited voxel of
/// PD 1 gives |s| = 1.</summary>
public sealed class SimulatedSignal(int sampleCount, int coilCount)
{
    public int SampleCount { get; } = sampleCount;
    public int CoilCount { get; } = coilCount;
    public Complex[] Values { get; } = new Complex[sampleCount * coilCount];

    public Complex this[int sample, int coil]
    {
        get => Values[sample * CoilCount + coil];
        set => Values[sample * CoilCount + coil] = value;
    }

    /// <summary>The samples of one coil.</summary>
    public Complex[] Coil(int coil)
    {
        var result = new Complex[SampleCount];
        for (int s = 0; s < SampleCount; s++) result[s] = this[s, coil];
        return result;
    }
}
