namespace SeqZero.IO;

/// <summary>The variables of one MAT v5 file, in file order.</summary>
public sealed class MatFile(string path, string description, IReadOnlyList<MatArray> variables)
{
    public string Path { get; } = path;
    /// <summary>The 116-byte descriptive text of the header ("MATLAB 5.0 MAT-file, Platform: …"), trimmed.</summary>
    public string Description { get; } = description;
    public IReadOnlyList<MatArray> Variables { get; } = variables;

    public bool TryGet(string name, out MatArray variable)
    {
        foreach (MatArray v in Variables)
            if (v.Name == name) { variable = v; return true; }
        variable = null!;
        return false;
    }

    /// <summary>The variable called <paramref name="name"/>; throws <see cref="InvalidDataException"/> naming the file
    /// and the variables it holds when absent.</summary>
    public MatArray Get(string name) => TryGet(name, out MatArray v) ? v
        : throw new InvalidDataException($"{Path}: variable '{name}': not in the file; it holds {string.Join(", ", Variables.Select(x => x.Name))}.");
}
