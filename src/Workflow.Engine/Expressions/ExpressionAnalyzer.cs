using Workflow.Engine.Texts;
using System.Collections.Immutable;
using Acornima;
using Acornima.Ast;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Expressions;

/// <summary>What one walk over a parsed expression found.</summary>
internal sealed record ExpressionAnalysis(ImmutableArray<ExpressionProblem> Problems, ImmutableArray<ExpressionPath> ReadPaths);

/// <summary>
/// Walks a parsed expression once, collecting every forbidden construct and unknown name (so a
/// designer can show them all at once) and the static member chains it reads. Free names are
/// resolved lexically: arrow-function parameters shadow the engine's roots and built-ins.
/// </summary>
internal sealed partial class ExpressionAnalyzer
{
    // Jint refuses to prepare scripts nested deeper than 256 levels; stop earlier, with a clear message.
    private const int MaxDepth = 200;

    private readonly ExpressionContext _context;
    private readonly List<ExpressionProblem> _problems = [];
    private readonly List<ExpressionPath> _paths = [];
    private readonly HashSet<ExpressionPath> _seen = [];
    private readonly List<HashSet<string>> _scopes = [];
    private int _depth;

    private ExpressionAnalyzer(ExpressionContext context) => _context = context;

    public static ExpressionAnalysis Analyze(Expression expression, ExpressionContext context)
    {
        var analyzer = new ExpressionAnalyzer(context);
        analyzer.Visit(expression);
        var problems = analyzer._problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToImmutableArray();
        return new ExpressionAnalysis(problems, [.. analyzer._paths]);
    }

    private void Visit(Node? node)
    {
        if (node is null) return;
        if (_depth >= MaxDepth)
        {
            if (!_problems.Exists(p => p.Code == ValidationCodes.ExpressionSyntax))
                Report(ValidationCodes.ExpressionSyntax, node, EngineText.Of("expression.too_deep", ("max", MaxDepth)));
            return;
        }
        _depth++;
        try { VisitNode(node); }
        finally { _depth--; }
    }

    private void VisitNode(Node node)
    {
        switch (node)
        {
            case Identifier identifier:
                VisitReference(identifier);
                break;
            case MemberExpression member:
                VisitMember(member, isCallee: false);
                break;
            case CallExpression call:
                if (call.Callee is MemberExpression callee) VisitMember(callee, isCallee: true);
                else Visit(call.Callee);
                foreach (var argument in call.Arguments) Visit(argument);
                break;
            case ArrowFunctionExpression arrow:
                VisitArrow(arrow);
                break;
            case ObjectExpression obj:
                VisitObject(obj);
                break;
            case AssignmentExpression assignment:
                var op = AssignmentExpression.OperatorToString(assignment.Operator);
                Forbid(assignment, op == "=" ? EngineText.Of("expression.assignment_equals") : EngineText.Of("expression.assignment", ("operator", op)));
                Visit(assignment.Right);
                break;
            case UpdateExpression update:
                Forbid(update, EngineText.Of("expression.update", ("operator", UpdateExpression.OperatorToString(update.Operator))));
                Visit(update.Argument);
                break;
            case UnaryExpression { Operator: Operator.Delete } deletion:
                Forbid(deletion, EngineText.Of("expression.delete"));
                Visit(deletion.Argument);
                break;
            case NewExpression creation:
                Forbid(creation, EngineText.Of("expression.new"));
                Visit(creation.Callee);
                foreach (var argument in creation.Arguments) Visit(argument);
                break;
            case AwaitExpression wait:
                Forbid(wait, EngineText.Of("expression.await"));
                Visit(wait.Argument);
                break;
            case YieldExpression yield:
                Forbid(yield, EngineText.Of("expression.yield"));
                break;
            case FunctionExpression:
                Forbid(node, EngineText.Of("expression.function"));
                break;
            case ClassExpression:
                Forbid(node, EngineText.Of("expression.class"));
                break;
            case ThisExpression:
                Forbid(node, EngineText.Of("expression.this"));
                break;
            case Super:
                Forbid(node, EngineText.Of("expression.super"));
                break;
            case ImportExpression:
                Forbid(node, EngineText.Of("expression.import"));
                break;
            case MetaProperty meta:
                Forbid(node, EngineText.Of("expression.meta_property", ("name", $"{meta.Meta.Name}.{meta.Property.Name}")));
                break;
            case TaggedTemplateExpression tagged:
                Forbid(tagged, EngineText.Of("expression.tagged_template"));
                Visit(tagged.Tag);
                Visit(tagged.Quasi);
                break;
            case BigIntLiteral:
                Forbid(node, EngineText.Of("expression.bigint"));
                break;
            case Literal or TemplateElement:
                break;
            default:
                // Operators, conditionals, arrays, spreads, templates, sequences, optional chains:
                // every child is an expression read in the current scope.
                foreach (var child in node.ChildNodes) Visit(child);
                break;
        }
    }

    private void AddPath(ExpressionPath path)
    {
        if (_seen.Add(path)) _paths.Add(path);
    }

    private void Forbid(Node node, EngineText text) => Report(ValidationCodes.ExpressionForbidden, node, text);

    private void Unknown(Node node, EngineText text) => Report(ValidationCodes.ExpressionUnknownName, node, text);

    private void Report(string code, Node node, EngineText text)
    {
        var start = node.Location.Start;
        _problems.Add(new ExpressionProblem(code, text, start.Line, start.Column + 1));
    }
}
