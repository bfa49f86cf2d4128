namespace SeqZero.Search;

/// <summary>Synthetic voxels of the Sequence Search paper as structure-of-arrays: tissue class, M0, T1, T2, T2' [s]
/// drawn from the Gaussians of Table I (or the tissue table given), B1+ scale uniform in [0.8, 1.2], ΔB0 [Hz] uniform in [−50, 50].
/// Voxel v is tissue v mod 3, so the three tissues come in equal thirds (±1) and any contiguous slice stays balanced.
/// The spins inside a voxel (T2' Lorentzian and linear spread) are a <see cref="SpinSet"/> shared by all voxels.</summary>
public sealed class VoxelDataSet
{
    public VoxelDataSet(int count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "Voxel count must be ≥ 0.");
        Tissue = new TissueClass[count];
        M0 = new double[count]; T1Seconds = new double[count]; T2Seconds = new double[count]; T2PrimeSeconds = new double[count];
        B1 = new double[count]; B0Hertz = new double[count];
    }

    public int Count => M0.Length;
    public TissueClass[] Tissue { get; }
    /// <summary>Equilibrium magnetisation (proton density) relative to CSF.</summary>
    public double[] M0 { get; }
    public double[] T1Seconds { get; }
    public double[] T2Seconds { get; }
    public double[] T2PrimeSeconds { get; }
    /// <summary>Relative transmit field: the actual flip is B1·(nominal flip).</summary>
    public double[] B1 { get; }
    public double[] B0Hertz { get; }

    /// <summary>Draws the data set: one <see cref="Random"/> seeded with <see cref="VoxelDataSetOptions.Seed"/>, per voxel in
    /// order M0, T1, T2, T2' (Gaussian, Box–Muller; a draw ≤ 0 is redrawn), then B1 and ΔB0 (uniform).</summary>
    public static VoxelDataSet Generate(VoxelDataSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Count, "A data set needs at least one voxel.");
        if (!(options.B1Min > 0 && options.B1Max >= options.B1Min))
            throw new ArgumentOutOfRangeException(nameof(options), $"B1 range [{options.B1Min}, {options.B1Max}] must be positive and ordered.");
        if (!(options.B0MaxHertz >= options.B0MinHertz))
            throw new ArgumentOutOfRangeException(nameof(options), $"ΔB0 range [{options.B0MinHertz}, {options.B0MaxHertz}] Hz must be ordered.");
        IReadOnlyList<TissueDistribution> tissues = TissueDistribution.Validate(options.Tissues);
        var set = new VoxelDataSet(options.Count);
        var random = new Random(options.Seed);
        for (int v = 0; v < set.Count; v++)
        {
            TissueDistribution t = tissues[v % TissueClasses.Count];
            set.Tissue[v] = t.Tissue;
            set.M0[v] = Positive(random, t.M0Mean, t.M0Sd);
            set.T1Seconds[v] = Positive(random, t.T1MeanSeconds, t.T1SdSeconds);
            set.T2Seconds[v] = Positive(random, t.T2MeanSeconds, t.T2SdSeconds);
            set.T2PrimeSeconds[v] = Positive(random, t.T2PrimeMeanSeconds, t.T2PrimeSdSeconds);
            set.B1[v] = options.B1Min + (options.B1Max - options.B1Min) * random.NextDouble();
            set.B0Hertz[v] = options.B0MinHertz + (options.B0MaxHertz - options.B0MinHertz) * random.NextDouble();
        }
        return set;
    }

    /// <summary>One voxel per tissue at the distribution means, B1 = 1, ΔB0 = 0: the "nominal" voxels whose signals the
    /// tables report (see docs/sequence-search.md, "What the tables' signal is"); Table I's unless
    /// <paramref name="tissues"/> are given.</summary>
    public static VoxelDataSet Nominal(IReadOnlyList<TissueDistribution>? tissues = null)
    {
        tissues = TissueDistribution.Validate(tissues ?? TissueDistribution.TableI());
        var set = new VoxelDataSet(tissues.Count);
        for (int v = 0; v < tissues.Count; v++)
        {
            TissueDistribution t = tissues[v];
            set.Tissue[v] = t.Tissue;
            set.M0[v] = t.M0Mean; set.T1Seconds[v] = t.T1MeanSeconds; set.T2Seconds[v] = t.T2MeanSeconds;
            set.T2PrimeSeconds[v] = t.T2PrimeMeanSeconds; set.B1[v] = 1; set.B0Hertz[v] = 0;
        }
        return set;
    }

    /// <summary>The first <paramref name="count"/> voxels (still balanced, see the class summary).</summary>
    public VoxelDataSet Take(int count)
    {
        if (count < 1 || count > Count) throw new ArgumentOutOfRangeException(nameof(count), count, $"Must be 1 … {Count}.");
        var set = new VoxelDataSet(count);
        Array.Copy(Tissue, set.Tissue, count); Array.Copy(M0, set.M0, count);
        Array.Copy(T1Seconds, set.T1Seconds, count); Array.Copy(T2Seconds, set.T2Seconds, count);
        Array.Copy(T2PrimeSeconds, set.T2PrimeSeconds, count);
        Array.Copy(B1, set.B1, count); Array.Copy(B0Hertz, set.B0Hertz, count);
        return set;
    }

    private static double Positive(Random random, double mean, double sd)
    {
        if (sd == 0) return mean;
        double value;
        do
        {
            // Box–Muller; 1 − u keeps the logarithm finite
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            value = mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        } while (value <= 0);
        return value;
    }
}
