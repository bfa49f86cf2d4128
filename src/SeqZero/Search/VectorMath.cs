using System.Numerics;
using System.Runtime.CompilerServices;

namespace SeqZero.Search;

/// <summary>The vector operations the voxel simulator needs beyond +, −, ×, for float or double lanes: a·b + c (one
/// fused instruction where the CPU has FMA, so rounding may differ from a·b + c by one ulp), sin/cos and exp. Inlined:
/// as calls they would return through memory and make the spin loops spill their vector registers.</summary>
internal static class VectorMath
{
    /// <summary>a·b + c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> MultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector.As<float, T>(Vector.MultiplyAddEstimate(Vector.As<T, float>(a), Vector.As<T, float>(b), Vector.As<T, float>(c)));
        if (typeof(T) == typeof(double))
            return Vector.As<double, T>(Vector.MultiplyAddEstimate(Vector.As<T, double>(a), Vector.As<T, double>(b), Vector.As<T, double>(c)));
        return a * b + c;
    }

    /// <summary>e^x, System.Numerics' vectorised exp (≈ 1 ulp).</summary>
    public static Vector<T> Exp<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) return Vector.As<float, T>(Vector.Exp(Vector.As<T, float>(x)));
        if (typeof(T) == typeof(double)) return Vector.As<double, T>(Vector.Exp(Vector.As<T, double>(x)));
        throw new NotSupportedException($"Voxel simulation runs in float or double, not {typeof(T).Name}.");
    }

    /// <summary>sin and cos: <see cref="FloatSinCos"/> for float lanes, System.Numerics (≈ 1 ulp) for double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector<T> Sin, Vector<T> Cos) SinCos<T>(Vector<T> angle) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            (Vector<float> s, Vector<float> c) = FloatSinCos.SinCos(Vector.As<T, float>(angle));
            return (Vector.As<float, T>(s), Vector.As<float, T>(c));
        }
        if (typeof(T) == typeof(double))
        {
            (Vector<double> s, Vector<double> c) = Vector.SinCos(Vector.As<T, double>(angle));
            return (Vector.As<double, T>(s), Vector.As<double, T>(c));
        }
        throw new NotSupportedException($"Voxel simulation runs in float or double, not {typeof(T).Name}.");
    }
}
