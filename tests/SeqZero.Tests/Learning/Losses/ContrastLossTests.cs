using System.Numerics;
using SeqZero.Learning.Losses;

namespace SeqZero.Tests.Learning.Losses;

public class ContrastLossTests
{
    [Fact]
    public void Evaluate_RandomImage_GradientMatchesCentralDifference()
    {
        var random = new Random(21);
        Complex[] image = GradientCheck.RandomImage(random, 10);
        var loss = new ContrastLoss([0, 2, 4], [5, 7], scale: 2.5);
        var adjoint = new Complex[image.Length];
        loss.Evaluate(image, adjoint, 1.3);
        double scale = adjoint.Max(z => z.Magnitude);
        for (int i = 0; i < image.Length; i++)
        {
            Complex numeric = GradientCheck.Central(z => 1.3 * loss.Evaluate(z, new Complex[z.Length], 1), image, i);
            Assert.True(GradientCheck.Relative(adjoint[i].Real, numeric.Real, scale) < GradientCheck.RelativeTolerance, $"Re {i}");
            Assert.True(GradientCheck.Relative(adjoint[i].Imaginary, numeric.Imaginary, scale) < GradientCheck.RelativeTolerance, $"Im {i}");
        }
    }

    [Fact]
    public void Evaluate_BrighterA_IsNegativeDifferenceOverScale()
    {
        Complex[] image = [3, 3, 1, 1];
        Assert.Equal(-(3 - 1) / 2.0, new ContrastLoss([0, 1], [2, 3], 2).Evaluate(image, new Complex[4], 1), GradientCheck.NearExactDigits);
    }
}
