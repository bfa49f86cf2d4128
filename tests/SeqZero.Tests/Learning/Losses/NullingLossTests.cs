using System.Numerics;
using SeqZero.Learning.Losses;

namespace SeqZero.Tests.Learning.Losses;

public class NullingLossTests
{
    [Fact]
    public void Evaluate_RandomImage_GradientMatchesCentralDifference()
    {
        Complex[] image = GradientCheck.RandomImage(new Random(31), GradientCheck.NearExactDigits);
        var loss = new NullingLoss([1, 3, 8], scale: 0.5);
        var adjoint = new Complex[image.Length];
        loss.Evaluate(image, adjoint, 2);
        double scale = adjoint.Max(z => z.Magnitude);
        for (int i = 0; i < image.Length; i++)
        {
            Complex numeric = GradientCheck.Central(z => 2 * loss.Evaluate(z, new Complex[z.Length], 1), image, i);
            Assert.True(GradientCheck.Relative(adjoint[i].Real, numeric.Real, scale) < GradientCheck.RelativeTolerance, $"Re {i}");
            Assert.True(GradientCheck.Relative(adjoint[i].Imaginary, numeric.Imaginary, scale) < GradientCheck.RelativeTolerance, $"Im {i}");
        }
    }

    [Fact]
    public void Evaluate_ZeroInMask_IsZero()
    {
        Complex[] image = [0, 5, 0];
        Assert.Equal(0, new NullingLoss([0, 2], 1).Evaluate(image, new Complex[3], 1));
    }
}
