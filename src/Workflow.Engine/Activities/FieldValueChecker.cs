using System.Text.Json;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// Checks one submitted value against its field's type and range, reporting every problem it
/// finds (inside documents and findings too) rather than stopping at the first.
/// </summary>
internal static class FieldValueChecker
{
    /// <summary>Returns whether the value is good; a number's value comes out for rules and ratios.</summary>
    public static bool Check(ResultFieldDescriptor field, string pointer, JsonElement value, ResultProblems problems, out double number)
    {
        number = 0;
        var label = field.Name;
        switch (field.Type)
        {
            case DataType.String or DataType.Text:
                if (value.ValueKind != JsonValueKind.String) return problems.WrongType(pointer, label, "string", "a string", value);
                return !field.Required || !string.IsNullOrWhiteSpace(value.GetString()) || problems.Required(pointer, label);
            case DataType.Integer:
                if (!TryInteger(value, out number)) return problems.WrongType(pointer, label, "integer", "a whole number", value);
                return InRange(field, pointer, number, problems);
            case DataType.Number:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out number) || !double.IsFinite(number))
                    return problems.WrongType(pointer, label, "number", "a number", value);
                return InRange(field, pointer, number, problems);
            case DataType.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    || problems.WrongType(pointer, label, "boolean", "true or false", value);
            case DataType.Date:
                return CheckDate(pointer, label, value, problems);
            case DataType.Object:
                return value.ValueKind == JsonValueKind.Object || problems.WrongType(pointer, label, "object", "an object", value);
            case DataType.Array:
                if (value.ValueKind != JsonValueKind.Array) return problems.WrongType(pointer, label, "array", "an array", value);
                return HasEnoughItems(field, pointer, value, "item", problems);
            case DataType.Documents:
                if (value.ValueKind != JsonValueKind.Array) return problems.WrongType(pointer, label, "documents", "an array of documents", value);
                return NestedItemChecker.Documents(label, pointer, value, problems) & HasEnoughItems(field, pointer, value, "document", problems);
            case DataType.Findings:
                if (value.ValueKind != JsonValueKind.Array) return problems.WrongType(pointer, label, "findings", "an array of findings", value);
                return NestedItemChecker.Findings(label, pointer, value, problems) & HasEnoughItems(field, pointer, value, "finding", problems);
            default:
                return problems.WrongType(pointer, label, JsonNames.Of(field.Type), "a supported value", value);
        }
    }

    /// <summary>
    /// An integral JSON number: 125 and 125.0 (as JSON Schema's "integer" accepts), not 12.5, and
    /// not so large that it would lose precision as a double.
    /// </summary>
    public static bool TryInteger(JsonElement value, out double number)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.Number) return false;
        if (value.TryGetInt64(out var whole))
        {
            number = whole;
            return Math.Abs(whole) <= MaxExactInteger;
        }
        return value.TryGetDouble(out number) && double.IsFinite(number) && Math.Floor(number) == number && Math.Abs(number) <= MaxExactInteger;
    }

    /// <summary>2^53: beyond it a double no longer holds every integer, so sums and ratios would be wrong.</summary>
    private const double MaxExactInteger = 9007199254740992;

    public static bool CheckDate(string pointer, string label, JsonElement value, ResultProblems problems)
    {
        if (value.ValueKind != JsonValueKind.String || !ValueFormats.IsDateShaped(value.GetString()!))
            return problems.WrongType(pointer, label, "date", "a date in the form YYYY-MM-DD", value);
        return ValueFormats.IsCalendarDate(value.GetString()!)
            || problems.WrongType(pointer, label, "date", "a real calendar date", value);
    }

    private static bool InRange(ResultFieldDescriptor field, string pointer, double number, ResultProblems problems)
    {
        if (field.Minimum is { } minimum && number < minimum) return problems.BelowMinimum(pointer, field.Name, number, minimum);
        if (field.Maximum is { } maximum && number > maximum) return problems.AboveMaximum(pointer, field.Name, number, maximum);
        return true;
    }

    private static bool HasEnoughItems(ResultFieldDescriptor field, string pointer, JsonElement array, string noun, ResultProblems problems)
    {
        var count = array.GetArrayLength();
        return field.Minimum is not { } minimum || count >= minimum
            || problems.TooFewItems(pointer, field.Name, count, minimum, noun);
    }
}
