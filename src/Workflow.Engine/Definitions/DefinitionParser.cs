using Workflow.Engine.Texts;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Canonical;
using Workflow.Engine.Validation;
using Workflow.Engine.Values;

namespace Workflow.Engine.Definitions;

/// <summary>
/// Turns definition JSON into records, reporting every structural problem with its location.
/// Graph and expression rules are checked later, when the definition is compiled.
/// </summary>
public static class DefinitionParser
{
    /// <summary>Publication metadata that does not change what a definition means, so it is left out of its hash.</summary>
    public static readonly IReadOnlySet<string> MetadataProperties = FrozenSet.ToFrozenSet(
        ["$schema", "id", "isLatest", "isPublished", "createdAt", "publishedAt", "contentHash"], StringComparer.Ordinal);

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses a phase workflow or a campaign template; which one is told by <c>root</c> or <c>phases</c>.</summary>
    public static ParsedDefinition Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            // The reader's own sentence stays in the English text only; the Chinese one says where.
            var text = exception.LineNumber is { } line
                ? EngineText.Of("definition.json_malformed_at", ("line", line + 1), ("position", (exception.BytePositionInLine ?? 0) + 1), ("error", FirstSentence(exception.Message)))
                : EngineText.Of("definition.json_malformed", ("error", FirstSentence(exception.Message)));
            return ParsedDefinition.Failed(new ValidationError(ValidationCodes.JsonMalformed, text, ""));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ParsedDefinition.Failed(new ValidationError(ValidationCodes.PropertyInvalid, EngineText.Of("definition.not_object"), ""));
            string hash;
            try
            {
                hash = JsonCanonicalizer.Sha256Hex(root, MetadataProperties);
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
            {
                return ParsedDefinition.Failed(new ValidationError(ValidationCodes.JsonMalformed,
                    EngineText.Of("definition.not_canonical", ("error", exception.Message)), ""));
            }
            var reader = new DocumentReader();
            if (root.TryGetProperty("phases", out _))
            {
                var template = TemplateParser.Read(root, hash, reader);
                return new ParsedDefinition(null, template, [.. reader.Errors]);
            }
            var workflow = WorkflowParser.Read(root, hash, reader);
            return new ParsedDefinition(workflow, null, [.. reader.Errors]);
        }
    }

    internal static ImmutableArray<InputDefinition> ReadInputs(JsonElement owner, string name, DocumentReader reader)
    {
        if (reader.Array(owner, name, "", required: false) is not { } array) return [];
        var inputs = ImmutableArray.CreateBuilder<InputDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var pointer = $"/{name}/{index++}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                reader.Add(ValidationCodes.PropertyInvalid, EngineText.Of("element.object", ("what", EngineText.Of("noun.input"))), pointer);
                continue;
            }
            var inputName = reader.Identifier(item, "name", pointer, "input");
            var typeText = reader.RequiredString(item, "type", pointer);
            if (inputName is null || typeText is null) continue;
            if (!DataTypes.TryParse(typeText, out var type))
            {
                reader.Add(ValidationCodes.PropertyInvalid, EngineText.Of("input.type_unknown", ("type", typeText), ("types", DataTypes.Names)), $"{pointer}/type");
                continue;
            }
            if (!seen.Add(inputName))
            {
                reader.Add(ValidationCodes.TemplateInputDuplicate, EngineText.Of("input.duplicate", ("name", inputName)), $"{pointer}/name");
                continue;
            }
            inputs.Add(new InputDefinition(
                inputName,
                type,
                item.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True,
                item.TryGetProperty("default", out var fallback) ? fallback.Clone() : null,
                item.TryGetProperty("minimum", out var minimum) && minimum.ValueKind == JsonValueKind.Number ? minimum.GetDouble() : null,
                item.TryGetProperty("maximum", out var maximum) && maximum.ValueKind == JsonValueKind.Number ? maximum.GetDouble() : null,
                reader.Texts(item, "displayNames", pointer),
                reader.OptionalString(item, "description", pointer)));
        }
        return inputs.ToImmutable();
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>The result of parsing: one of the two definitions, or the problems that stopped it.</summary>
public sealed record ParsedDefinition(PhaseWorkflowDefinition? Workflow, CampaignTemplate? Template, ImmutableArray<ValidationError> Errors)
{
    public bool Succeeded => Errors.IsEmpty && (Workflow is not null || Template is not null);

    public DefinitionIdentity? Identity => Workflow?.Identity ?? Template?.Identity;

    internal static ParsedDefinition Failed(ValidationError error) => new(null, null, [error]);
}
