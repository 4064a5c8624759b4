using System.Text.Json;
using Workflow.Engine.Values;

namespace Workflow.Engine.Expressions;

/// <summary>
/// What evaluating an expression gave: a JSON value, or a failure with a stable
/// <see cref="ExpressionErrorCodes">code</see> and a message. Evaluation never throws, so a
/// hostile or broken expression becomes data the interpreter can record.
/// </summary>
/// <param name="Value">The result; JSON null when the evaluation failed.</param>
public readonly record struct ExpressionOutcome(bool Succeeded, JsonElement Value, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>
    /// True only for a JSON <c>true</c>. JavaScript truthiness is deliberately not applied: a gate
    /// must not open because an expression gave 1 or "no".
    /// </summary>
    public bool IsTrue => Succeeded && Value.ValueKind == JsonValueKind.True;

    internal static ExpressionOutcome Success(JsonElement value) => new(true, value, null, null);

    internal static ExpressionOutcome Failure(string code, string message) =>
        new(false, JsonValues.Null, code, message);
}
