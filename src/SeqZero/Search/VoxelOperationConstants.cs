using System.Numerics;
using static SeqZero.Search.VectorMath;

namespace SeqZero.Search;

/// <summary>The per-voxel constants of one operation, hoisted out of the spin loop: the rotation matrix
/// R = Rz(φ)·Rx(B1·α)·Rz(−φ) (<see cref="RfRotation"/>), E1 = e^{−τ/T1}, E2 = e^{−τ/T2} and −τ (θⱼ = −ωⱼτ), as SIMD broadcasts.</summary>
internal readonly struct VoxelOperationConstants<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly bool IsRf;
    public readonly Vector<T> R00, R01, R02, R10, R11, R12, R20, R21, R22;
    public readonly Vector<T> E1, OneMinusE1, E2, MinusTau;
    /// <summary>R in double, for the gradient sums.</summary>
    public readonly RfRotation Rotation;

    /// <summary>From the operation's per-voxel scalars (<see cref="OperationScalars{T}"/>).</summary>
    public VoxelOperationConstants(in VoxelOperation op, double e1, double e2, in RfRotation r)
    {
        IsRf = op.IsRf;
        E1 = Broadcast(e1); OneMinusE1 = Broadcast(1 - e1); E2 = Broadcast(e2); MinusTau = Broadcast(-op.IdleSeconds);
        Rotation = r;
        R00 = Broadcast(r.R00); R01 = Broadcast(r.R01); R02 = Broadcast(r.R02);
        R10 = Broadcast(r.R10); R11 = Broadcast(r.R11); R12 = Broadcast(r.R12);
        R20 = Broadcast(r.R20); R21 = Broadcast(r.R21); R22 = Broadcast(r.R22);
    }

    public static Vector<T> Broadcast(double value) => new(T.CreateChecked(value));

    /// <summary>r = R·m (identity for a wait operation).</summary>
    public void Rotate(Vector<T> x, Vector<T> y, Vector<T> z, out Vector<T> rx, out Vector<T> ry, out Vector<T> rz)
    {
        if (!IsRf) { rx = x; ry = y; rz = z; return; }
        rx = MultiplyAdd(R02, z, MultiplyAdd(R01, y, R00 * x));
        ry = MultiplyAdd(R12, z, MultiplyAdd(R11, y, R10 * x));
        rz = MultiplyAdd(R22, z, MultiplyAdd(R21, y, R20 * x));
    }

    /// <summary>g ← Rᵀ·g (identity for a wait operation).</summary>
    public void RotateTransposed(ref Vector<T> gx, ref Vector<T> gy, ref Vector<T> gz)
    {
        if (!IsRf) return;
        Vector<T> x = MultiplyAdd(R20, gz, MultiplyAdd(R10, gy, R00 * gx));
        Vector<T> y = MultiplyAdd(R21, gz, MultiplyAdd(R11, gy, R01 * gx));
        gz = MultiplyAdd(R22, gz, MultiplyAdd(R12, gy, R02 * gx));
        gx = x; gy = y;
    }

    /// <summary>Free precession by θ = −ωτ (given as sin θ, cos θ) and relaxation: M⊥ ← E2·e^{iθ}·M⊥, Mz ← E1·Mz + 1 − E1.</summary>
    public void Relax(Vector<T> rx, Vector<T> ry, Vector<T> rz, Vector<T> sin, Vector<T> cos,
        out Vector<T> x, out Vector<T> y, out Vector<T> z)
    {
        x = E2 * (cos * rx - sin * ry);
        y = E2 * MultiplyAdd(sin, rx, cos * ry);
        z = MultiplyAdd(E1, rz, OneMinusE1);
    }
}
