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

/// <summary>One row of Tables V–VIII: a category's count and rate (of all seeds), and mean ± SD of its designs' flips and
/// phases (per RF position, when all designs have the same RF count), refocusing phase, time to readout, signals,
/// relative RF energy and loss.</summary>
public sealed record CategorySummary(string Name, int Count, double Rate, IReadOnlyList<Stat>? FlipsDeg, IReadOnlyList<Stat>? PhasesDeg,
    Stat RefocusingPhaseDeg, Stat TimeToReadoutS, IReadOnlyDictionary<string, Stat> Signals, Stat RfEnergyRelative, Stat Loss);
