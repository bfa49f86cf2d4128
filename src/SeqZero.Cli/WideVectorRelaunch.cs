using System.ComponentModel;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SeqZero.Cli;

/// <summary>The Sequence Search's spin loops use <see cref="Vector{T}"/>, which the runtime keeps at 256 bits on AVX-512
/// CPUs unless DOTNET_MaxVectorTBitWidth is set before it starts; neither the program nor runtimeconfig.json can set it
/// (tried: the configProperties knob is ignored). So `search`, `grid` and `bench` start the tool once more with the
/// variable at 512 when the CPU accelerates 512-bit vectors and the variable is unset: an exp1 search epoch is 1.27×
/// faster on a Zen 5. A variable already set (e.g. to 256) is the user's choice and is kept.</summary>
internal static class WideVectorRelaunch
{
    public const string Variable = "DOTNET_MaxVectorTBitWidth";

    /// <summary>The verbs whose work runs on Vector&lt;T&gt; (the core engine picks its width itself).</summary>
    private static readonly string[] VectorVerbs = ["search", "grid", "bench"];

    /// <summary>True when the tool should rerun itself with 512-bit Vector&lt;T&gt;.</summary>
    public static bool Wanted(string[] args, string? variable, bool wideVectorsAccelerated, int floatLanes) =>
        args.Length > 0 && VectorVerbs.Contains(args[0]) && variable is null
        && wideVectorsAccelerated && floatLanes < Vector512<float>.Count;

    public static bool WantedHere(string[] args) =>
        Wanted(args, Environment.GetEnvironmentVariable(Variable), Vector512.IsHardwareAccelerated, Vector<float>.Count);

    /// <summary>Runs the tool with the same arguments and standard streams and the variable at 512; returns its exit
    /// code, or null when the child cannot be started (the caller then runs in this process, at 256 bits). Ctrl+C
    /// reaches the whole process group, so the child stops itself as usual (keeping finished seeds) while this process
    /// waits; SIGTERM ends the child, as it would end this process.</summary>
    public static int? TryRun(string[] args)
    {
        if (Environment.ProcessPath is not { } host) return null;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (string argument in args) start.ArgumentList.Add(argument);
        start.Environment[Variable] = "512";
        Process? started;
        try { started = Process.Start(start); }
        catch (Win32Exception) { return null; }
        if (started is null) return null;
        using Process child = started;
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => child.Kill(entireProcessTree: true));
        child.WaitForExit();
        return child.ExitCode;
    }
}
