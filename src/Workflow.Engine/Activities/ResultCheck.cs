using System.Collections.Immutable;
using System.Text.Json;

namespace Workflow.Engine.Activities;

/// <summary>The outcome of checking a task completion against its activity's descriptor.</summary>
/// <param name="Port">
/// The outbound port the completion leaves by (the outcome, or Done); empty when the check failed
/// (and for an activity without outbound ports).
/// </param>
/// <param name="Result">
/// The result as stored: only known fields in the descriptor's order, derived fields filled in,
/// plus <c>outcome</c> (the port). An empty object when the check failed.
/// </param>
/// <param name="Errors">Every problem found, not just the first; empty when valid.</param>
public sealed record ResultCheck(bool IsValid, string Port, JsonElement Result, ImmutableArray<ResultFieldError> Errors);

/// <summary>One problem with a submitted result, naming the field (a JSON Pointer into the result).</summary>
public sealed record ResultFieldError(string Field, string Code, string Message, IReadOnlyDictionary<string, string> Arguments);
