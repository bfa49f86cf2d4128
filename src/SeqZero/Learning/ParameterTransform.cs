namespace SeqZero.Learning;

/// <summary>Maps an unconstrained optimiser variable u to a physical value p (SI units) and back. Optimisers work in
/// u only; <see cref="Derivative"/> is dp/du for the chain rule ∂L/∂u = ∂L/∂p · dp/du.</summary>
public abstract class ParameterTransform
{
    /// <summary>p(u).</summary>
    public abstract double ToPhysical(double u);

    /// <summary>u(p): the inverse of <see cref="ToPhysical"/>; values outside the range are clamped just inside it.</summary>
    public abstract double FromPhysical(double physical);

    /// <summary>dp/du at u.</summary>
    public abstract double Derivative(double u);

    /// <summary>p = scale·u: the scale sets how large a unit optimiser step is (e.g. Δk for moments).</summary>
    public static ParameterTransform Linear(double scale) => new LinearTransform(scale);

    /// <summary>p = minimum + scale·softplus(u), softplus(u) = ln(1 + eᵘ) &gt; 0: strictly above a minimum (event times).</summary>
    public static ParameterTransform SoftplusAbove(double minimum, double scale) => new SoftplusTransform(minimum, scale);

    /// <summary>p = lower + (upper − lower)·σ(u), σ the logistic function: strictly inside (lower, upper).</summary>
    public static ParameterTransform Bounded(double lower, double upper) => new BoundedTransform(lower, upper);

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
    }

    private sealed class LinearTransform : ParameterTransform
    {
        private readonly double _scale;

        public LinearTransform(double scale)
        {
            RequirePositive(scale, nameof(scale));
            _scale = scale;
        }

        public override double ToPhysical(double u) => _scale * u;
        public override double FromPhysical(double physical) => physical / _scale;
        public override double Derivative(double u) => _scale;
    }

    private sealed class SoftplusTransform : ParameterTransform
    {
        // the inverse needs p − minimum > 0; values at or below the minimum map to this fraction of the scale above it
        private const double SmallestExcessInScales = 1e-6;
        private readonly double _minimum, _scale;

        public SoftplusTransform(double minimum, double scale)
        {
            if (!double.IsFinite(minimum)) throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "minimum must be finite.");
            RequirePositive(scale, nameof(scale));
            _minimum = minimum; _scale = scale;
        }

        public override double ToPhysical(double u) => _minimum + _scale * Softplus(u);

        public override double FromPhysical(double physical)
        {
            double excess = Math.Max((physical - _minimum) / _scale, SmallestExcessInScales);
            return excess > 30 ? excess + Math.Log(-double.ExpM1(-excess)) : Math.Log(double.ExpM1(excess)); // ln(eˣ − 1)
        }

        public override double Derivative(double u) => _scale * Sigmoid(u); // d softplus/du = σ(u)

        private static double Softplus(double u) => u > 30 ? u + double.LogP1(Math.Exp(-u)) : double.LogP1(Math.Exp(u));
    }

    private sealed class BoundedTransform : ParameterTransform
    {
        // logit is infinite at the bounds; values there map this fraction of the range inside
        private const double EdgeFraction = 1e-9;
        private readonly double _lower, _range;

        public BoundedTransform(double lower, double upper)
        {
            if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(upper > lower))
                throw new ArgumentOutOfRangeException(nameof(upper), upper, $"Bounds must be finite with upper > lower (lower = {lower}).");
            _lower = lower; _range = upper - lower;
        }

        public override double ToPhysical(double u) => _lower + _range * Sigmoid(u);

        public override double FromPhysical(double physical)
        {
            double f = Math.Clamp((physical - _lower) / _range, EdgeFraction, 1 - EdgeFraction);
            return Math.Log(f / (1 - f));
        }

        public override double Derivative(double u)
        {
            double s = Sigmoid(u);
            return _range * s * (1 - s);
        }
    }

    private static double Sigmoid(double u) => u >= 0 ? 1 / (1 + Math.Exp(-u)) : Math.Exp(u) / (1 + Math.Exp(u));
}
