using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Engine.Texts;
using Workflow.Engine.Validation;
using Workflow.Engine.Values;

namespace Workflow.Engine.Definitions;

/// <summary>
/// Reads typed values out of a JSON document while collecting every problem with its JSON Pointer,
/// so that one pass reports all of them instead of stopping at the first.
/// </summary>
internal sealed partial class DocumentReader
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(string code, EngineText text, string pointer, string? activityId = null, ConnectionRef? connection = null) =>
        _errors.Add(new ValidationError(code, text, pointer, activityId, connection));

    public string? RequiredString(JsonElement owner, string name, string pointer, string? activityId = null)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            Add(ValidationCodes.PropertyMissing, EngineText.Of("property.required", ("name", name)), pointer, activityId);
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text) return text;
        Add(ValidationCodes.PropertyInvalid, EngineText.Of("property.non_empty_string", ("name", name)), $"{pointer}/{name}", activityId);
        return null;
    }

    public string? OptionalString(JsonElement owner, string name, string pointer)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Add(ValidationCodes.PropertyInvalid, EngineText.Of("property.string", ("name", name)), $"{pointer}/{name}");
        return null;
    }

    public string? Identifier(JsonElement owner, string name, string pointer, string what)
    {
        var id = RequiredString(owner, name, pointer);
        if (id is not null && !IdentifierPattern().IsMatch(id))
        {
            Add(ValidationCodes.IdentifierInvalid,
                EngineText.Of("identifier.invalid", ("what", EngineText.Of("noun." + what)), ("id", id)),
                $"{pointer}/{name}");
            return null;
        }
        return id;
    }

    public int? PositiveInt(JsonElement owner, string name, string pointer)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            Add(ValidationCodes.PropertyMissing, EngineText.Of("property.required", ("name", name)), pointer);
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0) return number;
        Add(ValidationCodes.PropertyInvalid, EngineText.Of("property.positive_integer", ("name", name)), $"{pointer}/{name}");
        return null;
    }

    public JsonElement? Array(JsonElement owner, string name, string pointer, bool required)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Add(ValidationCodes.PropertyMissing, EngineText.Of("property.required", ("name", name)), pointer);
            return null;
        }
        if (value.ValueKind == JsonValueKind.Array) return value;
        Add(ValidationCodes.PropertyInvalid, EngineText.Of("property.array", ("name", name)), $"{pointer}/{name}");
        return null;
    }

    public JsonElement? Object(JsonElement owner, string name, string pointer, bool required)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Add(ValidationCodes.PropertyMissing, EngineText.Of("property.required", ("name", name)), pointer);
            return null;
        }
        if (value.ValueKind == JsonValueKind.Object) return value;
        Add(ValidationCodes.PropertyInvalid, EngineText.Of("property.object", ("name", name)), $"{pointer}/{name}");
        return null;
    }

    public LocalizedText Texts(JsonElement owner, string name, string pointer)
    {
        if (Object(owner, name, pointer, required: false) is not { } texts) return LocalizedText.Empty;
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in texts.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String) builder[property.Name] = property.Value.GetString()!;
            else Add(ValidationCodes.PropertyInvalid, EngineText.Of("property.text_string", ("culture", property.Name)), $"{pointer}/{name}/{Escape(property.Name)}");
        }
        return new LocalizedText(builder.ToImmutable());
    }

    /// <summary>Reads a literal or an Elsa-style expression object.</summary>
    public InputValue? Value(JsonElement value, string pointer, string? activityId = null)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("expression", out var expression))
            return new LiteralValue(value.Clone());
        if (expression.ValueKind != JsonValueKind.Object)
        {
            Add(ValidationCodes.PropertyInvalid, EngineText.Of("expression.not_object"), $"{pointer}/expression", activityId);
            return null;
        }
        var type = expression.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        expression.TryGetProperty("value", out var source);
        switch (type)
        {
            case "Literal":
                return new LiteralValue(source.ValueKind == JsonValueKind.Undefined ? default : source.Clone());
            case ExpressionValue.JavaScript when source.ValueKind == JsonValueKind.String:
                return new ExpressionValue(ExpressionValue.JavaScript, source.GetString()!);
            case ExpressionValue.JavaScript:
                Add(ValidationCodes.PropertyInvalid, EngineText.Of("expression.source_missing"), $"{pointer}/expression/value", activityId);
                return null;
            default:
                Add(ValidationCodes.ExpressionLanguageUnsupported,
                    EngineText.Of("expression.language_unsupported", ("type", type ?? "(none)")),
                    $"{pointer}/expression/type", activityId);
                return null;
        }
    }

    /// <summary>Escapes a property name for use in a JSON Pointer (RFC 6901).</summary>
    public static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPattern();
}
