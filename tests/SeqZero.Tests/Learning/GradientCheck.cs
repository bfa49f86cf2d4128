using System.Numerics;

namespace SeqZero.Tests.Learning;

/// <summary>Central differences for the Learning tests: h = 1e-6·max(1, |p|) (STYLE §12).</summary>
internal static class GradientCheck
{
    // STYLE §12: double precision, central differences, relative error ≤ 1e-6
    public const double RelativeTolerance = 1e-6;
    private const double StepFraction = 1e-6;
    /// <summary>Decimal places to which closed-form values computed in double must agree (a few ulps of O(1) numbers).</summary>
    public const int ExactDigits = 12;
    /// <summary>Decimal places for values that pass through exp/tanh/float rounding once more (still far below any physics effect).</summary>
    public const int NearExactDigits = 9;

    public static double Step(double p) => StepFraction * Math.Max(1, Math.Abs(p));

    /// <summary>(f(p + h) − f(p − h)) / 2h for component <paramref name="index"/>.</summary>
    public static double Central(Func<double[], double> f, double[] p, int index)
    {
        double[] plus = (double[])p.Clone(), minus = (double[])p.Clone();
        double h = Step(p[index]);
        plus[index] += h; minus[index] -= h;
        return (f(plus) - f(minus)) / (2 * h);
    }

    /// <summary>∂f/∂Re zᵢ + i·∂f/∂Im zᵢ by central differences.</summary>
    public static Complex Central(Func<Complex[], double> f, Complex[] z, int index)
    {
        double Along(Complex direction)
        {
            double h = Step(z[index].Magnitude);
            Complex[] plus = (Complex[])z.Clone(), minus = (Complex[])z.Clone();
            plus[index] += h * direction; minus[index] -= h * direction;
            return (f(plus) - f(minus)) / (2 * h);
        }
        return new Complex(Along(1), Along(Complex.ImaginaryOne));
    }

    /// <summary>|a − b| / max(|b|, scale): relative error, with scale the gradient's overall size so that tiny
    /// components are compared on the scale of the whole vector.</summary>
    public static double Relative(double a, double b, double scale) => Math.Abs(a - b) / Math.Max(Math.Abs(b), scale);

    public static Complex[] RandomImage(Random random, int length, double scale = 1) =>
        [.. Enumerable.Range(0, length).Select(_ => new Complex(scale * (2 * random.NextDouble() - 1), scale * (2 * random.NextDouble() - 1)))];
}
