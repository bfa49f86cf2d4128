using System.Numerics;
using System.Runtime.Intrinsics;
using SeqZero.Phantoms;
using SeqZero.Sequences;

namespace SeqZero.Simulation;

/// <summary>The fast isochromat engine: same physics as <see cref="ReferenceSimulator"/>, in precision T (float for
/// speed, double for gradient checks), with the exact gradient of any scalar loss of the signal.
/// Voxels are split into chunks that each run through the whole sequence on one core while their spins stay in cache;
/// chunk results are summed in a fixed order, so results do not depend on thread timing.</summary>
public sealed class IsochromatSimulator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Spins per chunk: 3 state arrays of this many values stay within a core's L2 cache.</summary>
    public const int DefaultSpinsPerChunk = 8192;

    /// <summary>Chunks to aim for at least (a few per core on small machines), for load balance.</summary>
    private const int MinimumChunks = 8;

    public IsochromatSimulator(Isochromats isochromats, int? threads = null, int spinsPerChunk = DefaultSpinsPerChunk,
        bool perfectSpoiling = false, bool diffusion = false)
    {
        Isochromats = isochromats;
        PerfectSpoiling = perfectSpoiling;
        SimulatesDiffusion = diffusion;
        Threads = threads ?? Environment.ProcessorCount;
        if (Threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread is needed.");
        if (spinsPerChunk < 1) throw new ArgumentOutOfRangeException(nameof(spinsPerChunk), spinsPerChunk, "Must be ≥ 1.");
        SpinsPerChunk = spinsPerChunk;
    }

    public Isochromats Isochromats { get; }
    public int Threads { get; }
    public int SpinsPerChunk { get; }

    /// <summary>Zero all transverse magnetisation just before every excitation pulse (MRzero's perfect_spoiling):
    /// the ideal-spoiling limit of a spoiled gradient echo, independent of the isochromat count.</summary>
    public bool PerfectSpoiling { get; }

    /// <summary>Attenuate M⊥ by e^{−D·b} along the k-space trajectory (<see cref="DiffusionWeighting"/>) for voxels with D &gt; 0.
    /// Off by default, as in MRzero-Core, Koma and JEMRIS's isochromat models: it costs one exponential per voxel and pass.</summary>
    public bool SimulatesDiffusion { get; }

    /// <summary>Use 512-bit vectors where the CPU has them (default); false forces the 256-bit path (tests run both).</summary>
    internal bool AllowWideVectors { get; init; } = true;

    private bool Wide => AllowWideVectors && Vector512.IsHardwareAccelerated;

    /// <summary>Simulates the received signal of <paramref name="voxels"/> under <paramref name="sequence"/>.</summary>
    /// <param name="progress">Receives the fraction of voxels done (0 … 1) after each chunk.</param>
    /// <param name="cancel">Stops between chunks with <see cref="OperationCanceledException"/>.</param>
    public SimulatedSignal Simulate(Sequence sequence, VoxelSet voxels, CancellationToken cancel = default, IProgress<double>? progress = null) =>
        Wide
            ? Simulate<Simd512<T>>(sequence, voxels, cancel, progress)
            : Simulate<Simd256<T>>(sequence, voxels, cancel, progress);

    private SimulatedSignal Simulate<TV>(Sequence sequence, VoxelSet voxels, CancellationToken cancel, IProgress<double>? progress)
        where TV : struct, ISimd<TV, T>
    {
        var setup = new EngineSetup<T>(sequence, voxels, Isochromats, PerfectSpoiling, SimulatesDiffusion);
        int length = setup.Sequence.SampleCount * setup.CoilCount;
        (int chunkVoxels, int chunks) = Partition(voxels.Count, TV.Count);
        var partialRe = new double[chunks][];
        var partialIm = new double[chunks][];
        int done = 0;
        Parallel.For(0, chunks, Options(cancel), () => new ChunkWorkspace<T, TV>(setup, chunkVoxels, forGradients: false),
            (k, _, workspace) =>
            {
                partialRe[k] = new double[length];
                partialIm[k] = new double[length];
                int first = k * chunkVoxels;
                workspace.Forward(first, Math.Min(chunkVoxels, voxels.Count - first), partialRe[k], partialIm[k]);
                progress?.Report((double)Interlocked.Increment(ref done) / chunks);
                return workspace;
            }, _ => { });

        var signal = new SimulatedSignal(setup.Sequence.SampleCount, setup.CoilCount);
        for (int k = 0; k < chunks; k++)
        for (int i = 0; i < length; i++)
            signal.Values[i] += new Complex(partialRe[k][i], partialIm[k][i]);
        return signal;
    }

    /// <summary>∂L/∂(sequence parameters and voxel maps) given ∂L/∂s as ∂L/∂Re s + i·∂L/∂Im s per sample and coil
    /// (the layout of <see cref="SimulatedSignal"/>). Recomputes the forward pass chunk by chunk.</summary>
    public SimulationGradients Gradient(Sequence sequence, VoxelSet voxels, SimulatedSignal signalAdjoint, CancellationToken cancel = default,
        IProgress<double>? progress = null) =>
        Wide
            ? Gradient<Simd512<T>>(sequence, voxels, signalAdjoint, cancel, progress)
            : Gradient<Simd256<T>>(sequence, voxels, signalAdjoint, cancel, progress);

    private SimulationGradients Gradient<TV>(Sequence sequence, VoxelSet voxels, SimulatedSignal signalAdjoint, CancellationToken cancel,
        IProgress<double>? progress) where TV : struct, ISimd<TV, T>
    {
        var setup = new EngineSetup<T>(sequence, voxels, Isochromats, PerfectSpoiling, SimulatesDiffusion);
        CompiledSequence seq = setup.Sequence;
        if (signalAdjoint.SampleCount != seq.SampleCount || signalAdjoint.CoilCount != setup.CoilCount)
            throw new ArgumentException($"Signal adjoint has {signalAdjoint.SampleCount}×{signalAdjoint.CoilCount} values; the sequence records {seq.SampleCount} samples × {setup.CoilCount} coils.", nameof(signalAdjoint));
        double[] adjointRe = [.. signalAdjoint.Values.Select(c => c.Real)];
        double[] adjointIm = [.. signalAdjoint.Values.Select(c => c.Imaginary)];
        var result = new SimulationGradients(seq.RepetitionCount, seq.EventCount, voxels.Count);
        (int chunkVoxels, int chunks) = Partition(voxels.Count, TV.Count);
        var partials = new PassGradients[chunks];
        int done = 0;
        Parallel.For(0, chunks, Options(cancel), () => new ChunkWorkspace<T, TV>(setup, chunkVoxels, forGradients: true),
            (k, _, workspace) =>
            {
                partials[k] = new PassGradients(seq.Passes.Length, seq.RepetitionCount);
                int first = k * chunkVoxels;
                workspace.Backward(first, Math.Min(chunkVoxels, voxels.Count - first), adjointRe, adjointIm, partials[k], result);
                progress?.Report((double)Interlocked.Increment(ref done) / chunks);
                return workspace;
            }, _ => { });

        // reduce in chunk order, then spread each pass over the events it merged
        var total = new PassGradients(seq.Passes.Length, seq.RepetitionCount);
        foreach (PassGradients part in partials)
        {
            for (int p = 0; p < seq.Passes.Length; p++)
            {
                total.Duration[p] += part.Duration[p]; total.MomentX[p] += part.MomentX[p]; total.MomentY[p] += part.MomentY[p];
                total.MomentZ[p] += part.MomentZ[p]; total.AdcPhase[p] += part.AdcPhase[p]; total.DiffusionB[p] += part.DiffusionB[p];
            }
            for (int r = 0; r < seq.RepetitionCount; r++) { total.FlipAngle[r] += part.FlipAngle[r]; total.Phase[r] += part.Phase[r]; }
        }
        Array.Copy(total.FlipAngle, result.FlipAngle, seq.RepetitionCount);
        Array.Copy(total.Phase, result.Phase, seq.RepetitionCount);
        for (int p = 0; p < seq.Passes.Length; p++)
        {
            Pass pass = seq.Passes[p];
            for (int e = pass.FirstEvent; e < pass.FirstEvent + pass.EventCount; e++)
            {
                result.Duration[e] = total.Duration[p];
                result.MomentX[e] = total.MomentX[p]; result.MomentY[e] = total.MomentY[p]; result.MomentZ[e] = total.MomentZ[p];
            }
            if (pass.IsSample) result.AdcPhase[pass.FirstEvent + pass.EventCount - 1] = total.AdcPhase[p];
        }
        setup.Diffusion?.Backward(total.DiffusionB, result);
        return result;
    }

    /// <summary>Voxels per chunk and chunk count: about <see cref="SpinsPerChunk"/> spins each, but at least
    /// <see cref="MinimumChunks"/> chunks when there are enough voxels, so the cores stay busy to the end. The partition
    /// does not depend on the thread count, so neither does the order of the sums: results are bit-identical for any
    /// number of threads.</summary>
    private (int ChunkVoxels, int Chunks) Partition(int voxelCount, int width)
    {
        int byCache = Math.Max(1, SpinsPerChunk / Isochromats.Count);
        int byBalance = Math.Max(1, (voxelCount + MinimumChunks - 1) / MinimumChunks);
        // whole SIMD vectors per chunk: no padding lanes but in the last chunk
        int chunkVoxels = Math.Max(width, Math.Min(byCache, byBalance) / width * width);
        return (chunkVoxels, voxelCount == 0 ? 0 : (voxelCount + chunkVoxels - 1) / chunkVoxels);
    }

    private ParallelOptions Options(CancellationToken cancel) => new() { MaxDegreeOfParallelism = Threads, CancellationToken = cancel };
}
