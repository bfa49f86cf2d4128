using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeqZero.Search;

/// <summary>A tissue in JSON as its short name ("GM", "WM", "CSF"), as the tables print it.</summary>
public sealed class TissueClassJsonConverter : JsonConverter<TissueClass>
{
    public override TissueClass Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A tissue is a string: GM, WM or CSF.");
        string? name = reader.GetString();
        return TissueClasses.TryParse(name, out TissueClass tissue) ? tissue : throw new JsonException(TissueClasses.NotATissue(name));
    }

    public override void Write(Utf8JsonWriter writer, TissueClass value, JsonSerializerOptions options) => writer.WriteStringValue(value.ShortName());
}
