namespace SeqZero.Search;

/// <summary>The three-RF reference grid of objectives that null two tissues: inversion θ1, idle TI1, inversion θ2,
/// idle TI2, excitation θ3, readout after Δt3 (all phases 0). Angles in degrees, times in seconds.</summary>
public sealed record DoubleInversionGrid(GridAxis Flip1Degrees, GridAxis Flip2Degrees, GridAxis Flip3Degrees,
    GridAxis Idle1Seconds, GridAxis Idle2Seconds, GridAxis Idle3Seconds)
{
    public long Combinations => (long)Flip1Degrees.Count * Flip2Degrees.Count * Flip3Degrees.Count
        * Idle1Seconds.Count * Idle2Seconds.Count * Idle3Seconds.Count;

    /// <summary>Table IV's flip ranges in 2° steps, TI1 20 ms – 5 s in 20 ms, TI2 10 ms – 2 s in 10 ms, the readout at
    /// the search's shortest RF idle time 6.2 ms (10.8 million combinations, a Table IV grid's size).</summary>
    public static DoubleInversionGrid Default { get; } = new(new(170, 180, 2), new(170, 180, 2), new(85, 95, 2),
        new(0.02, 5.00, 0.02), new(0.01, 2.00, 0.01), new(0.0062, 0.0062, 0.001));
}
