namespace SeqZero.Search;

/// <summary>A design as the paper's tables show it: the RF pulses that remain (flip ≥ 3°), each with its flip and
/// standardised phase [deg] and the time to the next remaining RF (the last: to the readout) [s]; the time from the
/// first remaining RF to the readout [s]. <see cref="Operations"/> is the same design to simulate.</summary>
public sealed record ProcessedDesign(double[] FlipsDegrees, double[] PhasesDegrees, double[] TimesSeconds, double TimeToReadoutSeconds)
{
    /// <summary>RF pulses below this flip are dropped before categorisation and evaluation (paper, Section II.E).</summary>
    public const double MinFlipDegrees = 3;

    public int RfCount => FlipsDegrees.Length;

    /// <summary>Post-processing of Section II.E: (0) each flip folded into [0°, 180°] (a rotation by −α or 360° − α about
    /// n is a rotation by α about −n: the phase moves by 180°); (1) RFs below <see cref="MinFlipDegrees"/> dropped, their
    /// idle time kept in the timeline; (2) phases shifted so that the first is 0°, (3) wrapped to (−180°, 180°],
    /// (4) all negated when the second is negative.</summary>
    public static ProcessedDesign From(IReadOnlyList<VoxelOperation> ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        var flips = new List<double>();
        var phases = new List<double>();
        var starts = new List<double>();
        double time = 0;
        foreach (VoxelOperation op in ops)
        {
            if (op.IsRf)
            {
                double flip = Mod(op.FlipRadians * 180 / Math.PI, 360), phase = op.PhaseRadians * 180 / Math.PI;
                if (flip > 180) { flip = 360 - flip; phase += 180; }
                if (flip >= MinFlipDegrees) { flips.Add(flip); phases.Add(phase); starts.Add(time); }
            }
            time += op.IdleSeconds;
        }
        if (flips.Count == 0) return new ProcessedDesign([], [], [], 0);

        double first = phases[0];
        double[] standard = [.. phases.Select(p => Wrap(p - first))];
        if (standard.Length > 1 && standard[1] < 0) standard = [.. standard.Select(p => Wrap(-p))];
        double[] times = [.. starts.Select((t, i) => (i + 1 < starts.Count ? starts[i + 1] : time) - t)];
        return new ProcessedDesign([.. flips], standard, times, time - starts[0]);
    }

    /// <summary>The design as operations (first RF at t = 0; phases as standardised).</summary>
    public VoxelOperation[] Operations() =>
        [.. FlipsDegrees.Select((f, i) => VoxelOperation.Rf(f * Math.PI / 180, PhasesDegrees[i] * Math.PI / 180, TimesSeconds[i]))];

    /// <summary>Angle wrapped to (−180°, 180°].</summary>
    public static double Wrap(double degrees)
    {
        double w = Mod(degrees + 180, 360) - 180;
        return w == -180 ? 180 : w;
    }

    private static double Mod(double x, double m) => x - m * Math.Floor(x / m);
}
