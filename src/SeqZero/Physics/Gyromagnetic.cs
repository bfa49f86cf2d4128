namespace SeqZero.Physics;

/// <summary>The one gyromagnetic ratio used everywhere in SeqZero.</summary>
public static class Gyromagnetic
{
    /// <summary>γ̄ of ¹H = γ/2π = 42.577478461 MHz/T (CODATA 2018, shielded proton in water would be 42.5764; we use the
    /// free-proton value as Pulseq MATLAB does). Converts T/m to Hz/m: G[Hz/m] = γ̄ · G[T/m].</summary>
    public const double ProtonHertzPerTesla = 42.577478461e6;
}
