namespace SeqZero.Sequences;

/// <summary>What an RF pulse is for. Stated by whoever builds the sequence, never guessed from the flip angle:
/// the k-space trajectory depends on it (reset at excitation, mirrored at refocusing).</summary>
public enum PulseUsage
{
    /// <summary>No stated purpose; the trajectory passes through unchanged.</summary>
    Undefined,
    /// <summary>Creates transverse magnetisation; k-space restarts at 0.</summary>
    Excitation,
    /// <summary>Mirrors the phase of transverse magnetisation; k → −k.</summary>
    Refocusing,
    /// <summary>Inverts Mz (preparation); k-space is not affected.</summary>
    Inversion,
    /// <summary>Stores or recalls magnetisation along z (stimulated echo); k-space passes through.</summary>
    Storage,
}
