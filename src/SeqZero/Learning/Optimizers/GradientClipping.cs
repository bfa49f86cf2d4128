namespace SeqZero.Learning.Optimizers;

/// <summary>Clipping by global norm: g ← g·min(1, c/‖g‖₂). Keeps the direction, bounds the step of SGD and the
/// first moments of Adam after a gradient spike.</summary>
public static class GradientClipping
{
    /// <summary>Scales <paramref name="gradient"/> in place; returns the norm before clipping.</summary>
    public static double ClipToNorm(Span<double> gradient, double maxNorm)
    {
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The clipping norm must be positive.");
        double norm = Norm(gradient);
        if (norm > maxNorm)
            for (int i = 0; i < gradient.Length; i++) gradient[i] *= maxNorm / norm;
        return norm;
    }

    public static double Norm(ReadOnlySpan<double> gradient)
    {
        double sum = 0;
        foreach (double g in gradient) sum += g * g;
        return Math.Sqrt(sum);
    }
}
