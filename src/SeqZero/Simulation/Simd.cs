using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SeqZero.Simulation;

/// <summary>The few vector operations the engine needs, over a vector type chosen at run time (512-bit where AVX-512 is
/// present, 256-bit otherwise). Vector&lt;T&gt; is fixed at 256 bits by the runtime, so the width is a type parameter:
/// the JIT compiles one specialised copy of the engine per width, with every call inlined.</summary>
internal interface ISimd<TSelf, T>
    where TSelf : struct, ISimd<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    static abstract int Count { get; }
    static abstract TSelf Zero { get; }
    static abstract TSelf One { get; }
    static abstract TSelf Create(T value);
    static abstract TSelf Load(T[] array, long index);
    static abstract void Store(TSelf value, T[] array, long index);
    static abstract T Sum(TSelf value);
    static abstract T Lane(TSelf value, int lane);
    static abstract TSelf operator +(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a, TSelf b);
    static abstract TSelf operator *(TSelf a, TSelf b);
}

/// <summary>256-bit lanes (AVX2; software fallback when SIMD is off).</summary>
internal readonly struct Simd256<T>(Vector256<T> value) : ISimd<Simd256<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _value = value;
    public static int Count => Vector256<T>.Count;
    public static Simd256<T> Zero => new(Vector256<T>.Zero);
    public static Simd256<T> One => new(Vector256<T>.One);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256<T> Create(T value) => new(Vector256.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256<T> Load(T[] array, long index) => new(Vector256.LoadUnsafe(ref array[0], (nuint)index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Simd256<T> value, T[] array, long index) => value._value.StoreUnsafe(ref array[0], (nuint)index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Sum(Simd256<T> value) => Vector256.Sum(value._value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Lane(Simd256<T> value, int lane) => value._value.GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256<T> operator +(Simd256<T> a, Simd256<T> b) => new(a._value + b._value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256<T> operator -(Simd256<T> a, Simd256<T> b) => new(a._value - b._value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256<T> operator *(Simd256<T> a, Simd256<T> b) => new(a._value * b._value);
}

/// <summary>512-bit lanes (AVX-512).</summary>
internal readonly struct Simd512<T>(Vector512<T> value) : ISimd<Simd512<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector512<T> _value = value;
    public static int Count => Vector512<T>.Count;
    public static Simd512<T> Zero => new(Vector512<T>.Zero);
    public static Simd512<T> One => new(Vector512<T>.One);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512<T> Create(T value) => new(Vector512.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512<T> Load(T[] array, long index) => new(Vector512.LoadUnsafe(ref array[0], (nuint)index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Simd512<T> value, T[] array, long index) => value._value.StoreUnsafe(ref array[0], (nuint)index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Sum(Simd512<T> value) => Vector512.Sum(value._value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Lane(Simd512<T> value, int lane) => value._value.GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512<T> operator +(Simd512<T> a, Simd512<T> b) => new(a._value + b._value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512<T> operator -(Simd512<T> a, Simd512<T> b) => new(a._value - b._value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512<T> operator *(Simd512<T> a, Simd512<T> b) => new(a._value * b._value);
}
