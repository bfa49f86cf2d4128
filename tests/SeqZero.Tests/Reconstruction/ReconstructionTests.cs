using System.Numerics;
using SeqZero.Phantoms;
using SeqZero.Reconstruction;
using SeqZero.Sequences;
using SeqZero.Sequences.Builders;
using SeqZero.Simulation;

namespace SeqZero.Tests.Reconstruction;

public class ReconstructionTests
{
    private const double RoundingTolerance = 1e-9;

    [Theory]
    [InlineData(16, 8, 8)]
    [InlineData(16, 3, 11)]
    [InlineData(15, 2, 9)]
    public void SingleVoxelFlash_ReconstructsToOnePixelAtItsPosition(int matrix, int voxelX, int voxelY)
    {
        // One voxel of the phantom grid: pixel (voxelX, voxelY), row = y, column = x, voxel N/2 at r = 0.
        var phantom = new VoxelPhantom(matrix, matrix, 0.2 / matrix, 0.2 / matrix, 5e-3);
        int voxel = phantom.Index(voxelX, voxelY);
        phantom.ProtonDensity[voxel] = 1;
        // every line sees the same magnetisation: full T1 recovery per TR, no T2 decay, no residual M⊥
        phantom.T1Seconds[voxel] = 1e-5;
        phantom.T2Seconds[voxel] = 1e6;
        Sequence flash = Flash.Build(new FlashOptions { Matrix = matrix, FlipAngleDegrees = 90, RfSpoilingIncrementDegrees = 0 });
        // one isochromat: no intra-voxel dephasing, so the point spreads to exactly one pixel
        SimulatedSignal signal = new IsochromatSimulator<double>(Isochromats.Deterministic(1), perfectSpoiling: true).Simulate(flash, VoxelSet.FromPhantom(phantom));
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(flash);
        ImageGrid grid = ImageGrid.Square(matrix, 0.2);

        Complex[] image = CartesianFft.Reconstruct(signal.Values, 1, k, grid)[0];
        int peak = Array.IndexOf(image, image.MaxBy(c => c.Magnitude));
        Assert.Equal(phantom.Index(voxelX, voxelY), peak);
        double others = image.Where((_, i) => i != peak).Max(c => c.Magnitude);
        Assert.True(others < RoundingTolerance * image[peak].Magnitude, $"leakage {others / image[peak].Magnitude:E2}");
    }

    [Fact]
    public void CartesianFft_EqualsAdjointEncoding()
    {
        Sequence flash = Flash.Build(new FlashOptions { Matrix = 12 });
        KSpacePoint[] k = KSpaceTrajectory.AtSamples(flash);
        var random = new Random(3);
        Complex[] signal = [.. k.Select(_ => new Complex(random.NextDouble(), random.NextDouble()))];
        ImageGrid grid = ImageGrid.Square(12, 0.2);
        Complex[] fft = CartesianFft.Reconstruct(signal, 1, k, grid)[0];
        Complex[] adjoint = AdjointEncoding.Forward(signal, 1, k, grid)[0];
        Assert.True(TestSequences.RelativeError(fft, adjoint) < RoundingTolerance);
    }

    [Fact]
    public void AdjointEncodingBackward_IsAdjointAndMatchesCentralDifferencesInK()
    {
        var random = new Random(5);
        ImageGrid grid = new(6, 5, 0.2, 0.18);
        KSpacePoint[] k = [.. Enumerable.Range(0, 7).Select(_ => new KSpacePoint(40 * random.NextDouble() - 20, 40 * random.NextDouble() - 20, 0, 0))];
        Complex[] s = [.. Enumerable.Range(0, 14).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5))];
        Complex[][] w = [.. Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, grid.PixelCount).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray())];

        // L = Σ Re(conj(w)·image) is linear in s: ⟨E^H s, w⟩ = ⟨s, ∂L/∂s⟩ (dot-product test)
        double Loss(Complex[] signal, KSpacePoint[] points)
        {
            Complex[][] images = AdjointEncoding.Forward(signal, 2, points, grid);
            double sum = 0;
            for (int c = 0; c < 2; c++) for (int i = 0; i < grid.PixelCount; i++) sum += (Complex.Conjugate(w[c][i]) * images[c][i]).Real;
            return sum;
        }
        double[] gx = new double[k.Length], gy = new double[k.Length];
        Complex[] ds = AdjointEncoding.Backward(w, s, 2, k, grid, gx, gy);
        double viaAdjoint = s.Zip(ds, (a, b) => (Complex.Conjugate(b) * a).Real).Sum();
        Assert.True(Math.Abs(Loss(s, k) - viaAdjoint) < 1e-10 * Math.Abs(viaAdjoint));

        for (int i = 0; i < k.Length; i++)
        {
            const double h = 1e-6;
            KSpacePoint[] plus = (KSpacePoint[])k.Clone(), minus = (KSpacePoint[])k.Clone();
            plus[i] = k[i] with { KxPerMeter = k[i].KxPerMeter + h };
            minus[i] = k[i] with { KxPerMeter = k[i].KxPerMeter - h };
            double fd = (Loss(s, plus) - Loss(s, minus)) / (2 * h);
            Assert.True(Math.Abs(fd - gx[i]) < 1e-6 * Math.Max(1, Math.Abs(fd)), $"kx[{i}]: {gx[i]} vs {fd}");
            plus[i] = k[i] with { KyPerMeter = k[i].KyPerMeter + h };
            minus[i] = k[i] with { KyPerMeter = k[i].KyPerMeter - h };
            fd = (Loss(s, plus) - Loss(s, minus)) / (2 * h);
            Assert.True(Math.Abs(fd - gy[i]) < 1e-6 * Math.Max(1, Math.Abs(fd)), $"ky[{i}]: {gy[i]} vs {fd}");
        }
    }

    [Fact]
    public void SensitivityWeighted_ExactSensitivities_RecoversObject()
    {
        Complex[] obj = [1, new Complex(0, 2), 3];
        Complex[][] sens = [[0.5, new Complex(0, 1), 0], [1, 1, new Complex(0.3, 0.4)]];
        Complex[][] images = [.. sens.Select(c => c.Zip(obj, (a, b) => a * b).ToArray())];
        Complex[] combined = CoilCombination.SensitivityWeighted(images, sens);
        Assert.True(TestSequences.RelativeError(combined, obj) < RoundingTolerance);
        Assert.Equal(Math.Sqrt(0.25 + 1), CoilCombination.RootSumOfSquares(images)[0], 12);
    }
}
