using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeqZero.Cli;

/// <summary>JSON as the tool writes it: snake_case names, indented, non-finite numbers as named literals.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static void Write<T>(string path, T value) => File.WriteAllText(path, Serialize(value) + "\n");
}
