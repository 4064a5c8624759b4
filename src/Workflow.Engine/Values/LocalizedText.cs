using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Engine.Values;

/// <summary>Display text in several languages, keyed by culture name ("en", "zh-CN").</summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed record LocalizedText(ImmutableSortedDictionary<string, string> Texts)
{
    public static readonly LocalizedText Empty = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    public static LocalizedText Of(string en, string zh) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [new KeyValuePair<string, string>("en", en), new KeyValuePair<string, string>("zh-CN", zh)]));

    /// <summary>The text for a culture, falling back to its language, then English, then any text.</summary>
    public string? Get(string culture)
    {
        if (Texts.TryGetValue(culture, out var exact)) return exact;
        var dash = culture.IndexOf('-');
        var language = dash > 0 ? culture[..dash] : culture;
        foreach (var (key, value) in Texts)
            if (key.StartsWith(language, StringComparison.OrdinalIgnoreCase)) return value;
        if (Texts.TryGetValue("en", out var en)) return en;
        return Texts.Count > 0 ? Texts.First().Value : null;
    }
}

/// <summary>Writes and reads <see cref="LocalizedText"/> as a plain object: <c>{"en": "...", "zh-CN": "..."}</c>.</summary>
internal sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object of texts by culture.");
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            builder[key] = reader.GetString() ?? "";
        }
        return new LocalizedText(builder.ToImmutable());
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value.Texts) writer.WriteString(key, text);
        writer.WriteEndObject();
    }
}
