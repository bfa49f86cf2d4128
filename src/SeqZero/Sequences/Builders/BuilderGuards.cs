namespace SeqZero.Sequences.Builders;

/// <summary>Argument checks shared by the sequence builders; messages name the option and the rule.</summary>
internal static class BuilderGuards
{
    public static void Positive(double value, string option)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(option, value, $"{option} must be a positive finite number.");
    }

    public static void NonNegative(double value, string option)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(option, value, $"{option} must be ≥ 0.");
    }

    /// <summary>The part of a requested time left for a free event; throws when the request is shorter than the
    /// events it must contain.</summary>
    public static double Remaining(double requestedSeconds, double usedSeconds, string option)
    {
        double remaining = requestedSeconds - usedSeconds;
        if (remaining < -1e-12)
            throw new ArgumentOutOfRangeException(option, requestedSeconds,
                $"{option} = {requestedSeconds * 1e3:G6} ms is shorter than the minimum {usedSeconds * 1e3:G6} ms this sequence needs.");
        return Math.Max(remaining, 0);
    }

    public static double Radians(double degrees) => degrees * Math.PI / 180.0;

    /// <summary>Receiver phase that makes an on-resonance FID of a pulse with phase φ real and positive:
    /// M⊥ = −i·sin α·e^{iφ}, so φ_ADC = π/2 − φ.</summary>
    public static double AdcPhaseFor(double rfPhaseRadians) => Math.PI / 2 - rfPhaseRadians;
}
