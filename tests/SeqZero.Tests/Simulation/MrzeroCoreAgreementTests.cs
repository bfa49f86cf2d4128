using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Tests.Simulation;

/// <summary>Same sequences, phantom and isochromats as MRzero-Core (float32 on CPU) → same signals and gradients.</summary>
public class MrzeroCoreAgreementTests
{
    // The bars: signals ≤ 1e-3 relative L2, gradients ≤ 1e-2 (MRzero-Core runs in float32).
    private const double SignalTolerance = 1e-3;
    private const double GradientTolerance = 1e-2;
    private const int Matrix = 32;
    private const double FovMeters = 0.2;

    [Theory]
    [InlineData("flash_N32", 32)]
    [InlineData("rare_N32", 32)]
    [InlineData("flash_grad_N32", 8)]
    [InlineData("rare_grad_N32", 8)]
    public void Simulate_ReferenceCase_MatchesMrzeroCoreSignal(string caseName, int spins)
    {
        Sequence sequence = MrzeroCoreReference.Sequence(caseName);
        SimulatedSignal ours = new IsochromatSimulator<double>(MrzeroCoreReference.Isochromats(spins)).Simulate(sequence, MrzeroCoreReference.Voxels());
        double error = TestSequences.RelativeError(ours.Values, MrzeroCoreReference.Signal(caseName));
        Assert.True(error < SignalTolerance, $"{caseName}: relative L2 {error:E2}");
    }

    [Theory]
    [InlineData("flash_grad_N32")]
    [InlineData("rare_grad_N32")]
    public void Gradient_ReferenceLoss_MatchesMrzeroCoreGradients(string caseName)
    {
        Sequence sequence = MrzeroCoreReference.Sequence(caseName);
        VoxelSet voxels = MrzeroCoreReference.Voxels();
        var engine = new IsochromatSimulator<double>(MrzeroCoreReference.Isochromats(8));
        SimulatedSignal signal = engine.Simulate(sequence, voxels);

        // loss = mean((|reco|/N² − PD)²), reco = adjoint reconstruction; maps in MRzero are [x, y]
        double[] pdXy = MrzeroCoreReference.Npy("phantom_N32/PD.npy").Real;
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(sequence);
        ImageGrid grid = ImageGrid.Square(Matrix, FovMeters);
        Complex[] image = AdjointEncoding.Forward(signal.Values, 1, k, grid)[0];
        double scale = 1.0 / (Matrix * Matrix);
        var imageAdjoint = new Complex[image.Length];
        for (int y = 0; y < Matrix; y++)
        for (int x = 0; x < Matrix; x++)
        {
            int i = y * Matrix + x;
            double magnitude = image[i].Magnitude, residual = magnitude * scale - pdXy[x * Matrix + y];
            imageAdjoint[i] = 2 * residual * scale * image[i] / magnitude / image.Length;
        }
        var adjoint = new SimulatedSignal(signal.SampleCount, 1);
        double[] gradKx = new double[k.Length], gradKy = new double[k.Length];
        AdjointEncoding.Backward([imageAdjoint], signal.Values, 1, k, grid, gradKx, gradKy).CopyTo(adjoint.Values, 0);
        SimulationGradients g = engine.Gradient(sequence, voxels, adjoint);
        // the reconstruction's trajectory depends on the moments too (MRzero differentiates through get_kspace())
        (double[] viaKx, double[] viaKy, _) = KSpaceTrajectory.BackwardAtSamples(sequence, gradKx, gradKy);
        for (int i = 0; i < viaKx.Length; i++) { g.MomentX[i] += viaKx[i]; g.MomentY[i] += viaKy[i]; }

        double[] angleReference = MrzeroCoreReference.Npy($"{caseName}.grad_angle.npy").Real;
        AssertClose(g.FlipAngle, angleReference, "flip angle");

        // grad_gradm is (repetitions × max events × 3), zero-padded; ours is per event in sequence order
        var gradm = MrzeroCoreReference.Npy($"{caseName}.grad_gradm.npy");
        int maxEvents = gradm.Shape[1];
        var ours = new List<double>();
        var theirs = new List<double>();
        int e = 0;
        for (int r = 0; r < sequence.Repetitions.Count; r++)
        for (int j = 0; j < sequence.Repetitions[r].Events.Count; j++, e++)
        {
            ours.AddRange([g.MomentX[e], g.MomentY[e]]);
            theirs.AddRange([gradm.Real[(r * maxEvents + j) * 3], gradm.Real[(r * maxEvents + j) * 3 + 1]]);
        }
        AssertClose([.. ours], [.. theirs], "gradient moments");
    }

    private static void AssertClose(double[] ours, double[] theirs, string what)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < theirs.Length; i++) { diff += (ours[i] - theirs[i]) * (ours[i] - theirs[i]); norm += theirs[i] * theirs[i]; }
        double relative = Math.Sqrt(diff / norm);
        Assert.True(relative < GradientTolerance, $"{what}: relative L2 {relative:E2}");
    }
}
