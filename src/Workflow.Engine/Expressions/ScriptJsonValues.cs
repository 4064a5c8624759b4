using System.Buffers;
using System.Text.Json;

namespace Workflow.Engine.Expressions;

/// <summary>Builds small standalone JSON values (results, lengths, whole scope sections).</summary>
internal static class ScriptJsonValues
{
    public static readonly JsonElement Null = Parse("null"u8);
    public static readonly JsonElement True = Parse("true"u8);
    public static readonly JsonElement False = Parse("false"u8);

    public static JsonElement Boolean(bool value) => value ? True : False;

    public static JsonElement Number(long value) => Write(writer => writer.WriteNumberValue(value));

    public static JsonElement Array(IEnumerable<JsonElement> items) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var item in items) item.WriteTo(writer);
        writer.WriteEndArray();
    });

    public static JsonElement Object(IReadOnlyDictionary<string, JsonElement> properties) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
        writer.WriteEndObject();
    });

    /// <summary>Writes one JSON value and returns it as an element that owns its memory.</summary>
    public static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return Parse(buffer.WrittenSpan);
    }

    private static JsonElement Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        // ParseValue gives an element backed by its own document, so nothing needs disposing.
        return JsonElement.ParseValue(ref reader);
    }
}
