using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Engine.Serialization;

/// <summary>
/// Reads <see cref="ImmutableSortedDictionary{TKey,TValue}"/> with string keys using the ordinal
/// comparer, as the engine builds them; the default would sort by the current culture.
/// </summary>
internal sealed class OrdinalSortedDictionaryConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableSortedDictionary<,>)
        && typeToConvert.GetGenericArguments()[0] == typeof(string);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[1]))!;

    private sealed class Converter<TValue> : JsonConverter<ImmutableSortedDictionary<string, TValue>>
    {
        public override ImmutableSortedDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
            var builder = ImmutableSortedDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                builder[key] = JsonSerializer.Deserialize<TValue>(ref reader, options)!;
            }
            return builder.ToImmutable();
        }

        public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, TValue> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }
            writer.WriteEndObject();
        }
    }
}
