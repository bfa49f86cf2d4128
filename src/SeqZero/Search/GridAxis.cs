namespace SeqZero.Search;

/// <summary>An evenly spaced grid axis from <see cref="First"/> to <see cref="Last"/> (inclusive) in steps of
/// <see cref="Step"/>, in the axis' unit (degrees for angles, seconds for times).</summary>
public readonly record struct GridAxis(double First, double Last, double Step)
{
    /// <summary>Number of points: ⌊(Last − First)/Step⌉ + 1 (rounded, so 6.2 … 7.2 in steps of 0.1 ms has 11 points).</summary>
    public int Count => (int)Math.Round((Last - First) / Step) + 1;

    public double this[int i] => First + i * Step;

    public double[] Values()
    {
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++) values[i] = this[i];
        return values;
    }

    /// <summary>The values of an angle axis in degrees, in radians.</summary>
    public double[] RadiansOfDegrees() => [.. Values().Select(d => d * Math.PI / 180)];
}

/// <summary>The two-RF grid of Table IV: RF1 (θ1, phase 0) idle Δt1, RF2 (θ2, φ2) idle Δt2, readout at the end.
/// Angles in degrees, times in seconds.</summary>
public sealed record TwoPulseGrid(GridAxis Flip1Degrees, GridAxis Flip2Degrees, GridAxis Phase2Degrees, GridAxis Idle1Seconds, GridAxis Idle2Seconds)
{
    public long Combinations => (long)Flip1Degrees.Count * Flip2Degrees.Count * Phase2Degrees.Count * Idle1Seconds.Count * Idle2Seconds.Count;

    // Table IV of the paper (steps: 1° for flips, 1° or 5° for the phase, 0.1 ms / 0.5 ms / 10 ms / 1 ms for times)
    public static TwoPulseGrid Experiment1 { get; } = new(new(85, 95, 1), new(170, 180, 1), new(0, 180, 1),
        new(0.0062, 0.0072, 0.0001), new(0.0062, 0.0072, 0.0001));
    public static TwoPulseGrid Experiment2 { get; } = new(new(85, 95, 1), new(170, 180, 1), new(0, 180, 1),
        new(0.015, 0.025, 0.0005), new(0.015, 0.025, 0.0005));
    public static TwoPulseGrid Experiment3 { get; } = new(new(170, 180, 1), new(85, 95, 1), new(0, 180, 5),
        new(2.78, 3.80, 0.01), new(0.0062, 0.0112, 0.001));

    // the reference grids of the custom objective: Table IV's flip ranges, phase in 5° steps, wider times (9.1 and
    // 13.4 million combinations, a Table IV grid's size)
    public static TwoPulseGrid SpinEcho { get; } = new(new(85, 95, 1), new(170, 180, 1), new(0, 180, 5),
        new(0.0062, 0.0502, 0.001), new(0.0062, 0.0502, 0.001));
    public static TwoPulseGrid InversionRecovery { get; } = new(new(170, 180, 1), new(85, 95, 1), new(0, 180, 5),
        new(0.01, 5.00, 0.01), new(0.0062, 0.0112, 0.001));
}
