namespace SeqZero.Pulseq;

/// <summary>A Pulseq format version major.minor.revision (the [VERSION] section). The reader understands 1.2.x–1.5.x, and
/// legacy binary files stating 1.1.x (their tables are 1.2 tables without event delays, decoded as 1.2).</summary>
public readonly record struct PulseqVersion(int Major, int Minor, int Revision)
{
    /// <summary>Version 1.4.2, the first writer target.</summary>
    public static PulseqVersion V142 { get; } = new(1, 4, 2);

    /// <summary>Version 1.5.1, the second writer target.</summary>
    public static PulseqVersion V151 { get; } = new(1, 5, 1);

    /// <summary>True for the minor versions this reader decodes (1.2 to 1.5).</summary>
    public bool IsSupported => Major == 1 && Minor is >= 2 and <= 5;

    /// <summary>True when this version is at least major.minor.</summary>
    public bool AtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);

    /// <summary>Parses "1.4.2" (the CLI's --version option).</summary>
    /// <exception cref="ArgumentException">Not three dot-separated integers.</exception>
    public static PulseqVersion Parse(string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length == 3 && int.TryParse(parts[0], out int major) && int.TryParse(parts[1], out int minor)
            && int.TryParse(parts[2], out int revision))
        {
            return new PulseqVersion(major, minor, revision);
        }
        throw new ArgumentException($"Pulseq version must look like 1.4.2, found '{text}'.", nameof(text));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Major}.{Minor}.{Revision}";
}
