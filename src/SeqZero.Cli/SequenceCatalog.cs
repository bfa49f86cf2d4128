using SeqZero.Sequences;
using SeqZero.Sequences.Builders;

namespace SeqZero.Cli;

/// <summary>The built-in sequences by the names the CLI accepts, built from the physics options a user gives.
/// Options left out keep each builder's defaults.</summary>
internal static class SequenceCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["flash", "bssfp", "rare", "se", "irflash", "epi"];

    public sealed record Request(string Name, int Matrix, double FovMeters, double? RepetitionTimeSeconds, double? EchoTimeSeconds, double? FlipAngleDegrees);

    public static Sequence Build(Request r) => r.Name switch
    {
        "flash" => Flash.Build(new FlashOptions
        {
            Matrix = r.Matrix, FovMeters = r.FovMeters, RepetitionTimeSeconds = r.RepetitionTimeSeconds, EchoTimeSeconds = r.EchoTimeSeconds,
            FlipAngleDegrees = r.FlipAngleDegrees ?? new FlashOptions().FlipAngleDegrees,
        }),
        "bssfp" => Bssfp.Build(new BssfpOptions
        {
            Matrix = r.Matrix, FovMeters = r.FovMeters, RepetitionTimeSeconds = r.RepetitionTimeSeconds,
            FlipAngleDegrees = r.FlipAngleDegrees ?? new BssfpOptions().FlipAngleDegrees,
        }),
        "rare" => Rare.Build(new RareOptions
        {
            Matrix = r.Matrix, FovMeters = r.FovMeters, EchoSpacingSeconds = r.EchoTimeSeconds,
            RefocusingFlipDegrees = r.FlipAngleDegrees ?? new RareOptions().RefocusingFlipDegrees,
        }),
        "se" => SpinEcho.Build(new SpinEchoOptions
        {
            Matrix = r.Matrix, FovMeters = r.FovMeters,
            EchoTimeSeconds = r.EchoTimeSeconds ?? new SpinEchoOptions().EchoTimeSeconds,
            RepetitionTimeSeconds = r.RepetitionTimeSeconds ?? new SpinEchoOptions().RepetitionTimeSeconds,
        }),
        "irflash" => InversionFlash.Build(new InversionFlashOptions
        {
            Matrix = r.Matrix, FovMeters = r.FovMeters, FlipAngleDegrees = r.FlipAngleDegrees ?? new InversionFlashOptions().FlipAngleDegrees,
        }),
        "epi" => Epi.Build(new EpiOptions
        {
            Matrix = r.Matrix, FovMeters = r.FovMeters, EchoTimeSeconds = r.EchoTimeSeconds,
            FlipAngleDegrees = r.FlipAngleDegrees ?? new EpiOptions().FlipAngleDegrees,
        }),
        _ => throw new ArgumentException($"--sequence: unknown sequence '{r.Name}'; choose one of {string.Join(", ", Names)}."),
    };
}
