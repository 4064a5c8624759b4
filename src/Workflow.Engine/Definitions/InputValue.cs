using System.Text.Json;

namespace Workflow.Engine.Definitions;

/// <summary>The value of an activity input, a gate condition or a phase output: a literal or an expression.</summary>
public abstract record InputValue;

/// <summary>A plain JSON value (or Elsa's wrapped <c>Literal</c> expression).</summary>
public sealed record LiteralValue(JsonElement Value) : InputValue;

/// <summary>An Elsa-style expression, <c>{"expression": {"type": "JavaScript", "value": "..."}}</c>.</summary>
public sealed record ExpressionValue(string Language, string Source) : InputValue
{
    public const string JavaScript = "JavaScript";
}
