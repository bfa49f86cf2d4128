using SeqZero.Sequences;

namespace SeqZero.Simulation;

/// <summary>A sequence flattened for the isochromat engine. Between two pulses all events commute (precession and
/// relaxation only), and only the state at ADC samples and at the repetition's end is ever observed, so consecutive
/// non-ADC events merge into the next "pass": one step with the summed duration and moment. Each pass refers to a
/// signature (duration, moment) shared by identical passes, so phase factors are computed once per signature.</summary>
internal sealed class CompiledSequence
{
    public CompiledSequence(Sequence sequence)
    {
        sequence.Validate();
        int repetitions = sequence.Repetitions.Count;
        FlipAngle = new double[repetitions];
        Phase = new double[repetitions];
        Usage = new PulseUsage[repetitions];
        RepetitionDuration = new double[repetitions];
        PassStart = new int[repetitions + 1];
        RepetitionEventStart = new int[repetitions + 1];
        var passes = new List<Pass>();
        var signatures = new Dictionary<SignatureKey, int>();
        var representatives = new List<Signature>();
        int sample = 0, globalEvent = 0;
        for (int r = 0; r < repetitions; r++)
        {
            Repetition repetition = sequence.Repetitions[r];
            FlipAngle[r] = repetition.Pulse.FlipAngleRadians;
            Phase[r] = repetition.Pulse.PhaseRadians;
            Usage[r] = repetition.Pulse.Usage;
            PassStart[r] = passes.Count;
            RepetitionEventStart[r] = globalEvent;
            double tau = 0, gx = 0, gy = 0, gz = 0;
            int firstEvent = globalEvent;
            foreach (SequenceEvent e in repetition.Events)
            {
                tau += e.DurationSeconds; gx += e.GradientMomentXPerMeter; gy += e.GradientMomentYPerMeter; gz += e.GradientMomentZPerMeter;
                globalEvent++;
                if (!e.AdcOn) continue;
                passes.Add(new Pass(SignatureOf(signatures, representatives, new Signature(tau, gx, gy, gz)), firstEvent, globalEvent - firstEvent, sample++, e.AdcPhaseRadians));
                tau = gx = gy = gz = 0;
                firstEvent = globalEvent;
            }
            if (globalEvent > firstEvent)
                passes.Add(new Pass(SignatureOf(signatures, representatives, new Signature(tau, gx, gy, gz)), firstEvent, globalEvent - firstEvent, -1, 0));
            RepetitionDuration[r] = repetition.DurationSeconds;
        }
        PassStart[repetitions] = passes.Count;
        RepetitionEventStart[repetitions] = globalEvent;
        Passes = [.. passes];
        Signatures = [.. representatives];
        SampleCount = sample;
        EventCount = globalEvent;
    }

    public int RepetitionCount => FlipAngle.Length;
    public double[] FlipAngle { get; }
    public double[] Phase { get; }
    public PulseUsage[] Usage { get; }
    /// <summary>Σ event durations of each repetition [s] (drives T1 recovery between pulses).</summary>
    public double[] RepetitionDuration { get; }
    /// <summary>Passes of repetition r: [PassStart[r], PassStart[r+1]).</summary>
    public int[] PassStart { get; }
    /// <summary>Events of repetition r in global event numbering: [RepetitionEventStart[r], RepetitionEventStart[r+1]).</summary>
    public int[] RepetitionEventStart { get; }
    public Pass[] Passes { get; }
    public Signature[] Signatures { get; }
    public int SampleCount { get; }
    public int EventCount { get; }

    /// <summary>The id of a signature equal to this one up to the last 16 mantissa bits (1.5e-11 relative): sums of event
    /// times and moments read from files (or split at samples) differ in their last bits where they are meant to be
    /// equal, and sharing their phase factors is what keeps long readouts fast. A pass uses its class's first member.</summary>
    private static int SignatureOf(Dictionary<SignatureKey, int> signatures, List<Signature> representatives, Signature signature)
    {
        var key = new SignatureKey(Coarse(signature.DurationSeconds), Coarse(signature.MomentX), Coarse(signature.MomentY), Coarse(signature.MomentZ));
        if (!signatures.TryGetValue(key, out int id))
        {
            id = representatives.Count;
            signatures.Add(key, id);
            representatives.Add(signature);
        }
        return id;
    }

    private static long Coarse(double value) => (BitConverter.DoubleToInt64Bits(value) + (1L << 15)) >> 16;

    private readonly record struct SignatureKey(long Duration, long X, long Y, long Z);
}

/// <summary>Duration [s] and gradient moment [cycles/m] of a pass: everything its phase factors depend on.</summary>
internal readonly record struct Signature(double DurationSeconds, double MomentX, double MomentY, double MomentZ);

/// <summary>One step of the engine: events [FirstEvent, FirstEvent + EventCount) merged; Sample ≥ 0 when the last one
/// samples (with receiver phase AdcPhase).</summary>
internal readonly record struct Pass(int SignatureId, int FirstEvent, int EventCount, int Sample, double AdcPhase)
{
    public bool IsSample => Sample >= 0;
}
