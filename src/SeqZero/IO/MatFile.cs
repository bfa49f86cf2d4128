using System.Diagnostics.CodeAnalysis;

namespace SeqZero.IO;

/// <summary>The variables of one MAT v5 file, in file order.</summary>
public sealed class MatFile(string path, string description, IReadOnlyList<MatArray> variables)
{
    public string Path { get; } = path;
    /// <summary>The 116-byte descriptive text of the header ("MATLAB 5.0 MAT-file, Platform: …"), trimmed.</summary>
    public string Description { get; } = description;
    public IReadOnlyList<MatArray> Variables { get; } = variables;

    public bool TryGet(string name, [NotNullWhen(true)] out MatArray? variable)
    {
        variable = Variables.FirstOrDefault(v => v.Name == name);
        return variable is not null;
    }

    /// <summary>The variable called <paramref name="name"/>; throws <see cref="InvalidDataException"/> naming the file
    /// and the variables it holds when absent.</summary>
    public MatArray Get(string name) => TryGet(name, out MatArray? v) ? v
        : throw new InvalidDataException($"{Path}: variable '{name}': not in the file; it holds {string.Join(", ", Variables.Select(x => x.Name))}.");
}
