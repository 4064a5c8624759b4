using Workflow.Engine.Texts;
using Acornima.Ast;

namespace Workflow.Engine.Expressions;

/// <summary>Arrow functions, their parameter bindings, and object literals.</summary>
internal sealed partial class ExpressionAnalyzer
{
    private void VisitArrow(ArrowFunctionExpression arrow)
    {
        if (arrow.Async)
            Forbid(arrow, EngineText.Of("expression.async_arrow"));
        if (arrow.Body is FunctionBody)
        {
            Forbid(arrow.Body, EngineText.Of("expression.arrow_statement_body"));
            return;
        }

        var scope = new HashSet<string>(StringComparer.Ordinal);
        var deferred = new List<Node>();
        foreach (var parameter in arrow.Params) Bind(parameter, scope, deferred);
        _scopes.Add(scope);
        try
        {
            // Default values and computed keys are evaluated with the parameters in scope.
            foreach (var node in deferred) Visit(node);
            Visit(arrow.Body);
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private void Bind(Node? pattern, HashSet<string> scope, List<Node> deferred)
    {
        switch (pattern)
        {
            case null:
                return;
            case Identifier identifier:
                scope.Add(identifier.Name);
                return;
            case AssignmentPattern assignment:
                Bind(assignment.Left, scope, deferred);
                deferred.Add(assignment.Right);
                return;
            case RestElement rest:
                Bind(rest.Argument, scope, deferred);
                return;
            case ArrayPattern array:
                foreach (var element in array.Elements) Bind(element, scope, deferred);
                return;
            case ObjectPattern obj:
                foreach (var property in obj.Properties)
                {
                    if (property is Property p)
                    {
                        // ({ constructor }) => ... reads the member as surely as x.constructor does.
                        if (p.Computed) deferred.Add(p.Key);
                        else CheckMemberName(p.Key, StaticKey(p.Key));
                        Bind(p.Value, scope, deferred);
                    }
                    else Bind(property, scope, deferred);
                }
                return;
            default:
                Visit(pattern);
                return;
        }
    }

    private void VisitObject(ObjectExpression obj)
    {
        foreach (var property in obj.Properties)
        {
            if (property is not Property p)
            {
                Visit(property);
                continue;
            }
            // A literal key "__proto__" sets the prototype; "constructor" and "prototype" are refused alike.
            if (p.Computed) Visit(p.Key);
            else CheckMemberName(p.Key, StaticKey(p.Key));
            Visit(p.Value);
        }
    }

    private bool IsBound(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
            if (_scopes[i].Contains(name)) return true;
        return false;
    }

    private static string? StaticKey(Node key) => key switch
    {
        Identifier identifier => identifier.Name,
        StringLiteral literal => literal.Value,
        _ => null,
    };
}
