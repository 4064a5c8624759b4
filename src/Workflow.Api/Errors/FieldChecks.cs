using Microsoft.AspNetCore.Http.HttpResults;

namespace Workflow.Api.Errors;

/// <summary>
/// The checks on request fields that the endpoints share. They run before anything is written, so a
/// value the database would reject is a clear 400, never a failed transaction.
/// </summary>
public static class FieldChecks
{
    /// <summary>A 400 naming the first missing field, or null.</summary>
    public static ProblemHttpResult? Required(HttpContext context, params (string Name, string? Value)[] fields) =>
        fields.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Value)) is { Name: { } missing }
            ? ApiProblem.Create(context, 400, ProblemCodes.FieldRequired, ("field", missing))
            : null;

    /// <summary>A 400 naming the first field longer than its column, or null.</summary>
    public static ProblemHttpResult? MaxLength(HttpContext context, params (string Name, string? Value, int Max)[] fields) =>
        fields.FirstOrDefault(f => f.Value?.Length > f.Max) is { Name: { } name, Max: var max }
            ? ApiProblem.Create(context, 400, ProblemCodes.FieldTooLong,
                ("field", name), ("max", max.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : null;
}
