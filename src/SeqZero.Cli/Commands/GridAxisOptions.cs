using System.CommandLine;
using System.Globalization;
using SeqZero.Search;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero grid`'s axis overrides, each "first:last:step" in the unit its name carries (degrees for flips and
/// the phase, milliseconds for idle times): a paper experiment's Table IV grid or the custom objective's default grid,
/// axis by axis — e.g. exp3 with TI beyond Table IV's 3.80 s. The double-inversion reference (two nulled tissues) reads
/// flip1–3 and idle1–3 (TI1, TI2, readout) and has no phase axis.</summary>
internal sealed class GridAxisOptions
{
    /// <summary>A ceiling far above Table IV's largest grid (9.7 million) that still ends within the hour on 2 cores.</summary>
    public const long MaxCombinations = 1_000_000_000;

    public Option<string?> Flip1 { get; } = new("--grid-flip1-deg") { Description = "RF1 flips first:last:step [deg]." };
    public Option<string?> Flip2 { get; } = new("--grid-flip2-deg") { Description = "RF2 flips first:last:step [deg]." };
    public Option<string?> Phase2 { get; } = new("--grid-phase2-deg") { Description = "RF2 phases first:last:step [deg] (RF1 at 0°)." };
    public Option<string?> Idle1 { get; } = new("--grid-idle1-ms") { Description = "Idle after RF1 (TI or TE/2) first:last:step [ms]." };
    public Option<string?> Idle2 { get; } = new("--grid-idle2-ms") { Description = "Idle after RF2 (to the readout; TI2 of a double inversion) first:last:step [ms]." };
    public Option<string?> Flip3 { get; } = new("--grid-flip3-deg") { Description = "Double inversion: excitation flips first:last:step [deg]." };
    public Option<string?> Idle3 { get; } = new("--grid-idle3-ms") { Description = "Double inversion: excitation to readout first:last:step [ms]." };

    public IEnumerable<Option> All => [Flip1, Flip2, Phase2, Idle1, Idle2, Flip3, Idle3];

    /// <summary><paramref name="grid"/> with the axes the user gave replaced.</summary>
    public TwoPulseGrid Apply(ParseResult parse, TwoPulseGrid grid)
    {
        foreach (Option<string?> threeRfOnly in new[] { Flip3, Idle3 })
            if (parse.GetValue(threeRfOnly) is not null) throw new ArgumentException($"{threeRfOnly.Name}: only the double-inversion reference has a third RF.");
        TwoPulseGrid result = new(
            Axis(parse, Flip1, 1, 0) ?? grid.Flip1Degrees,
            Axis(parse, Flip2, 1, 0) ?? grid.Flip2Degrees,
            Axis(parse, Phase2, 1, -360) ?? grid.Phase2Degrees,
            Axis(parse, Idle1, SecondsPerMillisecond, 0) ?? grid.Idle1Seconds,
            Axis(parse, Idle2, SecondsPerMillisecond, 0) ?? grid.Idle2Seconds);
        return Checked(result, result.Combinations);
    }

    /// <summary><paramref name="grid"/> with the axes the user gave replaced; a phase axis is refused.</summary>
    public DoubleInversionGrid Apply(ParseResult parse, DoubleInversionGrid grid)
    {
        if (parse.GetValue(Phase2) is not null) throw new ArgumentException($"{Phase2.Name}: the double-inversion reference has no phase axis (its pulses act on Mz only).");
        DoubleInversionGrid result = new(
            Axis(parse, Flip1, 1, 0) ?? grid.Flip1Degrees,
            Axis(parse, Flip2, 1, 0) ?? grid.Flip2Degrees,
            Axis(parse, Flip3, 1, 0) ?? grid.Flip3Degrees,
            Axis(parse, Idle1, SecondsPerMillisecond, 0) ?? grid.Idle1Seconds,
            Axis(parse, Idle2, SecondsPerMillisecond, 0) ?? grid.Idle2Seconds,
            Axis(parse, Idle3, SecondsPerMillisecond, 0) ?? grid.Idle3Seconds);
        return Checked(result, result.Combinations);
    }

    private const double SecondsPerMillisecond = 1e-3;

    private static TGrid Checked<TGrid>(TGrid grid, long combinations) => combinations <= MaxCombinations ? grid
        : throw new ArgumentException($"grid: {combinations:N0} combinations; at most {MaxCombinations:N0} (Table IV's largest grid has 9.7 million).");

    /// <summary>"first:last:step" × <paramref name="scale"/>, with first ≥ <paramref name="lowest"/>, last ≥ first, step &gt; 0.</summary>
    private static GridAxis? Axis(ParseResult parse, Option<string?> option, double scale, double lowest)
    {
        if (parse.GetValue(option) is not { } text) return null;
        string[] parts = text.Split(':');
        var values = new double[3];
        for (int i = 0; i < values.Length; i++)
            if (parts.Length != 3 || !double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new ArgumentException($"{option.Name}: '{text}' is not first:last:step (three numbers).");
        (double first, double last, double step) = (values[0], values[1], values[2]);
        if (!(step > 0) || last < first || first < lowest)
            throw new ArgumentException($"{option.Name}: '{text}' needs step > 0, last ≥ first and first ≥ {lowest}.");
        return new GridAxis(first * scale, last * scale, step * scale);
    }
}
