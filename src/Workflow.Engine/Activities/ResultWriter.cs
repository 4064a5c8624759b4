using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// Writes the stored form of a good result: the descriptor's fields in its order (so stored
/// results diff cleanly and read the same everywhere), integers as integers (125.0 becomes 125),
/// documents and findings with their properties in a fixed order and nulls dropped, derived
/// ratios added, and the outcome last.
/// </summary>
internal static class ResultWriter
{
    public static readonly JsonElement EmptyObject = Parse("{}"u8);

    private static readonly JsonEncodedText OutcomeName = JsonEncodedText.Encode("outcome");

    public static JsonElement Write(ResultCheckPlan plan, ResultValues state, string port)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var index = 0; index < plan.Fields.Length; index++)
            {
                var (numerator, denominator) = plan.Ratios[index];
                if (numerator >= 0)
                {
                    // A ratio over nothing (no forms issued) is unknown, not 0: leave it out.
                    if (state.Given[numerator] && state.Given[denominator] && state.Numbers[denominator] != 0)
                        writer.WriteNumber(plan.EncodedNames[index], state.Numbers[numerator] / state.Numbers[denominator]);
                    continue;
                }
                if (!state.Given[index]) continue;
                writer.WritePropertyName(plan.EncodedNames[index]);
                switch (plan.Fields[index].Type)
                {
                    case DataType.Integer:
                        writer.WriteNumberValue((long)state.Numbers[index]);
                        break;
                    case DataType.Documents:
                        WriteItems(writer, state.Values[index], ValueFormats.DocumentProperties);
                        break;
                    case DataType.Findings:
                        WriteItems(writer, state.Values[index], ValueFormats.FindingProperties);
                        break;
                    default:
                        state.Values[index].WriteTo(writer);
                        break;
                }
            }
            if (port.Length > 0) writer.WriteString(OutcomeName, port);
            writer.WriteEndObject();
        }
        return Parse(buffer.WrittenSpan);
    }

    private static void WriteItems(Utf8JsonWriter writer, JsonElement array, ImmutableArray<string> names)
    {
        writer.WriteStartArray();
        foreach (var item in array.EnumerateArray())
        {
            writer.WriteStartObject();
            foreach (var name in names)
                if (item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    // The element must outlive the document: Clone copies it out before the pooled buffers go back.
    private static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }
}
