using SeqZero.Sequences;
using SeqZero.Simulation;

namespace SeqZero.Learning;

/// <summary>The free parameters of a sequence as one flat vector u for the optimisers. A template sequence holds every
/// fixed number; each <see cref="FreeParameter"/> overwrites one number with p = transform(uᵢ). Chain rule:
/// ∂L/∂uᵢ = ∂L/∂pᵢ · dpᵢ/duᵢ (<see cref="Backward"/>), with ∂L/∂p from <see cref="SimulationGradients"/>-shaped arrays.</summary>
public sealed class ParameterSet
{
    private readonly List<FreeParameter> _parameters = [];
    private readonly HashSet<(ParameterKind, int, int)> _taken = [];

    public ParameterSet(Sequence template)
    {
        template.Validate();
        Template = template.Clone();
    }

    /// <summary>The sequence whose fixed numbers every unpacked sequence shares (a private copy).</summary>
    public Sequence Template { get; }

    public IReadOnlyList<FreeParameter> Parameters => _parameters;

    public int Count => _parameters.Count;

    /// <summary>Frees the flip angle of every repetition the filter accepts (all when null).</summary>
    public ParameterSet AddFlipAngles(ParameterTransform transform, Func<int, bool>? repetitions = null) =>
        AddPulses(ParameterKind.FlipAngle, transform, repetitions);

    /// <summary>Frees the RF phase of every repetition the filter accepts (all when null).</summary>
    public ParameterSet AddRfPhases(ParameterTransform transform, Func<int, bool>? repetitions = null) =>
        AddPulses(ParameterKind.RfPhase, transform, repetitions);

    /// <summary>Frees event durations as p = minimumSeconds + scaleSeconds·softplus(u) (strictly above the minimum event time).</summary>
    public ParameterSet AddEventDurations(double minimumSeconds, double scaleSeconds, Func<EventLocation, bool>? events = null) =>
        AddEvents(ParameterKind.EventDuration, ParameterTransform.SoftplusAbove(minimumSeconds, scaleSeconds), events);

    /// <summary>Frees the x gradient moments [cycles/m] of the selected events.</summary>
    public ParameterSet AddMomentsX(ParameterTransform transform, Func<EventLocation, bool>? events = null) =>
        AddEvents(ParameterKind.MomentX, transform, events);

    /// <summary>Frees the y gradient moments [cycles/m] of the selected events.</summary>
    public ParameterSet AddMomentsY(ParameterTransform transform, Func<EventLocation, bool>? events = null) =>
        AddEvents(ParameterKind.MomentY, transform, events);

    /// <summary>Frees the receiver phases of the selected ADC events (non-ADC events are skipped).</summary>
    public ParameterSet AddAdcPhases(ParameterTransform transform, Func<EventLocation, bool>? events = null) =>
        AddEvents(ParameterKind.AdcPhase, transform, e => e.Event.AdcOn && (events?.Invoke(e) ?? true));

    /// <summary>u for the numbers of <paramref name="sequence"/> (same layout as the template): uᵢ = transform⁻¹(pᵢ).</summary>
    public double[] Pack(Sequence sequence)
    {
        RequireLayout(sequence);
        var u = new double[Count];
        SequenceEvent[] events = Events(sequence);
        for (int i = 0; i < Count; i++)
        {
            FreeParameter f = _parameters[i];
            u[i] = f.Transform.FromPhysical(Read(sequence, events, f));
        }
        return u;
    }

    /// <summary>A copy of the template with every free number set to transform(uᵢ).</summary>
    public Sequence Unpack(ReadOnlySpan<double> u)
    {
        if (u.Length != Count) throw new ArgumentException($"Expected {Count} parameters, got {u.Length}.", nameof(u));
        Sequence sequence = Template.Clone();
        SequenceEvent[] events = Events(sequence);
        for (int i = 0; i < Count; i++)
        {
            FreeParameter f = _parameters[i];
            double p = f.Transform.ToPhysical(u[i]);
            switch (f.Kind)
            {
                case ParameterKind.FlipAngle: sequence.Repetitions[f.Repetition].Pulse.FlipAngleRadians = p; break;
                case ParameterKind.RfPhase: sequence.Repetitions[f.Repetition].Pulse.PhaseRadians = p; break;
                case ParameterKind.EventDuration: events[f.Event].DurationSeconds = p; break;
                case ParameterKind.MomentX: events[f.Event].GradientMomentXPerMeter = p; break;
                case ParameterKind.MomentY: events[f.Event].GradientMomentYPerMeter = p; break;
                case ParameterKind.AdcPhase: events[f.Event].AdcPhaseRadians = p; break;
            }
        }
        return sequence;
    }

    /// <summary>VJP of <see cref="Unpack"/>: ∂L/∂uᵢ = ∂L/∂pᵢ · dpᵢ/duᵢ, added (+=) into <paramref name="gradientU"/>.
    /// <paramref name="physical"/> holds ∂L/∂(flip, phase) per repetition and ∂L/∂(duration, moments, ADC phase) per event.</summary>
    public void Backward(ReadOnlySpan<double> u, SimulationGradients physical, Span<double> gradientU)
    {
        if (u.Length != Count || gradientU.Length != Count)
            throw new ArgumentException($"Expected {Count} parameters and gradients, got {u.Length} and {gradientU.Length}.", nameof(u));
        for (int i = 0; i < Count; i++)
        {
            FreeParameter f = _parameters[i];
            double dLdp = f.Kind switch
            {
                ParameterKind.FlipAngle => physical.FlipAngle[f.Repetition],
                ParameterKind.RfPhase => physical.Phase[f.Repetition],
                ParameterKind.EventDuration => physical.Duration[f.Event],
                ParameterKind.MomentX => physical.MomentX[f.Event],
                ParameterKind.MomentY => physical.MomentY[f.Event],
                _ => physical.AdcPhase[f.Event],
            };
            gradientU[i] += dLdp * f.Transform.Derivative(u[i]);
        }
    }

    /// <summary>Zeroed ∂L/∂p arrays sized for the template (no voxel maps).</summary>
    public SimulationGradients NewPhysicalGradient() => new(Template.Repetitions.Count, Template.EventCount, 0);

    private ParameterSet AddPulses(ParameterKind kind, ParameterTransform transform, Func<int, bool>? repetitions)
    {
        for (int r = 0; r < Template.Repetitions.Count; r++)
            if (repetitions?.Invoke(r) ?? true) Add(new FreeParameter(kind, r, -1, transform));
        return this;
    }

    private ParameterSet AddEvents(ParameterKind kind, ParameterTransform transform, Func<EventLocation, bool>? filter)
    {
        int global = 0;
        for (int r = 0; r < Template.Repetitions.Count; r++)
        {
            List<SequenceEvent> events = Template.Repetitions[r].Events;
            for (int e = 0; e < events.Count; e++, global++)
                if (filter?.Invoke(new EventLocation(r, e, global, events[e])) ?? true) Add(new FreeParameter(kind, r, global, transform));
        }
        return this;
    }

    private void Add(FreeParameter parameter)
    {
        if (!_taken.Add((parameter.Kind, parameter.Repetition, parameter.Event)))
            throw new ArgumentException($"{parameter.Name} is already free.", nameof(parameter));
        _parameters.Add(parameter);
    }

    private static double Read(Sequence sequence, SequenceEvent[] events, FreeParameter f) => f.Kind switch
    {
        ParameterKind.FlipAngle => sequence.Repetitions[f.Repetition].Pulse.FlipAngleRadians,
        ParameterKind.RfPhase => sequence.Repetitions[f.Repetition].Pulse.PhaseRadians,
        ParameterKind.EventDuration => events[f.Event].DurationSeconds,
        ParameterKind.MomentX => events[f.Event].GradientMomentXPerMeter,
        ParameterKind.MomentY => events[f.Event].GradientMomentYPerMeter,
        _ => events[f.Event].AdcPhaseRadians,
    };

    private void RequireLayout(Sequence sequence)
    {
        bool same = sequence.Repetitions.Count == Template.Repetitions.Count
            && sequence.Repetitions.Zip(Template.Repetitions).All(p => p.First.Events.Count == p.Second.Events.Count);
        if (!same) throw new ArgumentException($"Sequence '{sequence.Name}' does not have the repetition/event layout of the template '{Template.Name}'.", nameof(sequence));
    }

    private static SequenceEvent[] Events(Sequence sequence) => [.. sequence.Repetitions.SelectMany(r => r.Events)];
}
