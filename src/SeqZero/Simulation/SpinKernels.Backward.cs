using System.Numerics;
using System.Runtime.InteropServices;

namespace SeqZero.Simulation;

/// <summary>Per-voxel sums that the backward pass turns into parameter gradients. Φ = ∂L/∂(phase of Z) and
/// Ψ = ∂L/∂(log-magnitude of Z) per isochromat: Φ = Re(conj(Λ)·iZ) = Λi·Zr − Λr·Zi, Ψ = Re(conj(Λ)·Z) = Λr·Zr + Λi·Zi.</summary>
internal readonly record struct PassSums(double Phi, double Psi, double OmegaPhi, double ZRe, double ZIm);

internal static partial class SpinKernelsBackward
{
    /// <summary>One pass backwards for one voxel. With Z = Z_p and Λ = ∂L/∂Z_p on entry: returns ΣΦ, ΣΨ, Σωⱼ·Φ, ΣZ,
    /// adds Φⱼ into <paramref name="isochromatPhi"/>, then steps back: Z ← Z·conj(b) (= Z_{p−1}, as |b| = 1) and
    /// Λ ← Λ·conj(b) (= ∂L/∂Z_{p−1} before its own direct terms).</summary>
    public static PassSums Step<T>(Span<T> zr, Span<T> zi, Span<T> lr, Span<T> li, ReadOnlySpan<T> br, ReadOnlySpan<T> bi,
        ReadOnlySpan<T> omega, Span<T> isochromatPhi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = zr.Length, i = 0;
        ref T pzr = ref MemoryMarshal.GetReference(zr), pzi = ref MemoryMarshal.GetReference(zi);
        ref T plr = ref MemoryMarshal.GetReference(lr), pli = ref MemoryMarshal.GetReference(li);
        ref T pbr = ref MemoryMarshal.GetReference(br), pbi = ref MemoryMarshal.GetReference(bi);
        ref T pw = ref MemoryMarshal.GetReference(omega), pacc = ref MemoryMarshal.GetReference(isochromatPhi);
        T phi = T.Zero, psi = T.Zero, omegaPhi = T.Zero, sumRe = T.Zero, sumIm = T.Zero;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            Vector<T> vPhi = Vector<T>.Zero, vPsi = Vector<T>.Zero, vOmegaPhi = Vector<T>.Zero, vRe = Vector<T>.Zero, vIm = Vector<T>.Zero;
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                nuint k = (nuint)i;
                Vector<T> a = Vector.LoadUnsafe(ref pzr, k), b = Vector.LoadUnsafe(ref pzi, k);
                Vector<T> c = Vector.LoadUnsafe(ref plr, k), d = Vector.LoadUnsafe(ref pli, k);
                Vector<T> cr = Vector.LoadUnsafe(ref pbr, k), ci = Vector.LoadUnsafe(ref pbi, k);
                Vector<T> f = d * a - c * b;
                vPhi += f;
                vPsi += c * a + d * b;
                vOmegaPhi += Vector.LoadUnsafe(ref pw, k) * f;
                (Vector.LoadUnsafe(ref pacc, k) + f).StoreUnsafe(ref pacc, k);
                vRe += a; vIm += b;
                // multiply by conj(b) = (cr − i·ci)
                (a * cr + b * ci).StoreUnsafe(ref pzr, k);
                (b * cr - a * ci).StoreUnsafe(ref pzi, k);
                (c * cr + d * ci).StoreUnsafe(ref plr, k);
                (d * cr - c * ci).StoreUnsafe(ref pli, k);
            }
            phi = Vector.Sum(vPhi); psi = Vector.Sum(vPsi); omegaPhi = Vector.Sum(vOmegaPhi);
            sumRe = Vector.Sum(vRe); sumIm = Vector.Sum(vIm);
        }
        for (; i < n; i++)
        {
            T a = zr[i], b = zi[i], c = lr[i], d = li[i], cr = br[i], ci = bi[i];
            T f = d * a - c * b;
            phi += f; psi += c * a + d * b; omegaPhi += omega[i] * f; isochromatPhi[i] += f;
            sumRe += a; sumIm += b;
            zr[i] = a * cr + b * ci; zi[i] = b * cr - a * ci;
            lr[i] = c * cr + d * ci; li[i] = d * cr - c * ci;
        }
        return new PassSums(double.CreateTruncating(phi), double.CreateTruncating(psi), double.CreateTruncating(omegaPhi),
            double.CreateTruncating(sumRe), double.CreateTruncating(sumIm));
    }

    /// <summary>Λ ← Λ + g for every isochromat of a voxel (a per-voxel adjoint term, e.g. from a signal sample).</summary>
    public static void AddScalar<T>(Span<T> lr, Span<T> li, T gRe, T gIm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = lr.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<T> vr = new(gRe), vi = new(gIm);
            ref T pr = ref MemoryMarshal.GetReference(lr), pi = ref MemoryMarshal.GetReference(li);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                (Vector.LoadUnsafe(ref pr, (nuint)i) + vr).StoreUnsafe(ref pr, (nuint)i);
                (Vector.LoadUnsafe(ref pi, (nuint)i) + vi).StoreUnsafe(ref pi, (nuint)i);
            }
        }
        for (; i < n; i++) { lr[i] += gRe; li[i] += gIm; }
    }

    /// <summary>(outRe + i·outIm) ← c·(inRe + i·inIm) per isochromat.</summary>
    public static void ScaleComplex<T>(ReadOnlySpan<T> inRe, ReadOnlySpan<T> inIm, Span<T> outRe, Span<T> outIm, T cRe, T cIm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < inRe.Length; i++)
        {
            T a = inRe[i], b = inIm[i];
            outRe[i] = a * cRe - b * cIm;
            outIm[i] = a * cIm + b * cRe;
        }
    }
}
