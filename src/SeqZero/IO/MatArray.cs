namespace SeqZero.IO;

/// <summary>One MATLAB array read from a MAT v5 file: a named variable, a cell element or a struct field value.
/// Numeric and logical data are widened to double (64-bit integers beyond 2^53 lose precision) and kept in MATLAB's
/// column-major order: element (i₀, i₁, i₂, …) sits at i₀ + d₀·(i₁ + d₁·(i₂ + …)).</summary>
public sealed class MatArray
{
    internal MatArray(string name, MatClass matClass, int[] dimensions)
    {
        Name = name;
        Class = matClass;
        Dimensions = dimensions;
        long count = 1;
        foreach (int d in dimensions) count *= d;
        ElementCount = count;
    }

    /// <summary>Variable name; empty for cell elements and struct field values.</summary>
    public string Name { get; }
    public MatClass Class { get; }
    /// <summary>Size along each dimension (at least two, as MATLAB stores them).</summary>
    public IReadOnlyList<int> Dimensions { get; }
    /// <summary>Product of <see cref="Dimensions"/>.</summary>
    public long ElementCount { get; }
    /// <summary>True for MATLAB logical arrays (stored as uint8 0/1; <see cref="Real"/> holds 0 or 1).</summary>
    public bool IsLogical { get; internal init; }
    public bool IsComplex => Imaginary is not null;
    public bool IsNumeric => Class >= MatClass.Double;

    /// <summary>Real parts in column-major order (numeric and logical classes; empty otherwise).</summary>
    public double[] Real { get; internal init; } = [];
    /// <summary>Imaginary parts in column-major order, or null for real arrays.</summary>
    public double[]? Imaginary { get; internal init; }
    /// <summary>Characters of a char array in column-major order (a 1×n row is the plain string).</summary>
    public string Text { get; internal init; } = "";
    /// <summary>Elements of a cell array in column-major order.</summary>
    public IReadOnlyList<MatArray> Cells { get; internal init; } = [];
    /// <summary>Field names of a struct array, in file order.</summary>
    public IReadOnlyList<string> FieldNames { get; internal init; } = [];
    /// <summary>Struct values: element e, field f at e·FieldNames.Count + f.</summary>
    internal IReadOnlyList<MatArray> FieldValues { get; init; } = [];

    /// <summary>Value of field <paramref name="fieldName"/> of struct element <paramref name="element"/> (column-major
    /// linear index); throws <see cref="KeyNotFoundException"/> naming the fields present.</summary>
    public MatArray Field(string fieldName, int element = 0)
    {
        if (Class != MatClass.Struct) throw new InvalidOperationException($"'{Name}' is a {Class} array, not a struct.");
        ArgumentOutOfRangeException.ThrowIfNegative(element);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(element, ElementCount);
        for (int f = 0; f < FieldNames.Count; f++)
            if (FieldNames[f] == fieldName) return FieldValues[element * FieldNames.Count + f];
        throw new KeyNotFoundException($"'{Name}' has no field '{fieldName}'; its fields are {string.Join(", ", FieldNames)}.");
    }

    /// <summary>True when the struct has a field of that name.</summary>
    public bool HasField(string fieldName) => FieldNames.Contains(fieldName);

    /// <summary>Number of rows d₀ × columns d₁ of one 2D page; pages are the trailing dimensions d₂·d₃·… .</summary>
    public (int Rows, int Columns, int Pages) PageShape => (Dimensions[0], Dimensions[1], Dimensions[0] * Dimensions[1] == 0 ? 0
        : (int)(ElementCount / ((long)Dimensions[0] * Dimensions[1])));

    /// <summary>Real parts of page <paramref name="page"/> (linear index over dimensions 2…) in MATLAB column-major
    /// order: (row r, column c) at r + c·Rows.</summary>
    public double[] GetPageColumnMajor(int page = 0) => Page(Real, page);

    /// <summary>Real parts of page <paramref name="page"/> in row-major (C) order: (row r, column c) at r·Columns + c,
    /// i.e. the matrix as MATLAB displays it, read line by line.</summary>
    public double[] GetPageRowMajor(int page = 0)
    {
        double[] columnMajor = Page(Real, page);
        (int rows, int columns, _) = PageShape;
        double[] rowMajor = new double[columnMajor.Length];
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < columns; c++)
            rowMajor[r * columns + c] = columnMajor[r + c * rows];
        return rowMajor;
    }

    private double[] Page(double[] values, int page)
    {
        if (!IsNumeric) throw new InvalidOperationException($"'{Name}' is a {Class} array, not numeric.");
        (int rows, int columns, int pages) = PageShape;
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(page, Math.Max(pages, 1));
        return values.AsSpan(page * rows * columns, rows * columns).ToArray();
    }

    public override string ToString() => $"{Name} {Class}{(IsComplex ? " complex" : "")} [{string.Join("×", Dimensions)}]";
}
