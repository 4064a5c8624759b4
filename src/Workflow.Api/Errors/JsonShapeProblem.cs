using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Workflow.Api.Errors;

/// <summary>
/// The first place, in document order, where well-formed JSON does not fit the type the endpoint reads it as:
/// a member the type does not have, a member sent twice, or a value whose JSON token the member's type cannot
/// take. Walks the buffered body with <see cref="Utf8JsonReader"/> beside the serializer's own contract
/// (<see cref="JsonTypeInfo"/>), so the answer comes from the token and the type, not from the serializer's sentences.
/// </summary>
internal static class JsonShapeProblem
{
    /// <summary>A problem code, the text variant under it (null for the code's own text), and its arguments.</summary>
    public sealed record Found(string Code, string? Variant, Dictionary<string, string> Arguments);

    private sealed class Walk(JsonSerializerOptions options)
    {
        public JsonSerializerOptions Options { get; } = options;
        public Found? Result { get; set; }
    }

    /// <summary>The first misfit of <paramref name="json"/> (well-formed) against <paramref name="type"/>; null when it fits or the type is unknown.</summary>
    public static Found? Find(ReadOnlySpan<byte> json, Type? type, JsonSerializerOptions options, JsonReaderOptions readerOptions)
    {
        var reader = new Utf8JsonReader(json, readerOptions);
        if (!reader.Read()) return null;
        var walk = new Walk(options);
        Value(ref reader, type is null ? null : options.GetTypeInfo(type), null, "$", walk);
        return walk.Result;
    }

    /// <summary>Checks the value the reader stands on, leaving the reader on its last token; false once a problem is found.</summary>
    private static bool Value(ref Utf8JsonReader reader, JsonTypeInfo? type, JsonPropertyInfo? member, string path, Walk walk)
    {
        if (type is null || type.Type == typeof(object) || type.Type == typeof(JsonElement) || type.Type == typeof(JsonElement?)
            || typeof(JsonNode).IsAssignableFrom(type.Type) || type.Type == typeof(JsonDocument))
            return Any(ref reader, path, walk);
        if (reader.TokenType == JsonTokenType.Null)
            return !type.Type.IsValueType || Nullable.GetUnderlyingType(type.Type) is not null || Wrong(reader, path, Expected(type), walk);
        return type.Kind switch
        {
            JsonTypeInfoKind.Object => reader.TokenType == JsonTokenType.StartObject ? Members(ref reader, type, path, walk) : Wrong(reader, path, "object", walk),
            JsonTypeInfoKind.Enumerable => reader.TokenType == JsonTokenType.StartArray ? Elements(ref reader, walk.Options.GetTypeInfo(type.ElementType!), path, walk) : Wrong(reader, path, "array", walk),
            JsonTypeInfoKind.Dictionary => reader.TokenType == JsonTokenType.StartObject ? Entries(ref reader, walk.Options.GetTypeInfo(type.ElementType!), path, walk) : Wrong(reader, path, "object", walk),
            _ => Scalar(ref reader, type.Type, member?.NumberHandling ?? type.NumberHandling ?? walk.Options.NumberHandling, path, walk),
        };
    }

    private static bool Members(ref Utf8JsonReader reader, JsonTypeInfo type, string path, Walk walk)
    {
        var comparison = walk.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var seen = new HashSet<string>(comparison);
        var extension = type.Properties.FirstOrDefault(p => p.IsExtensionData);
        var disallowUnknown = (type.UnmappedMemberHandling ?? walk.Options.UnmappedMemberHandling) == JsonUnmappedMemberHandling.Disallow;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var at = Child(path, name);
            var property = type.Properties.FirstOrDefault(p => !p.IsExtensionData && comparison.Equals(p.Name, name));
            if (property is null && extension is null && disallowUnknown) return Stop(walk, ProblemCodes.UnknownField, null, ("key", name), ("path", at));
            if (!seen.Add(name) && !walk.Options.AllowDuplicateProperties) return Stop(walk, ProblemCodes.DuplicateKey, null, ("key", name), ("path", at));
            reader.Read();
            if (property is null && extension is null) reader.Skip();
            else if (!Value(ref reader, property is null ? null : walk.Options.GetTypeInfo(property.PropertyType), property, at, walk)) return false;
        }
        return true;
    }

    private static bool Elements(ref Utf8JsonReader reader, JsonTypeInfo element, string path, Walk walk)
    {
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            if (!Value(ref reader, element, null, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), walk)) return false;
        return true;
    }

    private static bool Entries(ref Utf8JsonReader reader, JsonTypeInfo element, string path, Walk walk)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            if (!seen.Add(key) && !walk.Options.AllowDuplicateProperties) return Stop(walk, ProblemCodes.DuplicateKey, null, ("key", key), ("path", Child(path, key)));
            reader.Read();
            if (!Value(ref reader, element, null, Child(path, key), walk)) return false;
        }
        return true;
    }

    /// <summary>Any JSON (a JsonElement member): only duplicate names are refused, as the serializer refuses them there too.</summary>
    private static bool Any(ref Utf8JsonReader reader, string path, Walk walk)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
                if (!Any(ref reader, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), walk)) return false;
            return true;
        }
        if (reader.TokenType != JsonTokenType.StartObject) return true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!seen.Add(name) && !walk.Options.AllowDuplicateProperties) return Stop(walk, ProblemCodes.DuplicateKey, null, ("key", name), ("path", Child(path, name)));
            reader.Read();
            if (!Any(ref reader, Child(path, name), walk)) return false;
        }
        return true;
    }

    /// <summary>A value the serializer reads with a built-in converter: the JSON token it takes, and whether the value fits.</summary>
    private static bool Scalar(ref Utf8JsonReader reader, Type declared, JsonNumberHandling numbers, string path, Walk walk)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var token = reader.TokenType;
        if (type.IsEnum) return Enum(ref reader, type, path, walk);
        if (JsonScalars.Integer(type) is { } range)
        {
            var text = token == JsonTokenType.Number ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan) : token == JsonTokenType.String && numbers.HasFlag(JsonNumberHandling.AllowReadingFromString) ? reader.GetString() : null;
            // Text that is no number at all is the wrong type; a number that is not whole or too large is out of range.
            if (text is null || (token == JsonTokenType.String && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                return Wrong(reader, path, "integer", walk);
            if (token == JsonTokenType.Number ? JsonScalars.FitsInteger(ref reader, type) : JsonScalars.FitsInteger(text, type)) return true;
            return Stop(walk, ProblemCodes.ValueInvalid, "range", ("path", path), ("expected", "integer"), ("min", range.Min), ("max", range.Max), ("value", Clip(text)));
        }
        if (JsonScalars.IsFloat(type))
        {
            if (token == JsonTokenType.Number) return true;
            if (token == JsonTokenType.String && numbers.HasFlag(JsonNumberHandling.AllowReadingFromString)
                && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return true;
            return Wrong(reader, path, "number", walk);
        }
        if (type == typeof(bool)) return token is JsonTokenType.True or JsonTokenType.False || Wrong(reader, path, "boolean", walk);
        if (JsonScalars.StringFormat(type) is { } format)
        {
            if (token != JsonTokenType.String) return Wrong(reader, path, "string", walk);
            if (format.Length == 0 || JsonScalars.FitsFormat(ref reader, type)) return true;
            return Stop(walk, ProblemCodes.ValueInvalid, "format", ("path", path), ("expected", "string"), ("format", format), ("example", JsonScalars.Example(format)), ("value", Clip(reader.GetString()!)));
        }
        // A type with its own converter: whatever it takes, the serializer says so itself.
        return true;
    }

    private static bool Enum(ref Utf8JsonReader reader, Type type, string path, Walk walk)
    {
        // The API registers its string converter with camelCase names (ErrorSetup); without one, enums are numbers only.
        var named = walk.Options.Converters.OfType<JsonStringEnumConverter>().Any();
        var policy = named ? JsonNamingPolicy.CamelCase : null;
        var names = System.Enum.GetNames(type).Select(n => policy?.ConvertName(n) ?? n).ToList();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out _)) return true;
        if (named && reader.TokenType == JsonTokenType.String && reader.GetString() is { } text
            && (names.Contains(text, StringComparer.OrdinalIgnoreCase) || System.Enum.GetNames(type).Contains(text, StringComparer.OrdinalIgnoreCase)))
            return true;
        return Stop(walk, ProblemCodes.ValueInvalid, "enum", ("path", path), ("expected", "string"), ("allowed", string.Join(", ", names)),
            ("found", FoundOf(reader.TokenType)));
    }

    private static bool Wrong(Utf8JsonReader reader, string path, string expected, Walk walk) =>
        Stop(walk, ProblemCodes.ValueInvalid, null, ("path", path), ("expected", expected), ("found", FoundOf(reader.TokenType)));

    /// <summary>The JSON type of a token as a client would name it.</summary>
    private static string FoundOf(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        _ => "null",
    };

    private static string Expected(JsonTypeInfo type)
    {
        var inner = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return type.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "object",
            JsonTypeInfoKind.Enumerable => "array",
            _ when JsonScalars.Integer(inner) is not null => "integer",
            _ when JsonScalars.IsFloat(inner) => "number",
            _ when inner == typeof(bool) => "boolean",
            _ => "string",
        };
    }

    private static bool Stop(Walk walk, string code, string? variant, params (string Key, string Value)[] arguments)
    {
        walk.Result = new Found(code, variant, arguments.ToDictionary(a => a.Key, a => a.Value));
        return false;
    }

    /// <summary>A member's path as System.Text.Json writes it: <c>$.name</c>, or <c>$['a.b']</c> when the name has characters a dot path cannot hold.</summary>
    private static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-') ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static string Clip(string value) => value.Length > 100 ? value[..100] + "…" : value;
}
