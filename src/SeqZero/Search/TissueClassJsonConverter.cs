using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeqZero.Search;

/// <summary>A tissue in JSON as its short name ("GM", "WM", "CSF"), as the tables print it.</summary>
public sealed class TissueClassJsonConverter : JsonConverter<TissueClass>
{
    public override TissueClass Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        try { return TissueClasses.Parse(name ?? throw new JsonException("A tissue is a string: GM, WM or CSF.")); }
        catch (ArgumentException e) { throw new JsonException(e.Message.Split(" (Parameter")[0]); }
    }

    public override void Write(Utf8JsonWriter writer, TissueClass value, JsonSerializerOptions options) => writer.WriteStringValue(value.ShortName());
}
