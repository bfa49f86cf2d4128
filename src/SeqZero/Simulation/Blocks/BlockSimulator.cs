using System.Numerics;
using SeqZero.Phantoms.Loaders;

namespace SeqZero.Simulation.Blocks;

/// <summary>The time-resolved engine for real waveforms: every spin (an arbitrary point, as in JEMRIS and Koma phantoms)
/// is rotated segment by segment about its effective field Ω = (2π·Re γ̄B1, 2π·Im γ̄B1, −2π(G·r + ΔB0)) [rad/s] — exact
/// for piecewise-constant fields — then relaxed (M⊥·E2, Mz ← 1 + (Mz − 1)·E1, m normalised to equilibrium 1). Free
/// segments need only the phase −2π(g·r + ΔB0·τ), exact for any gradient shape within the segment. Samples are
/// s_c = e^{iφ_ADC}·Σ PD·coil_c·M⊥ at the end of sampling segments. Spins are split into chunks run in parallel, summed in
/// chunk order (the same result for any thread count). State in precision T (float for speed, double for references).</summary>
public sealed class BlockSimulator<T>(int? threads = null, int spinsPerChunk = 4096) where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Threads { get; } = threads ?? Environment.ProcessorCount;

    public SimulatedSignal Simulate(SegmentedSequence sequence, SpinPhantom spins, CancellationToken cancel = default, IProgress<double>? progress = null)
    {
        spins.Validate();
        int coils = spins.CoilCount, length = sequence.SampleCount * coils;
        int chunks = Math.Max(1, (spins.Count + spinsPerChunk - 1) / spinsPerChunk);
        var partialRe = new double[chunks][];
        var partialIm = new double[chunks][];
        int done = 0;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancel },
            () => new BlockChunk<T>(spinsPerChunk, coils),
            (k, _, chunk) =>
            {
                int first = k * spinsPerChunk;
                partialRe[k] = new double[length];
                partialIm[k] = new double[length];
                chunk.Run(sequence, spins, first, Math.Min(spinsPerChunk, spins.Count - first), partialRe[k], partialIm[k]);
                progress?.Report((double)Interlocked.Increment(ref done) / chunks);
                return chunk;
            }, _ => { });

        var signal = new SimulatedSignal(sequence.SampleCount, coils);
        for (int k = 0; k < chunks; k++)
            for (int i = 0; i < length; i++)
                signal.Values[i] += new Complex(partialRe[k][i], partialIm[k][i]);
        return signal;
    }
}
