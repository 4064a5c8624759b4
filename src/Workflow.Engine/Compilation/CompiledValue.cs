using System.Text.Json;
using Workflow.Engine.Expressions;

namespace Workflow.Engine.Compilation;

/// <summary>An input ready to use: a literal, or an expression parsed and prepared once at load.</summary>
internal sealed record CompiledValue(JsonElement? Literal, CompiledExpression? Expression)
{
    public ExpressionOutcome Evaluate(ExpressionScope scope) =>
        Expression is not null ? Expression.Evaluate(scope) : new ExpressionOutcome(true, Literal ?? default, null, null);

    public ExpressionOutcome EvaluateBoolean(ExpressionScope scope)
    {
        if (Expression is not null) return Expression.EvaluateBoolean(scope);
        return Literal is { ValueKind: JsonValueKind.True or JsonValueKind.False } literal
            ? new ExpressionOutcome(true, literal, null, null)
            : new ExpressionOutcome(false, default, ExpressionErrorCodes.NotBoolean, "The value is not a boolean.");
    }
}
