namespace SeqZero.Phantoms;

/// <summary>A phantom that cannot be simulated: a missing or malformed map, a non-physical value, an unreadable file.
/// The message is one sentence naming the source (file or builder) and the field.</summary>
public sealed class PhantomException(string source, string field, string problem, Exception? inner = null)
    : Exception($"{source}: {field}: {problem}", inner)
{
    public string Origin { get; } = source;
    public string Field { get; } = field;
}
