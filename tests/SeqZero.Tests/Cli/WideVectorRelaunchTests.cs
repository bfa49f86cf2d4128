using System.Diagnostics;
using System.Numerics;
using System.Runtime.Intrinsics;
using SeqZero.Cli;

namespace SeqZero.Tests.Cli;

/// <summary>`search`, `grid` and `bench` rerun the tool with 512-bit Vector&lt;T&gt; where the CPU has it.</summary>
public class WideVectorRelaunchTests
{
    [Theory]
    [InlineData("search", null, true, 8, true)]
    [InlineData("grid", null, true, 8, true)]
    [InlineData("bench", null, true, 8, true)]
    [InlineData("simulate", null, true, 8, false)]   // the core engine picks its width itself
    [InlineData("search", "256", true, 8, false)]    // the user's setting is kept
    [InlineData("search", null, false, 8, false)]    // no accelerated 512-bit vectors
    [InlineData("search", null, true, 16, false)]    // already wide: the child itself must not relaunch
    public void Wanted_OnlyForVectorVerbsWithTheVariableUnsetOnWideCpus(string verb, string? variable, bool wide, int lanes, bool expected) =>
        Assert.Equal(expected, WideVectorRelaunch.Wanted([verb, "exp1"], variable, wide, lanes));

    [Fact]
    public void Search_StartedWithoutTheVariable_RunsOnTheWidestLanesTheCpuAccelerates()
    {
        using var temp = new TempFolder();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { typeof(Program).Assembly.Location, "search", "exp1", "--seeds", "0", "--epochs", "1", "--voxels", "100",
                     "--batch", "100", "--eval-voxels", "10", "--spins", "16", "--out", temp.Path })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove(WideVectorRelaunch.Variable);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd(), error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
        int expected = Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector<float>.Count;
        Assert.Contains($"{expected} float lanes", output.Split('\n')[0]);
    }
}
