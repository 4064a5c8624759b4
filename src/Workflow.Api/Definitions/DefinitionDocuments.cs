using System.Text.Encodings.Web;
using System.Text.Json;

namespace Workflow.Api.Definitions;

/// <summary>The little the API reads or changes in a definition document itself; everything else is the engine's.</summary>
public static class DefinitionDocuments
{
    /// <summary>The longest definitionId the definitions tables hold.</summary>
    public const int MaxDefinitionIdLength = 200;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The top-level <c>definitionId</c> when it is a string, else "" (a draft may not have one yet).</summary>
    public static string DefinitionIdOf(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty("definitionId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : "";

    /// <summary>
    /// The kind the engine reads the document as: a template when it has <c>phases</c>, else a phase
    /// workflow; null when it is no JSON object (the engine reports that itself).
    /// </summary>
    public static string? KindOf(JsonElement document) => document.ValueKind != JsonValueKind.Object ? null
        : document.TryGetProperty("phases", out _) ? DefinitionKinds.Template : DefinitionKinds.Workflow;

    /// <summary>
    /// The document with its top-level <c>version</c> set (replaced where it is, or added after
    /// <c>definitionId</c>), so that the stored text, its hash and its identity agree.
    /// </summary>
    public static string WithVersion(string json, int version)
    {
        using var document = JsonDocument.Parse(json);
        var hasVersion = document.RootElement.EnumerateObject().Any(p => p.NameEquals("version"));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("version"))
                {
                    writer.WriteNumber("version", version);
                    continue;
                }
                property.WriteTo(writer);
                if (!hasVersion && property.NameEquals("definitionId")) writer.WriteNumber("version", version);
            }
            if (!hasVersion && !document.RootElement.TryGetProperty("definitionId", out _)) writer.WriteNumber("version", version);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
