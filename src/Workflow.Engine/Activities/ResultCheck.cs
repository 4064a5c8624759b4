using System.Collections.Immutable;
using System.Text.Json;

namespace Workflow.Engine.Activities;

/// <summary>The outcome of checking a task completion against its activity's descriptor.</summary>
/// <param name="Port">The outbound port the completion leaves by (the outcome, or Done).</param>
/// <param name="Result">The result as stored: only known fields, derived fields filled in.</param>
public sealed record ResultCheck(bool IsValid, string Port, JsonElement Result, ImmutableArray<ResultFieldError> Errors);

/// <summary>One problem with a submitted result, naming the field (a JSON Pointer into the result).</summary>
public sealed record ResultFieldError(string Field, string Code, string Message, IReadOnlyDictionary<string, string> Arguments);
