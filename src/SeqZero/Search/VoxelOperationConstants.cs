using System.Numerics;

namespace SeqZero.Search;

/// <summary>The per-voxel constants of one operation, hoisted out of the spin loop: the rotation matrix
/// R = Rz(φ)·Rx(B1·α)·Rz(−φ), E1 = e^{−τ/T1}, E2 = e^{−τ/T2} and −τ (θⱼ = −ωⱼτ), as SIMD broadcasts.</summary>
internal readonly struct VoxelOperationConstants<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly bool IsRf;
    public readonly Vector<T> R00, R01, R02, R10, R11, R12, R20, R21, R22;
    public readonly Vector<T> E1, OneMinusE1, E2, MinusTau;
    /// <summary>cos φ and sin φ of the rotation axis (scalars in double, for the gradient sums).</summary>
    public readonly double CosPhase, SinPhase;

    public VoxelOperationConstants(in VoxelOperation op, double b1, double t1Seconds, double t2Seconds)
    {
        IsRf = op.IsRf;
        double e1 = Math.Exp(-op.IdleSeconds / t1Seconds), e2 = Math.Exp(-op.IdleSeconds / t2Seconds);
        E1 = Broadcast(e1); OneMinusE1 = Broadcast(1 - e1); E2 = Broadcast(e2); MinusTau = Broadcast(-op.IdleSeconds);
        (double s, double c) = Math.SinCos(op.PhaseRadians);
        (double sa, double ca) = Math.SinCos(op.FlipRadians * b1);
        CosPhase = c; SinPhase = s;
        // R = Rz(φ)·Rx(α)·Rz(−φ), written out; column 2 applied to (0, 0, 1) gives M⊥ = −i·sin α·e^{iφ}
        R00 = Broadcast(c * c + s * s * ca); R01 = Broadcast(c * s * (1 - ca)); R02 = Broadcast(s * sa);
        R10 = Broadcast(c * s * (1 - ca)); R11 = Broadcast(s * s + c * c * ca); R12 = Broadcast(-c * sa);
        R20 = Broadcast(-s * sa); R21 = Broadcast(c * sa); R22 = Broadcast(ca);
    }

    public static Vector<T> Broadcast(double value) => new(T.CreateChecked(value));

    /// <summary>r = R·m (identity for a wait operation).</summary>
    public void Rotate(Vector<T> x, Vector<T> y, Vector<T> z, out Vector<T> rx, out Vector<T> ry, out Vector<T> rz)
    {
        if (!IsRf) { rx = x; ry = y; rz = z; return; }
        rx = R00 * x + R01 * y + R02 * z;
        ry = R10 * x + R11 * y + R12 * z;
        rz = R20 * x + R21 * y + R22 * z;
    }

    /// <summary>g ← Rᵀ·g (identity for a wait operation).</summary>
    public void RotateTransposed(ref Vector<T> gx, ref Vector<T> gy, ref Vector<T> gz)
    {
        if (!IsRf) return;
        Vector<T> x = R00 * gx + R10 * gy + R20 * gz;
        Vector<T> y = R01 * gx + R11 * gy + R21 * gz;
        gz = R02 * gx + R12 * gy + R22 * gz;
        gx = x; gy = y;
    }

    /// <summary>Free precession by θ = −ωτ (given as sin θ, cos θ) and relaxation: M⊥ ← E2·e^{iθ}·M⊥, Mz ← E1·Mz + 1 − E1.</summary>
    public void Relax(Vector<T> rx, Vector<T> ry, Vector<T> rz, Vector<T> sin, Vector<T> cos,
        out Vector<T> x, out Vector<T> y, out Vector<T> z)
    {
        x = E2 * (cos * rx - sin * ry);
        y = E2 * (sin * rx + cos * ry);
        z = E1 * rz + OneMinusE1;
    }
}
