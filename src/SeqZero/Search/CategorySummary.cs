namespace SeqZero.Search;

/// <summary>Mean and sample standard deviation (n − 1; 0 for a single value).</summary>
public sealed record Stat(double Mean, double Sd)
{
    public static Stat Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return new Stat(double.NaN, double.NaN);
        double mean = values.Average();
        double sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new Stat(mean, sd);
    }

    /// <summary>Statistics of angles [deg] that may straddle ±180°: the values are taken in (−180°, 180°] or in
    /// [0°, 360°), whichever gives the smaller SD (the paper's "shifting negative values by 360°").</summary>
    public static Stat OfPhases(IReadOnlyList<double> degrees)
    {
        Stat centred = Of([.. degrees.Select(ProcessedDesign.Wrap)]);
        Stat shifted = Of([.. degrees.Select(d => { double w = ProcessedDesign.Wrap(d); return w < 0 ? w + 360 : w; })]);
        return shifted.Sd < centred.Sd ? shifted : centred;
    }
}

/// <summary>A proportion's 95 % confidence interval.</summary>
public sealed record Interval(double Low, double High)
{
    /// <summary>z of a two-sided 95 % interval.</summary>
    private const double Z = 1.959963984540054;

    /// <summary>Wilson's score interval for <paramref name="count"/> of <paramref name="total"/>:
    /// (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and is not
    /// empty at 0 or n, which matters at the few seeds a table may rest on (0 of 10 seeds: 0–28 %).</summary>
    public static Interval Wilson(int count, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, Math.Max(count, 1));
        double n = total, p = count / n, z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>One row of Tables V–VIII: a category's count and rate (of all seeds) with the rate's 95 % interval, and
/// mean ± SD of its designs' flips and phases (per RF position, when all designs have the same RF count), refocusing
/// phase, time to readout, signals, relative RF energy and loss.</summary>
public sealed record CategorySummary(string Name, int Count, double Rate, Interval Rate95, IReadOnlyList<Stat>? FlipsDeg, IReadOnlyList<Stat>? PhasesDeg,
    Stat RefocusingPhaseDeg, Stat TimeToReadoutS, IReadOnlyDictionary<string, Stat> Signals, Stat RfEnergyRelative, Stat Loss);
