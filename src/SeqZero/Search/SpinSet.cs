using SeqZero.Simulation;

namespace SeqZero.Search;

/// <summary>The spins every voxel is split into. Spin j of a voxel with off-resonance ΔB0 [Hz] and T2' [s] precesses at
/// ωⱼ = 2π(ΔB0 + fⱼ) + wⱼ/T2' [rad/s]: fⱼ [Hz] is the intra-voxel linear frequency spread (uniform over the spread
/// width, Ref. 24 of the paper), wⱼ a standard-Cauchy value (Lorentzian T2' dispersion, half-width 1/(2πT2')).
/// Each spin carries one value of each; the pairing is uncorrelated.</summary>
public sealed class SpinSet
{
    /// <summary>The paper's 256 spins per voxel.</summary>
    public const int PaperSpinCount = 256;
    /// <summary>The paper's linear spread, −30 … 30 Hz.</summary>
    public const double PaperSpreadWidthHertz = 60;

    public SpinSet(double[] linearOffsetHertz, double[] lorentzFrequency)
    {
        ArgumentNullException.ThrowIfNull(linearOffsetHertz);
        ArgumentNullException.ThrowIfNull(lorentzFrequency);
        if (linearOffsetHertz.Length < 1) throw new ArgumentException("At least one spin is needed.", nameof(linearOffsetHertz));
        if (lorentzFrequency.Length != linearOffsetHertz.Length)
            throw new ArgumentException($"{linearOffsetHertz.Length} linear offsets but {lorentzFrequency.Length} Lorentzian frequencies.", nameof(lorentzFrequency));
        LinearOffsetHertz = linearOffsetHertz;
        LorentzFrequency = lorentzFrequency;
    }

    public int Count => LinearOffsetHertz.Length;
    /// <summary>fⱼ [Hz]: the linear-spread frequency offset of spin j.</summary>
    public double[] LinearOffsetHertz { get; }
    /// <summary>wⱼ [dimensionless]: spin j's T2' frequency is wⱼ/T2' [rad/s].</summary>
    public double[] LorentzFrequency { get; }

    /// <summary>Spins as the paper describes them. Deterministic: fⱼ = W·((j + ½)/S − ½) and wⱼ the Cauchy quantiles of
    /// <see cref="Isochromats.Deterministic"/> (golden-ratio order, so uncorrelated with j). Random: both drawn with
    /// <paramref name="seed"/>.</summary>
    public static SpinSet Create(int count = PaperSpinCount, double spreadWidthHertz = PaperSpreadWidthHertz,
        SpinSampling sampling = SpinSampling.Deterministic, int seed = 0)
    {
        if (count < 1 || count > 65_536) throw new ArgumentOutOfRangeException(nameof(count), count, "Spins per voxel must be 1 … 65 536.");
        if (!(spreadWidthHertz >= 0) || double.IsInfinity(spreadWidthHertz))
            throw new ArgumentOutOfRangeException(nameof(spreadWidthHertz), spreadWidthHertz, "The spread width must be finite and ≥ 0 Hz.");
        var linear = new double[count];
        if (sampling == SpinSampling.Deterministic)
        {
            for (int j = 0; j < count; j++) linear[j] = spreadWidthHertz * ((j + 0.5) / count - 0.5);
            return new SpinSet(linear, Isochromats.Deterministic(count).LorentzFrequency);
        }
        var random = new Random(seed);
        var lorentz = new double[count];
        for (int j = 0; j < count; j++)
        {
            linear[j] = spreadWidthHertz * (random.NextDouble() - 0.5);
            lorentz[j] = Math.Tan(Math.PI * (random.NextDouble() - 0.5));
        }
        return new SpinSet(linear, lorentz);
    }

    /// <summary>Spins at the isochromats' x offsets: fⱼ = W·offsetXⱼ. The same spread is what a gradient moment of
    /// W·τ/voxelSize [1/m] over an interval τ gives the <see cref="ReferenceSimulator"/> (used to compare with it).</summary>
    public static SpinSet FromIsochromats(Isochromats isochromats, double spreadWidthHertz)
    {
        ArgumentNullException.ThrowIfNull(isochromats);
        return new SpinSet([.. isochromats.OffsetX.Select(x => spreadWidthHertz * x)], [.. isochromats.LorentzFrequency]);
    }
}
