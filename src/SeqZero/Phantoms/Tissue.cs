namespace SeqZero.Phantoms;

/// <summary>Relaxation and density of one tissue at 3 T.</summary>
public sealed record Tissue(string Name, double ProtonDensity, double T1Seconds, double T2Seconds, double T2PrimeSeconds,
    double DiffusionSquareMetersPerSecond)
{
    // Mean values of Table I of the Sequence Search paper (adapted there from the 3 T literature); D from typical ADCs.
    public static Tissue GrayMatter { get; } = new("GM", 0.8, 1.331, 0.110, 0.170, 0.8e-9);
    public static Tissue WhiteMatter { get; } = new("WM", 0.7, 0.832, 0.080, 0.161, 0.7e-9);
    public static Tissue Csf { get; } = new("CSF", 1.0, 4.000, 2.000, 6.000, 3.0e-9);
}
