namespace SeqZero.Pulseq.Decoding;

/// <summary>One block in absolute time: starts at <see cref="StartSeconds"/> after the sequence start and lasts
/// <see cref="DurationSeconds"/>; event times inside are relative to the block start. Decoded events are shared
/// between blocks that use the same id.</summary>
public sealed class DecodedBlock
{
    internal DecodedBlock(int number, int line, double startSeconds, double durationSeconds, DecodedRf? rf,
        DecodedGradient?[] gradients, DecodedAdc? adc, IReadOnlyList<DecodedExtension> extensions)
    {
        Number = number;
        Line = line;
        StartSeconds = startSeconds;
        DurationSeconds = durationSeconds;
        Rf = rf;
        Gradients = gradients;
        Adc = adc;
        Extensions = extensions;
    }

    /// <summary>1-based block number (the [BLOCKS] id).</summary>
    public int Number { get; }

    /// <summary>Line of the block in the file (its byte offset when the file is binary).</summary>
    public int Line { get; }

    public double StartSeconds { get; }
    public double DurationSeconds { get; }
    public DecodedRf? Rf { get; }

    /// <summary>Gradients on x, y, z (null = none on that axis).</summary>
    public IReadOnlyList<DecodedGradient?> Gradients { get; }

    public DecodedAdc? Adc { get; }

    /// <summary>The block's extension list, in list order.</summary>
    public IReadOnlyList<DecodedExtension> Extensions { get; }
}

/// <summary>One element of a block's extension list: the extension name (LABELSET, TRIGGERS, …) and the row id in its
/// table of <see cref="Model.PulseqFile"/>.</summary>
public readonly record struct DecodedExtension(string Name, int RefId);
