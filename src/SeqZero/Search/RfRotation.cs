namespace SeqZero.Search;

/// <summary>The rotation of an RF pulse by α [rad] about (cos φ, sin φ, 0), right-handed: R = Rz(φ)·Rx(α)·Rz(−φ),
/// written out in double. Column 2 applied to (0, 0, 1) gives M⊥ = −i·sin α·e^{iφ}.</summary>
internal readonly struct RfRotation
{
    public readonly double R00, R01, R02, R10, R11, R12, R20, R21, R22;
    /// <summary>cos φ and sin φ of the rotation axis.</summary>
    public readonly double CosPhase, SinPhase;

    /// <summary>No rotation (a wait operation).</summary>
    public static RfRotation Identity { get; } = new(0, 0);

    public RfRotation(double flipRadians, double phaseRadians)
    {
        (double s, double c) = Math.SinCos(phaseRadians);
        (double sa, double ca) = Math.SinCos(flipRadians);
        CosPhase = c; SinPhase = s;
        R00 = c * c + s * s * ca; R01 = c * s * (1 - ca); R02 = s * sa;
        R10 = c * s * (1 - ca); R11 = s * s + c * c * ca; R12 = -c * sa;
        R20 = -s * sa; R21 = c * sa; R22 = ca;
    }
}
