namespace SeqZero.Phantoms.Loaders;

/// <summary>Checks shared by the file loaders; each failure is a <see cref="PhantomException"/> naming file and field.</summary>
internal static class LoaderChecks
{
    /// <summary>Rejects NaN (and ±∞ unless <paramref name="allowInfinity"/>) anywhere in a map, background included.</summary>
    public static void RequireFinite(string source, string field, ReadOnlySpan<double> values, bool allowInfinity = false)
    {
        for (int i = 0; i < values.Length; i++)
            if (double.IsNaN(values[i]) || !allowInfinity && double.IsInfinity(values[i]))
                throw new PhantomException(source, field, $"value {i} is {values[i]}; every entry must be a finite number.");
    }

    public static void RequireLength(string source, string field, long actual, long expected, string expectedFrom) 
    {
        if (actual != expected)
            throw new PhantomException(source, field, $"has {actual} values, {expectedFrom} has {expected}.");
    }
}
