using System.Buffers;
using System.Text.Json;

namespace Workflow.Engine.Values;

/// <summary>Small helpers to make immutable <see cref="JsonElement"/> values without reflection.</summary>
public static class JsonValues
{
    public static readonly JsonElement Null = Parse("null");
    public static readonly JsonElement True = Parse("true");
    public static readonly JsonElement False = Parse("false");
    public static readonly JsonElement EmptyArray = Parse("[]");
    public static readonly JsonElement EmptyObject = Parse("{}");

    public static JsonElement From(bool value) => value ? True : False;

    public static JsonElement From(string value) => Write(w => w.WriteStringValue(value));

    public static JsonElement From(double value) => Write(w => w.WriteNumberValue(value));

    public static JsonElement From(long value) => Write(w => w.WriteNumberValue(value));

    /// <summary>Builds a value with a writer; the element owns a private copy of the bytes.</summary>
    public static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The value as a JSON array of the given elements.</summary>
    public static JsonElement Array(IEnumerable<JsonElement> items) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var item in items) item.WriteTo(w);
        w.WriteEndArray();
    });

    /// <summary>The value as a JSON object of the given properties, in their order.</summary>
    public static JsonElement Object(IReadOnlyDictionary<string, JsonElement> properties) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            w.WritePropertyName(name);
            value.WriteTo(w);
        }
        w.WriteEndObject();
    });

    public static string? AsString(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
}
