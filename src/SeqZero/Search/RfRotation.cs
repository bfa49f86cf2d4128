namespace SeqZero.Search;

/// <summary>The rotation of an RF pulse by α [rad] about (cos φ, sin φ, 0), right-handed: R = Rz(φ)·Rx(α)·Rz(−φ),
/// written out in double. Column 2 applied to (0, 0, 1) gives M⊥ = −i·sin α·e^{iφ}.</summary>
internal readonly struct RfRotation
{
    public readonly double R00, R01, R02, R10, R11, R12, R20, R21, R22;
    /// <summary>cos φ, sin φ of the axis and cos α, sin α of the flip.</summary>
    public readonly double CosPhase, SinPhase, CosFlip, SinFlip;

    /// <summary>From cos α = <paramref name="ca"/>, sin α = <paramref name="sa"/>, cos φ = <paramref name="c"/>,
    /// sin φ = <paramref name="s"/>.</summary>
    public RfRotation(double ca, double sa, double c, double s)
    {
        CosPhase = c; SinPhase = s; CosFlip = ca; SinFlip = sa;
        R00 = c * c + s * s * ca; R01 = c * s * (1 - ca); R02 = s * sa;
        R10 = c * s * (1 - ca); R11 = s * s + c * c * ca; R12 = -c * sa;
        R20 = -s * sa; R21 = c * sa; R22 = ca;
    }

    /// <summary>Σ_ab (∂R/∂α)_ab·n_ab for the moments n_ab = Σⱼ λa·mb (a, b ∈ x, y, z, row-major).</summary>
    public double FlipDerivative(ReadOnlySpan<double> n)
    {
        double c = CosPhase, s = SinPhase, ca = CosFlip, sa = SinFlip;
        return -s * s * sa * n[0] + c * s * sa * n[1] + s * ca * n[2]
            + c * s * sa * n[3] - c * c * sa * n[4] - c * ca * n[5]
            - s * ca * n[6] + c * ca * n[7] - sa * n[8];
    }

    /// <summary>Σ_ab (∂R/∂φ)_ab·n_ab for the moments n_ab = Σⱼ λa·mb (a, b ∈ x, y, z, row-major).</summary>
    public double PhaseDerivative(ReadOnlySpan<double> n)
    {
        double c = CosPhase, s = SinPhase, ca = CosFlip, sa = SinFlip;
        double offDiagonal = (c * c - s * s) * (1 - ca), diagonal = 2 * c * s * (1 - ca);
        return -diagonal * n[0] + offDiagonal * n[1] + c * sa * n[2]
            + offDiagonal * n[3] + diagonal * n[4] + s * sa * n[5]
            - c * sa * n[6] - s * sa * n[7];
    }
}
