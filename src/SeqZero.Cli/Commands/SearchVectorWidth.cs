using System.Numerics;
using System.Runtime.Intrinsics;

namespace SeqZero.Cli.Commands;

/// <summary>The SIMD width of the Sequence Search's spin loops. They use <see cref="Vector{T}"/>, which the runtime keeps
/// at 256 bits even on AVX-512 CPUs unless DOTNET_MaxVectorTBitWidth=512 is set before it starts; the tool reruns itself
/// with it (<see cref="WideVectorRelaunch"/>) unless the variable is already set.</summary>
internal static class SearchVectorWidth
{
    public static int FloatLanes => Vector<float>.Count;

    /// <summary>"16 float lanes", with a hint when the CPU has wider vectors than the search uses.</summary>
    public static string Describe() =>
        Vector512.IsHardwareAccelerated && Vector<float>.Count < Vector512<float>.Count
            ? $"{FloatLanes} float lanes (this CPU has {Vector512<float>.Count}: DOTNET_MaxVectorTBitWidth=512 uses them, 1.3× faster on a Zen 5)"
            : $"{FloatLanes} float lanes";
}
