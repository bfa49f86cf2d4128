using SeqZero.Phantoms;

namespace SeqZero.Cli;

/// <summary>Exit codes and the classification of exceptions into "bad input" (the user can fix it) and failures.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int RuntimeFailure = 1;
    public const int BadInput = 2;

    /// <summary>Exceptions that describe a problem with a file, an option or a parameter the user gave.</summary>
    public static bool IsBadInput(Exception e) => e is FormatException or PhantomException or ArgumentException
        or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException;

    /// <summary>The one sentence shown to the user: the exception's own message, which names the file/field.</summary>
    public static string Describe(Exception e) => e switch
    {
        ArgumentOutOfRangeException a when a.ParamName is { } name => $"{name}: {FirstLine(a.Message)}",
        _ => FirstLine(e.Message),
    };

    private static string FirstLine(string message)
    {
        int end = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        message = end >= 0 ? message[..end] : message;
        int newline = message.IndexOf('\n');
        return newline >= 0 ? message[..newline].TrimEnd() : message;
    }
}
