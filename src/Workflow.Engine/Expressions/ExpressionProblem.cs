using Workflow.Engine.Texts;

namespace Workflow.Engine.Expressions;

/// <summary>One problem found when an expression is checked at load time.</summary>
/// <param name="Code">
/// A stable code: <see cref="Validation.ValidationCodes.ExpressionSyntax"/>,
/// <see cref="Validation.ValidationCodes.ExpressionForbidden"/> or <see cref="Validation.ValidationCodes.ExpressionUnknownName"/>.
/// </param>
/// <param name="Text">The sentence a person can act on, naming the offending construct or name, as catalog key and arguments.</param>
/// <param name="Line">1-based line in the expression source.</param>
/// <param name="Column">1-based column in the expression source.</param>
public sealed record ExpressionProblem(string Code, EngineText Text, int Line, int Column)
{
    /// <summary>The sentence in English.</summary>
    public string Message => Text.Render(EngineTexts.English);
}
