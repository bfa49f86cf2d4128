namespace SeqZero.Pulseq.Model;

/// <summary>The one-letter code of <see cref="PulseqRfUse"/> in 1.5 files (text column 'use', binary char): the initial
/// of excitation, refocusing, inversion, saturation, preparation, other, undefined.</summary>
internal static class PulseqRfUseLetter
{
    public static PulseqRfUse? Parse(char letter) => letter switch
    {
        'e' => PulseqRfUse.Excitation,
        'r' => PulseqRfUse.Refocusing,
        'i' => PulseqRfUse.Inversion,
        's' => PulseqRfUse.Saturation,
        'p' => PulseqRfUse.Preparation,
        'o' => PulseqRfUse.Other,
        'u' => PulseqRfUse.Undefined,
        _ => null,
    };

    public static char Letter(PulseqRfUse use) => use switch
    {
        PulseqRfUse.Excitation => 'e',
        PulseqRfUse.Refocusing => 'r',
        PulseqRfUse.Inversion => 'i',
        PulseqRfUse.Saturation => 's',
        PulseqRfUse.Preparation => 'p',
        PulseqRfUse.Other => 'o',
        _ => 'u',
    };
}
