using System.Collections.Immutable;

namespace Workflow.Engine.Expressions;

/// <summary>
/// The result of <see cref="ExpressionCompiler.Compile"/>: a ready expression when there are no
/// problems, otherwise every problem found (and no expression).
/// </summary>
public sealed record ExpressionCompilation(CompiledExpression? Expression, ImmutableArray<ExpressionProblem> Problems);
