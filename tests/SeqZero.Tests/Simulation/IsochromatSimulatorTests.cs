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
        SimulatedSignal reference = ReferenceSimulator.Simulate(sequence, voxels, iso);

        SimulatedSignal fastDouble = new IsochromatSimulator<double>(iso, threads: 2, spinsPerChunk: 26).Simulate(sequence, voxels);
        SimulatedSignal fastFloat = new IsochromatSimulator<float>(iso).Simulate(sequence, voxels);

        Assert.True(TestSequences.RelativeError(fastDouble.Values, reference.Values) < DoubleAgreement);
        Assert.True(TestSequences.RelativeError(fastFloat.Values, reference.Values) < FloatAgreement);
    }

    [Fact]
    public void Simulate_ThreadCounts_GiveIdenticalSignal()
    {
        Sequence sequence = TestSequences.Random(7);
        VoxelSet voxels = TestSequences.Voxels(7, count: 40);
        Isochromats iso = Isochromats.Deterministic(16);
        var one = new IsochromatSimulator<float>(iso, threads: 1, spinsPerChunk: 64).Simulate(sequence, voxels);
        var two = new IsochromatSimulator<float>(iso, threads: 1, spinsPerChunk: 64).Simulate(sequence, voxels);
        Assert.Equal(one.Values, two.Values);
    }
}
