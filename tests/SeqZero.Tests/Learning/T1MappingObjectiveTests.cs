using SeqZero.Learning;
using SeqZero.Learning.Losses;
using SeqZero.Learning.Networks;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Tests.Learning;

public class T1MappingObjectiveTests
{
    private const int Matrix = 4;
    private const int Blocks = 2;

    private static (T1MappingObjective<double> Objective, double[] U) Build(string network = "mlp")
    {
        Sequence template = InversionFlash.Build(new InversionFlashOptions { Matrix = Matrix, InversionTimesSeconds = [0.2, 0.8], RecoverySeconds = 0.5 });
        var parameters = new ParameterSet(template)
            .AddEventDurations(1e-4, 1.0, e => template.Repetitions[e.Repetition].Pulse.Usage == PulseUsage.Inversion && e.IndexInRepetition == 0)
            .AddFlipAngles(ParameterTransform.Linear(0.1), r => template.Repetitions[r].Pulse.Usage == PulseUsage.Excitation);
        VoxelPhantom brain = BuiltInPhantoms.Brain(Matrix);
        int[] mask = [.. Enumerable.Range(0, brain.VoxelCount).Where(i => brain.ProtonDensity[i] != 0)];
        IPixelNetwork net = network == "cnn"
            ? new ImageCnn(Matrix, Matrix, [2 * Blocks, 3, 1], [3, 3], ActivationKind.Gelu)
            : new PixelMlp([2 * Blocks, 5, 1], ActivationKind.Gelu);
        var objective = new T1MappingObjective<double>(parameters, new IsochromatSimulator<double>(Isochromats.Deterministic(2), threads: 1, perfectSpoiling: true),
            VoxelSet.FromPhantom(brain), ImageGrid.Square(Matrix, 0.2), Blocks, net, new MapErrorLoss(brain.T1Seconds, mask), 1e-3, 1.0);
        double[] u = new double[objective.Dimension];
        double[] packed = parameters.Pack(template);
        packed.CopyTo(u, 0);
        net.Initialize(u.AsSpan(parameters.Count), seed: 3);
        return (objective, u);
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("cnn")]
    public void Evaluate_RandomNetworkAndTimes_GradientMatchesCentralDifference(string network)
    {
        (T1MappingObjective<double> objective, double[] u) = Build(network);
        double[] gradient = new double[u.Length];
        objective.Evaluate(u, gradient);
        double scale = gradient.Max(Math.Abs);
        double Loss(double[] p) => objective.Evaluate(p, new double[p.Length]).Total;
        // all sequence parameters, then every fourth network weight
        int s = objective.SequenceParameters.Count;
        foreach (int i in Enumerable.Range(0, s).Concat(Enumerable.Range(s, u.Length - s).Where(i => i % 4 == 0)))
        {
            double numeric = GradientCheck.Central(Loss, u, i);
            Assert.True(GradientCheck.Relative(gradient[i], numeric, scale) < GradientCheck.RelativeTolerance, $"parameter {i}: {gradient[i]:E6} vs {numeric:E6}");
        }
    }

    [Fact]
    public void Map_Output_IsPositiveT1PerPixel()
    {
        (T1MappingObjective<double> objective, double[] u) = Build();
        double[] map = objective.Map(u);
        Assert.Equal(Matrix * Matrix, map.Length);
        Assert.All(map, t1 => Assert.True(t1 > 0));
    }

    [Fact]
    public void Constructor_FreeMoments_Throws()
    {
        Sequence template = InversionFlash.Build(new InversionFlashOptions { Matrix = Matrix, InversionTimesSeconds = [0.2, 0.8] });
        var parameters = new ParameterSet(template).AddMomentsX(ParameterTransform.Linear(5));
        Assert.Throws<ArgumentException>(() => new T1MappingObjective<double>(parameters, new IsochromatSimulator<double>(Isochromats.Deterministic(1)),
            VoxelSet.FromPhantom(BuiltInPhantoms.Brain(Matrix)), ImageGrid.Square(Matrix, 0.2), Blocks,
            new PixelMlp([4, 1], ActivationKind.Relu), new MapErrorLoss([1.0], [0]), 1e-3, 1));
    }
}
