using System.Numerics;
using SeqZero.Learning.Losses;

namespace SeqZero.Tests.Learning.Losses;

public class ImageDistanceLossTests
{
    // a loss of a perfect match is zero up to the ε of the smoothed magnitude (1e-9 of the RMS, squared)
    private const double PerfectMatchTolerance = 1e-15;

    public static TheoryData<bool, bool> Modes => new() { { true, true }, { true, false }, { false, true }, { false, false } };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Evaluate_RandomImage_GradientMatchesCentralDifference(bool magnitude, bool root)
    {
        var random = new Random(11);
        Complex[] target = GradientCheck.RandomImage(random, 12), image = GradientCheck.RandomImage(random, GradientCheck.ExactDigits);
        var loss = new ImageDistanceLoss(target, magnitude, root);
        const double Weight = 0.7;
        var adjoint = new Complex[image.Length];
        loss.Evaluate(image, adjoint, Weight);
        double scale = adjoint.Max(z => z.Magnitude);
        for (int i = 0; i < image.Length; i++)
        {
            Complex numeric = GradientCheck.Central(z => Weight * loss.Evaluate(z, new Complex[z.Length], 1), image, i);
            Assert.True(GradientCheck.Relative(adjoint[i].Real, numeric.Real, scale) < GradientCheck.RelativeTolerance, $"Re {i}");
            Assert.True(GradientCheck.Relative(adjoint[i].Imaginary, numeric.Imaginary, scale) < GradientCheck.RelativeTolerance, $"Im {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Evaluate_ImageEqualsTarget_IsZero(bool magnitude, bool root)
    {
        Complex[] target = GradientCheck.RandomImage(new Random(2), 8);
        Assert.InRange(new ImageDistanceLoss(target, magnitude, root).Evaluate(target, new Complex[8], 1), 0, PerfectMatchTolerance);
    }

    [Fact]
    public void Evaluate_MagnitudeMode_IgnoresGlobalPhase()
    {
        Complex[] target = GradientCheck.RandomImage(new Random(5), 8);
        Complex[] rotated = [.. target.Select(z => z * Complex.FromPolarCoordinates(1, 1.2))];
        Assert.InRange(new ImageDistanceLoss(target, compareMagnitude: true, root: false).Evaluate(rotated, new Complex[8], 1), 0, PerfectMatchTolerance);
    }

    [Fact]
    public void Evaluate_ZeroImage_NrmseIsOne()
    {
        Complex[] target = GradientCheck.RandomImage(new Random(6), 8);
        double value = new ImageDistanceLoss(target, compareMagnitude: false, root: true).Evaluate(new Complex[8], new Complex[8], 1);
        Assert.Equal(1, value, GradientCheck.ExactDigits);
    }

    [Fact]
    public void Constructor_ZeroTarget_Throws() =>
        Assert.Throws<ArgumentException>(() => new ImageDistanceLoss(new Complex[4], true, true));
}
