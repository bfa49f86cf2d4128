namespace SeqZero.Learning.Optimizers;

/// <summary>Step size falling geometrically from high to low over a run, as the MRzero paper does:
/// η(i) = η_start·(η_end/η_start)^{i/(n−1)}, i = 0 … n−1.</summary>
public sealed record LearningRateSchedule(double Start, double End, int Iterations)
{
    public double At(int iteration)
    {
        if (Iterations <= 1) return Start;
        double t = Math.Clamp(iteration / (double)(Iterations - 1), 0, 1);
        return Start * Math.Pow(End / Start, t);
    }
}
