using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workflow.Api.Errors;

/// <summary>
/// Reads what went wrong from the exceptions that request binding throws, so the problem can name
/// the field, the parameter or the place in the body in the caller's language. The framework only
/// says it in English sentences; the patterns below are those sentences.
/// </summary>
internal static partial class BadRequests
{
    public static (int Status, string Code, Dictionary<string, string> Arguments) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: 413 } => (413, ProblemCodes.RequestTooLarge, []),
        BadHttpRequestException { InnerException: JsonException json } => Json(json),
        BadHttpRequestException { StatusCode: 415 } => (415, ProblemCodes.MediaTypeUnsupported, []),
        BadHttpRequestException bad => Binding(bad),
        JsonException json => Json(json),
        _ => (500, ProblemCodes.ServerError, []),
    };

    /// <summary>Invalid JSON is "malformed"; valid JSON with a value of the wrong type names the path and the JSON type wanted.</summary>
    private static (int, string, Dictionary<string, string>) Json(JsonException json)
    {
        var path = json.Path is { Length: > 0 } p ? p : "$";
        if (UnmappedProperty().Match(json.Message) is { Success: true } unknown)
            return (400, ProblemCodes.UnknownField, new() { ["key"] = unknown.Groups["name"].Value, ["path"] = path });
        if (DuplicateProperty().Match(json.Message) is { Success: true } duplicate)
            return (400, ProblemCodes.DuplicateKey, new() { ["key"] = duplicate.Groups["name"].Value, ["path"] = path });
        if (ExpectedType(json) is { } expected)
            return (400, ProblemCodes.ValueInvalid, new() { ["path"] = path, ["expected"] = expected });
        var message = json.InnerException is InvalidOperationException inner ? inner.Message : json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal) is > 0 and var at ? at : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var line = ((json.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        var position = ((json.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        return (400, ProblemCodes.RequestMalformed, new()
        {
            ["error"] = $"{(cut > 0 ? message[..cut] : message).TrimEnd('.')} (line {line}, position {position}).",
            ["path"] = path, ["line"] = line, ["position"] = position,
        });
    }

    /// <summary>
    /// The JSON type the value should have had, from what System.Text.Json says: a token read as the
    /// wrong kind, a number or string that does not fit the .NET type, or a whole value of the wrong shape.
    /// Null when the JSON itself is broken.
    /// </summary>
    private static string? ExpectedType(JsonException json) => json.InnerException switch
    {
        InvalidOperationException e when TokenReadAs().Match(e.Message) is { Success: true } m => m.Groups["type"].Value,
        FormatException e when OutOfBounds().Match(e.Message) is { Success: true } m => JsonType("System." + m.Groups["type"].Value),
        null when ConvertedTo().Match(json.Message) is { Success: true } m => JsonType(m.Groups["type"].Value),
        _ => null,
    };

    private static (int, string, Dictionary<string, string>) Binding(BadHttpRequestException bad)
    {
        if (FailedToBind().Match(bad.Message) is { Success: true } failed)
        {
            var value = failed.Groups["value"].Value;
            return (400, ProblemCodes.ParameterInvalid, new() { ["parameter"] = failed.Groups["name"].Value, ["value"] = value.Length > 100 ? value[..100] + "…" : value });
        }
        if (NotProvided().Match(bad.Message) is { Success: true } missing)
            return missing.Groups["source"].Value.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? (400, ProblemCodes.BodyRequired, [])
                : (400, ProblemCodes.ParameterRequired, new() { ["parameter"] = missing.Groups["name"].Value });
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)) return (400, ProblemCodes.BodyRequired, []);
        return (bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, ProblemCodes.RequestInvalid, new() { ["error"] = bad.Message });
    }

    /// <summary>The JSON type a .NET type is read from, as a client would name it.</summary>
    private static string JsonType(string clrType)
    {
        var type = NullableOf().Match(clrType) is { Success: true } nullable ? nullable.Groups["inner"].Value : clrType;
        return type switch
        {
            "System.Byte" or "System.Int16" or "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" or "System.UInt64" => "integer",
            "System.Single" or "System.Double" or "System.Decimal" => "number",
            "System.Boolean" => "boolean",
            "System.String" or "System.Guid" or "System.DateTime" or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly" => "string",
            _ when type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List`1", StringComparison.Ordinal) => "array",
            _ => "object",
        };
    }

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.(\s|$)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"Cannot get the value of a token type '\w+' as an? (?<type>number|string|boolean)\.")]
    private static partial Regex TokenReadAs();

    [GeneratedRegex(@"out of bounds for an? (?<type>\w+)\.$")]
    private static partial Regex OutOfBounds();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$")]
    private static partial Regex NullableOf();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ \"]+)\" was not provided from (?<source>.+?)\\.$")]
    private static partial Regex NotProvided();

    /// <summary>System.Text.Json's words for a member the request type does not have (UnmappedMemberHandling is Disallow).</summary>
    [GeneratedRegex("^The JSON property '(?<name>[^']*)' could not be mapped to any .NET member")]
    private static partial Regex UnmappedProperty();

    /// <summary>System.Text.Json's words for a member sent twice (AllowDuplicateProperties is off).</summary>
    [GeneratedRegex("^Duplicate property '(?<name>[^']*)'")]
    private static partial Regex DuplicateProperty();
}
