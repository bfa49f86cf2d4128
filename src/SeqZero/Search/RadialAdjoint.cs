using System.Numerics;

namespace SeqZero.Search;

/// <summary>∂L/∂s_v of a magnitude loss, split so that a voxel's reverse pass can run before the batch is complete:
/// every term reads |s_v|, so ∂L/∂s_v = (∂L/∂|s_v|)·u_v with u_v = s_v/|s_v|, and ∂L/∂|s_v| = <see cref="Local"/> (the
/// signal and nulling terms, known from s_v) + c_g (the contrast term: the same for every voxel of tissue
/// <see cref="Group"/>, known only once every readout of the batch is). The reverse pass is linear in its seed, so the
/// simulator seeds it with u_v and the batch gradient is Σ_v Local_v·G_v + Σ_g c_g·Σ_{v∈g} G_v.</summary>
public readonly record struct RadialAdjoint(Complex Direction, double Local, int Group)
{
    /// <summary>u = s/|s|, or 0 at s = 0 (where |s| has no derivative and the loss's adjoint is 0 too).</summary>
    public static Complex DirectionOf(Complex s)
    {
        double magnitude = Complex.Abs(s);
        return magnitude > 0 ? s / magnitude : Complex.Zero;
    }

    /// <summary>∂L/∂θ = Σ_v Local_v·G_v + Σ_g c_g·Σ_{v∈g} G_v, from the simulator's two sums and the coefficients
    /// c_g (<see cref="SearchLoss.ContrastCoefficients"/>).</summary>
    public static OperationGradient[] Combine(OperationGradient[] local, OperationGradient[][] groups, double[] coefficients)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (groups.Length != coefficients.Length) throw new ArgumentException($"{coefficients.Length} coefficients for {groups.Length} groups.", nameof(coefficients));
        var total = (OperationGradient[])local.Clone();
        for (int g = 0; g < groups.Length; g++)
            for (int k = 0; k < total.Length; k++) total[k].Add(groups[g][k], coefficients[g]);
        return total;
    }
}
