using System.Collections.Immutable;
using Acornima.Ast;
using Jint;

namespace Workflow.Engine.Expressions;

/// <summary>
/// An expression checked and prepared once at load time, to be evaluated many times. Thread-safe:
/// the prepared program is immutable and each thread evaluates on its own engine.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Prepared<Script> _script;
    private readonly ScopeNeeds _needs;

    internal CompiledExpression(string source, Prepared<Script> script, ImmutableArray<ExpressionPath> readPaths)
    {
        Source = source;
        _script = script;
        ReadPaths = readPaths;
        ReadActivities = [.. readPaths
            .Where(p => p.Segments is [ExpressionNames.Results, _, ..])
            .Select(p => p.Segments[1])
            .Distinct(StringComparer.Ordinal)];
        _needs = ScopeNeeds.From(readPaths);
    }

    public string Source { get; }

    /// <summary>
    /// The maximal static member chains read, rooted at inputs, variables, results, findings, item
    /// or index, in order of appearance (<c>results.massAppraisal.satisfaction</c>). A chain ending in
    /// a method call stops before the method name and a computed member (<c>x[i]</c>) stops it.
    /// </summary>
    public ImmutableArray<ExpressionPath> ReadPaths { get; }

    /// <summary>The distinct activity ids read through <c>results.&lt;id&gt;</c>, in order of appearance.</summary>
    public ImmutableArray<string> ReadActivities { get; }

    /// <summary>Evaluates against the scope. Never throws: failures come back with a code.</summary>
    public ExpressionOutcome Evaluate(ExpressionScope scope) =>
        scope is null ? NoScope : ExpressionEvaluator.Evaluate(in _script, _needs, scope, requireBoolean: false);

    /// <summary>
    /// Evaluates a condition (a decision, a gate): succeeds only with a JSON boolean; any other
    /// value fails with <see cref="ExpressionErrorCodes.NotBoolean"/>. No JavaScript truthiness.
    /// </summary>
    public ExpressionOutcome EvaluateBoolean(ExpressionScope scope) =>
        scope is null ? NoScope : ExpressionEvaluator.Evaluate(in _script, _needs, scope, requireBoolean: true);

    private static ExpressionOutcome NoScope =>
        ExpressionOutcome.Failure(ExpressionErrorCodes.Runtime, "The expression was evaluated without a scope (inputs, variables, results, findings).");

    public override string ToString() => Source;
}
