using SeqZero.Phantoms;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Tests.Simulation;

public class IsochromatSimulatorTests
{
    // Double engine and double reference differ only in summation order and the |b| = 1 rounding.
    private const double DoubleAgreement = 1e-11;
    // Float engine: ~1e-7 per operation over a few hundred steps.
    private const double FloatAgreement = 1e-4;

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Simulate_RandomSequence_MatchesReference(int seed, bool sharedT2Prime)
    {
        Sequence sequence = TestSequences.Random(seed);
        VoxelSet voxels = TestSequences.Voxels(seed, sharedT2Prime: sharedT2Prime);
        Isochromats iso = Isochromats.Deterministic(13);
        SimulatedSignal reference = ReferenceSimulator.Simulate(sequence, voxels, iso, diffusion: true);

        SimulatedSignal fastDouble = new IsochromatSimulator<double>(iso, threads: 2, spinsPerChunk: 26, diffusion: true).Simulate(sequence, voxels);
        SimulatedSignal fastFloat = new IsochromatSimulator<float>(iso, diffusion: true).Simulate(sequence, voxels);

        Assert.True(TestSequences.RelativeError(fastDouble.Values, reference.Values) < DoubleAgreement);
        Assert.True(TestSequences.RelativeError(fastFloat.Values, reference.Values) < FloatAgreement);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SimulateAndGradient_256And512BitPaths_Agree(bool sharedT2Prime)
    {
        // 33 voxels: neither a multiple of 4 nor 8 nor 16 lanes, so padding lanes and mixed-class vectors are exercised
        Sequence sequence = TestSequences.Random(31);
        VoxelSet voxels = TestSequences.Voxels(31, count: 33, sharedT2Prime: sharedT2Prime);
        Isochromats iso = Isochromats.Deterministic(5);
        var narrow = new IsochromatSimulator<double>(iso, spinsPerChunk: 40, diffusion: true) { AllowWideVectors = false };
        var wide = new IsochromatSimulator<double>(iso, spinsPerChunk: 40, diffusion: true);
        SimulatedSignal reference = ReferenceSimulator.Simulate(sequence, voxels, iso, diffusion: true);
        SimulatedSignal a = narrow.Simulate(sequence, voxels), b = wide.Simulate(sequence, voxels);
        Assert.True(TestSequences.RelativeError(a.Values, reference.Values) < DoubleAgreement);
        Assert.True(TestSequences.RelativeError(b.Values, reference.Values) < DoubleAgreement);

        SimulationGradients ga = narrow.Gradient(sequence, voxels, a), gb = wide.Gradient(sequence, voxels, a);
        double[][] pairs = [ga.FlipAngle, gb.FlipAngle, ga.Duration, gb.Duration, ga.MomentX, gb.MomentX, ga.T2, gb.T2];
        for (int i = 0; i < pairs.Length; i += 2)
        {
            double diff = pairs[i].Zip(pairs[i + 1], (x, y) => (x - y) * (x - y)).Sum(), norm = pairs[i].Sum(x => x * x);
            Assert.True(Math.Sqrt(diff / norm) < DoubleAgreement, $"gradient pair {i / 2}");
        }
    }

    [Fact]
    public void Simulate_CancelledToken_StopsWithOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var engine = new IsochromatSimulator<float>(Isochromats.Deterministic(8));
        Assert.ThrowsAny<OperationCanceledException>(() => engine.Simulate(TestSequences.Random(1), TestSequences.Voxels(1, count: 64), cancel.Token));
    }

    [Fact]
    public void Simulate_Progress_ReportsEveryChunkUpToOne()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        new IsochromatSimulator<float>(Isochromats.Deterministic(8), spinsPerChunk: 64).Simulate(TestSequences.Random(2), TestSequences.Voxels(2, count: 100), progress: progress);
        Assert.Equal(1.0, reports.Max(), 12);
        Assert.True(reports.Count > 1);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) { lock (reports) reports.Add(value); }
    }

    [Fact]
    public void Simulate_ThreadCounts_GiveIdenticalSignal()
    {
        Sequence sequence = TestSequences.Random(7);
        VoxelSet voxels = TestSequences.Voxels(7, count: 400);
        Isochromats iso = Isochromats.Deterministic(16);
        var one = new IsochromatSimulator<float>(iso, threads: 1).Simulate(sequence, voxels);
        var two = new IsochromatSimulator<float>(iso, threads: 2).Simulate(sequence, voxels);
        Assert.Equal(one.Values, two.Values);
    }
}
