using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
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

    public void Add(string code, string message, string pointer, string? activityId = null, ConnectionRef? connection = null) =>
        _errors.Add(new ValidationError(code, message, pointer, activityId, connection));

    public string? RequiredString(JsonElement owner, string name, string pointer, string? activityId = null)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            Add(ValidationCodes.PropertyMissing, $"'{name}' is required here.", pointer, activityId);
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text) return text;
        Add(ValidationCodes.PropertyInvalid, $"'{name}' must be a non-empty string.", $"{pointer}/{name}", activityId);
        return null;
    }

    public string? OptionalString(JsonElement owner, string name, string pointer)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Add(ValidationCodes.PropertyInvalid, $"'{name}' must be a string.", $"{pointer}/{name}");
        return null;
    }

    public string? Identifier(JsonElement owner, string name, string pointer, string what)
    {
        var id = RequiredString(owner, name, pointer);
        if (id is not null && !IdentifierPattern().IsMatch(id))
        {
            Add(ValidationCodes.IdentifierInvalid,
                $"The {what} id '{id}' must start with a letter and contain only letters, digits, '_' and '-'.",
                $"{pointer}/{name}");
            return null;
        }
        return id;
    }

    public int? PositiveInt(JsonElement owner, string name, string pointer)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            Add(ValidationCodes.PropertyMissing, $"'{name}' is required here.", pointer);
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0) return number;
        Add(ValidationCodes.PropertyInvalid, $"'{name}' must be a positive whole number.", $"{pointer}/{name}");
        return null;
    }

    public JsonElement? Array(JsonElement owner, string name, string pointer, bool required)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Add(ValidationCodes.PropertyMissing, $"'{name}' is required here.", pointer);
            return null;
        }
        if (value.ValueKind == JsonValueKind.Array) return value;
        Add(ValidationCodes.PropertyInvalid, $"'{name}' must be an array.", $"{pointer}/{name}");
        return null;
    }

    public JsonElement? Object(JsonElement owner, string name, string pointer, bool required)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Add(ValidationCodes.PropertyMissing, $"'{name}' is required here.", pointer);
            return null;
        }
        if (value.ValueKind == JsonValueKind.Object) return value;
        Add(ValidationCodes.PropertyInvalid, $"'{name}' must be an object.", $"{pointer}/{name}");
        return null;
    }

    public LocalizedText Texts(JsonElement owner, string name, string pointer)
    {
        if (Object(owner, name, pointer, required: false) is not { } texts) return LocalizedText.Empty;
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in texts.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String) builder[property.Name] = property.Value.GetString()!;
            else Add(ValidationCodes.PropertyInvalid, $"The '{property.Name}' text must be a string.", $"{pointer}/{name}/{Escape(property.Name)}");
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
            Add(ValidationCodes.PropertyInvalid, "'expression' must be an object with 'type' and 'value'.", $"{pointer}/expression", activityId);
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
                Add(ValidationCodes.PropertyInvalid, "A JavaScript expression needs its source text in 'value'.", $"{pointer}/expression/value", activityId);
                return null;
            default:
                Add(ValidationCodes.ExpressionLanguageUnsupported,
                    $"Expressions of type '{type ?? "(none)"}' are not supported; use 'JavaScript' or 'Literal'.",
                    $"{pointer}/expression/type", activityId);
                return null;
        }
    }

    /// <summary>Escapes a property name for use in a JSON Pointer (RFC 6901).</summary>
    public static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPattern();
}
