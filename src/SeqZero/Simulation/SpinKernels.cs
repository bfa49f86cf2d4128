using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqZero.Simulation;

/// <summary>Vectorised loops over the isochromats of one voxel (structure-of-arrays, Vector&lt;T&gt; body, scalar tail with
/// the same formula). Transverse magnetisation is held as (re, im) = (Mx, My).</summary>
internal static class SpinKernels
{
    /// <summary>Rotation m ← R·m with one 3×3 matrix for all spins (an RF pulse seen by one voxel).</summary>
    public static void Rotate<T>(Span<T> mx, Span<T> my, Span<T> mz, in Rotation3<T> r)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = mx.Length, i = 0;
        ref T x = ref MemoryMarshal.GetReference(mx), y = ref MemoryMarshal.GetReference(my), z = ref MemoryMarshal.GetReference(mz);
        if (Vector.IsHardwareAccelerated)
        {
            Vector<T> r00 = new(r.M00), r01 = new(r.M01), r02 = new(r.M02), r10 = new(r.M10), r11 = new(r.M11), r12 = new(r.M12),
                r20 = new(r.M20), r21 = new(r.M21), r22 = new(r.M22);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> vx = Vector.LoadUnsafe(ref x, (nuint)i), vy = Vector.LoadUnsafe(ref y, (nuint)i), vz = Vector.LoadUnsafe(ref z, (nuint)i);
                (r00 * vx + r01 * vy + r02 * vz).StoreUnsafe(ref x, (nuint)i);
                (r10 * vx + r11 * vy + r12 * vz).StoreUnsafe(ref y, (nuint)i);
                (r20 * vx + r21 * vy + r22 * vz).StoreUnsafe(ref z, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            T vx = mx[i], vy = my[i], vz = mz[i];
            mx[i] = r.M00 * vx + r.M01 * vy + r.M02 * vz;
            my[i] = r.M10 * vx + r.M11 * vy + r.M12 * vz;
            mz[i] = r.M20 * vx + r.M21 * vy + r.M22 * vz;
        }
    }

    /// <summary>Z ← Z·b per isochromat (complex); returns Σ Z after the update.</summary>
    public static (T Re, T Im) MultiplyAndSum<T>(Span<T> zr, Span<T> zi, ReadOnlySpan<T> br, ReadOnlySpan<T> bi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = zr.Length, i = 0;
        ref T pr = ref MemoryMarshal.GetReference(zr), pi = ref MemoryMarshal.GetReference(zi);
        ref T qr = ref MemoryMarshal.GetReference(br), qi = ref MemoryMarshal.GetReference(bi);
        T sumRe = T.Zero, sumIm = T.Zero;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            Vector<T> accRe = Vector<T>.Zero, accIm = Vector<T>.Zero;
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> a = Vector.LoadUnsafe(ref pr, (nuint)i), b = Vector.LoadUnsafe(ref pi, (nuint)i);
                Vector<T> c = Vector.LoadUnsafe(ref qr, (nuint)i), d = Vector.LoadUnsafe(ref qi, (nuint)i);
                Vector<T> re = a * c - b * d, im = a * d + b * c;
                re.StoreUnsafe(ref pr, (nuint)i);
                im.StoreUnsafe(ref pi, (nuint)i);
                accRe += re; accIm += im;
            }
            sumRe = Vector.Sum(accRe); sumIm = Vector.Sum(accIm);
        }
        for (; i < n; i++)
        {
            T a = zr[i], b = zi[i], c = br[i], d = bi[i];
            T re = a * c - b * d, im = a * d + b * c;
            zr[i] = re; zi[i] = im;
            sumRe += re; sumIm += im;
        }
        return (sumRe, sumIm);
    }

    /// <summary>Z ← Z·b per isochromat (complex).</summary>
    public static void Multiply<T>(Span<T> zr, Span<T> zi, ReadOnlySpan<T> br, ReadOnlySpan<T> bi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = zr.Length, i = 0;
        ref T pr = ref MemoryMarshal.GetReference(zr), pi = ref MemoryMarshal.GetReference(zi);
        ref T qr = ref MemoryMarshal.GetReference(br), qi = ref MemoryMarshal.GetReference(bi);
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> a = Vector.LoadUnsafe(ref pr, (nuint)i), b = Vector.LoadUnsafe(ref pi, (nuint)i);
                Vector<T> c = Vector.LoadUnsafe(ref qr, (nuint)i), d = Vector.LoadUnsafe(ref qi, (nuint)i);
                (a * c - b * d).StoreUnsafe(ref pr, (nuint)i);
                (a * d + b * c).StoreUnsafe(ref pi, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            T a = zr[i], b = zi[i], c = br[i], d = bi[i];
            zr[i] = a * c - b * d; zi[i] = a * d + b * c;
        }
    }

    /// <summary>End of a repetition for one voxel: M⊥ ← A·Z (A the voxel's accumulated factor), Mz ← 1 + (Mz − 1)·E1.</summary>
    public static void Finish<T>(Span<T> zr, Span<T> zi, Span<T> mz, T aRe, T aIm, T e1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = zr.Length, i = 0;
        ref T pr = ref MemoryMarshal.GetReference(zr), pi = ref MemoryMarshal.GetReference(zi), pz = ref MemoryMarshal.GetReference(mz);
        if (Vector.IsHardwareAccelerated)
        {
            Vector<T> c = new(aRe), d = new(aIm), ve1 = new(e1), one = Vector<T>.One;
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> a = Vector.LoadUnsafe(ref pr, (nuint)i), b = Vector.LoadUnsafe(ref pi, (nuint)i), z = Vector.LoadUnsafe(ref pz, (nuint)i);
                (a * c - b * d).StoreUnsafe(ref pr, (nuint)i);
                (a * d + b * c).StoreUnsafe(ref pi, (nuint)i);
                (one + (z - one) * ve1).StoreUnsafe(ref pz, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            T a = zr[i], b = zi[i];
            zr[i] = a * aRe - b * aIm; zi[i] = a * aIm + b * aRe;
            mz[i] = T.One + (mz[i] - T.One) * e1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(double value) where T : IFloatingPointIeee754<T> => T.CreateTruncating(value);
}

/// <summary>A 3×3 rotation matrix in the engine's precision.</summary>
internal readonly record struct Rotation3<T>(T M00, T M01, T M02, T M10, T M11, T M12, T M20, T M21, T M22)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rz(φ)·Rx(α)·Rz(−φ): rotation by α about (cos φ, sin φ, 0).</summary>
    public static Rotation3<T> AboutTransverseAxis(double alpha, double phi)
    {
        (double sp, double cp) = Math.SinCos(phi);
        (double sa, double ca) = Math.SinCos(alpha);
        double omc = 1 - ca;
        return new Rotation3<T>(
            Of(cp * cp + sp * sp * ca), Of(sp * cp * omc), Of(sp * sa),
            Of(sp * cp * omc), Of(sp * sp + cp * cp * ca), Of(-cp * sa),
            Of(-sp * sa), Of(cp * sa), Of(ca));
    }

    private static T Of(double v) => T.CreateTruncating(v);
}
