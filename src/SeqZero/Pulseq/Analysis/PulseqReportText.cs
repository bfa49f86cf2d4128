using System.Globalization;
using System.Text;

namespace SeqZero.Pulseq.Analysis;

/// <summary>Formats a <see cref="PulseqReport"/> line by line as MATLAB testReport prints it (same labels and printf
/// formats: %.6f s, %.02f°, %.0f Hz/m, %g Hz/m/s), so that the numbers compare with MATLAB's output digit for digit.</summary>
public static class PulseqReportText
{
    /// <summary>γ̄ that MATLAB's mr.convert uses for Hz/m → mT/m [Hz/T]. Used only to print the same mT/m and T/m/s
    /// figures as testReport; SeqZero's physics uses SeqZero.Physics.Gyromagnetic.</summary>
    public const double MatlabConvertHertzPerTesla = 42.576e6;

    private const string NonCartesian = "Non-Cartesian/irregular encoding trajectory detected (e.g. EPI, spiral, radial, etc)";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(PulseqReport r, string fileName)
    {
        var s = new StringBuilder();
        void Line(FormattableString text) => s.Append(FormattableString.Invariant(text)).Append('\n');

        Line($"Testing file: {fileName}");
        Line($"Number of blocks: {r.Blocks}");
        Line($"Number of events:");
        foreach ((string name, int count) in new[] { ("RF", r.RfEvents), ("Gx", r.GxEvents), ("Gy", r.GyEvents), ("Gz", r.GzEvents), ("ADC", r.AdcEvents) })
        {
            if (count > 0) Line($"   {name + ":",-5}{count,7}");
        }
        Line($"Event library use:");
        foreach ((string name, int count) in r.LibraryUse)
        {
            if (count > 0) Line($"   {name + ":",-6}{count,7}");
        }
        Line($"Sequence duration: {r.DurationSeconds:F6}s");
        Line($"TE: {Seconds(r.EchoTimeSeconds)}s");
        Line($"TR: {Seconds(r.RepetitionTimeSeconds)}s");
        foreach (double flip in r.FlipAnglesDegrees) Line($"Flip angle: {flip:F2}°");
        if (r.KSpace is not { } k)
        {
            Line($"k-space analysis skipped: {r.AdcSamples} ADC samples exceed {PulseqReport.MaxKSpaceSamples}");
        }
        else
        {
            foreach (int unique in k.UniquePositions) Line($"Unique k-space positions (a.k.a. columns, rows, etc): {unique}");
            if (k.UniquePositions.Any(u => u > 1))
            {
                Line($"Dimensions: {k.Axes.Count}");
                foreach (double resolution in k.ResolutionMeters) Line($"   Spatial resolution: {resolution * 1e3:F2} mm");
                Line($"Repetitions/slices/contrasts: {G(k.RepeatsMedian)}  range: [{k.RepeatsMin} {k.RepeatsMax}]");
                foreach ((int positions, int repeats) in k.RepeatHistogram) Line($"   {positions} k-space position(s) repeated {repeats} times");
                Line($"{(k.IsCartesian ? "Grid-like/Cartesian encoding trajectory detected" : NonCartesian)}");
            }
        }
        if (r.TimingViolations.Count == 0) Line($"Block timing check passed successfully");
        else
        {
            Line($"Block timing check failed! Error listing follows:");
            foreach (PulseqTimingViolation v in r.TimingViolations) Line($"   {v}");
        }
        foreach (double g in r.MaxGradientHzPerMeter) Line($"Max. Gradient: {g:F0} Hz/m == {g / MatlabConvertHertzPerTesla * 1e3:F2} mT/m");
        foreach (double slew in r.MaxSlewHzPerMeterPerSecond) Line($"Max. Slew Rate: {G(slew)} Hz/m/s == {slew / MatlabConvertHertzPerTesla:F2} T/m/s");
        Line($"Max. Absolute Gradient: {r.MaxAbsoluteGradientHzPerMeter:F0} Hz/m == {r.MaxAbsoluteGradientHzPerMeter / MatlabConvertHertzPerTesla * 1e3:F2} mT/m");
        Line($"Max. Absolute Slew Rate: {G(r.MaxAbsoluteSlewHzPerMeterPerSecond)} Hz/m/s == {r.MaxAbsoluteSlewHzPerMeterPerSecond / MatlabConvertHertzPerTesla:F2} T/m/s");
        return s.ToString();
    }

    /// <summary>C printf "%g" (6 significant digits), as testReport prints slew rates.</summary>
    public static string G(double value) => CFormat.G(value);

    private static string Seconds(double? value) => value is { } v ? v.ToString("F6", Invariant) : "NaN";
}
