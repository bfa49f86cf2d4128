namespace SeqZero.Sequences.Builders;

/// <summary>Quadratic RF spoiling (Zur et al. 1991): the n-th pulse has phase φ_n = ½·inc·(n² + n + 2), wrapped to
/// [0, 2π). With inc = 117° the steady state approaches ideal spoiling.</summary>
public static class RfSpoiling
{
    public static double Phase(int pulseIndex, double incrementDegrees)
    {
        double degrees = 0.5 * incrementDegrees * ((double)pulseIndex * pulseIndex + pulseIndex + 2);
        double radians = BuilderGuards.Radians(degrees % 360.0);
        return radians < 0 ? radians + 2 * Math.PI : radians;
    }
}
