using BenchmarkDotNet.Running;

namespace SeqZero.Benchmarks;

/// <summary>BenchmarkDotNet entry: `dotnet run -c Release --project bench/SeqZero.Benchmarks -- --filter '*'`.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
