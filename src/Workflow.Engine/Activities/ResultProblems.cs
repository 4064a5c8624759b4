using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Workflow.Engine.Activities;

/// <summary>
/// Collects the problems of one completion. Each method builds the English sentence and the
/// arguments it was made from, so a client can translate by code without parsing the message.
/// The methods return false so that a check can <c>return problems.X(...)</c> in one line.
/// </summary>
internal sealed class ResultProblems
{
    private List<ResultFieldError>? errors;

    public bool Any => errors is { Count: > 0 };

    public ImmutableArray<ResultFieldError> ToImmutable() => errors is null ? [] : [.. errors];

    public bool Add(string pointer, string code, string message, Dictionary<string, string> arguments)
    {
        (errors ??= []).Add(new ResultFieldError(pointer, code, message, arguments));
        return false;
    }

    public bool Required(string pointer, string label) =>
        Add(pointer, ResultCheckCodes.FieldRequired, $"{label} is required.", new() { ["field"] = label });

    /// <param name="expected">A stable name of what was expected ("integer", "date"), also an argument.</param>
    /// <param name="phrase">How the message says it ("a whole number").</param>
    public bool WrongType(string pointer, string label, string expected, string phrase, JsonElement actual)
    {
        var got = Describe(actual);
        return Add(pointer, ResultCheckCodes.FieldType, $"{label} must be {phrase}, got {got}.",
            new() { ["field"] = label, ["expected"] = expected, ["actual"] = got });
    }

    public bool BelowMinimum(string pointer, string label, double value, double minimum) =>
        Add(pointer, ResultCheckCodes.FieldRange, $"{label} must be at least {Format(minimum)}, got {Format(value)}.",
            new() { ["field"] = label, ["value"] = Format(value), ["minimum"] = Format(minimum) });

    public bool AboveMaximum(string pointer, string label, double value, double maximum) =>
        Add(pointer, ResultCheckCodes.FieldRange, $"{label} must be at most {Format(maximum)}, got {Format(value)}.",
            new() { ["field"] = label, ["value"] = Format(value), ["maximum"] = Format(maximum) });

    public bool TooFewItems(string pointer, string label, int count, double minimum, string noun) =>
        Add(pointer, ResultCheckCodes.FieldRange,
            $"{label} must have at least {Format(minimum)} {noun}{(minimum == 1 ? "" : "s")}, got {count}.",
            new() { ["field"] = label, ["count"] = count.ToString(CultureInfo.InvariantCulture), ["minimum"] = Format(minimum) });

    public bool Unknown(string pointer, string name, string owner) =>
        Add(pointer, ResultCheckCodes.FieldUnknown, $"{owner} has no field \"{name}\".",
            new() { ["field"] = name, ["owner"] = owner });

    public bool Duplicate(string pointer, string label) =>
        Add(pointer, ResultCheckCodes.FieldDuplicate, $"{label} appears more than once.", new() { ["field"] = label });

    public bool Derived(string pointer, string name) =>
        Add(pointer, ResultCheckCodes.FieldDerived, $"{name} is computed by the engine and must not be sent.",
            new() { ["field"] = name });

    /// <summary>Escapes a property name for a JSON Pointer (RFC 6901): ~ as ~0, / as ~1.</summary>
    public static string Pointer(string name) =>
        "/" + (name.AsSpan().IndexOfAny('~', '/') < 0 ? name : name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A short rendering of a wrong value for a message: the literal, or its kind when it is a container.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Truncate(value.GetRawText()),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
