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
                Report(ValidationCodes.ExpressionSyntax, node, $"The expression is nested more than {MaxDepth} levels deep; simplify it.");
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
                Forbid(assignment, op == "="
                    ? "Assignment ('=') is not allowed: an expression must not change data. To compare values, use '==='."
                    : $"Assignment ('{op}') is not allowed: an expression must not change data.");
                Visit(assignment.Right);
                break;
            case UpdateExpression update:
                Forbid(update, $"'{UpdateExpression.OperatorToString(update.Operator)}' is not allowed: an expression must not change data; write the arithmetic, such as x + 1.");
                Visit(update.Argument);
                break;
            case UnaryExpression { Operator: Operator.Delete } deletion:
                Forbid(deletion, "'delete' is not allowed: an expression must not change data.");
                Visit(deletion.Argument);
                break;
            case NewExpression creation:
                Forbid(creation, "'new' is not allowed in an expression; use literals ([], {}) or functions such as Array.from.");
                Visit(creation.Callee);
                foreach (var argument in creation.Arguments) Visit(argument);
                break;
            case AwaitExpression wait:
                Forbid(wait, "'await' is not allowed: expressions are evaluated synchronously.");
                Visit(wait.Argument);
                break;
            case YieldExpression yield:
                Forbid(yield, "'yield' is not allowed in an expression.");
                break;
            case FunctionExpression:
                Forbid(node, "Functions with a statement body are not allowed (including methods, getters and setters); use an arrow function with an expression body, such as m => m.attendees > 0.");
                break;
            case ClassExpression:
                Forbid(node, "Classes are not allowed in an expression.");
                break;
            case ThisExpression:
                Forbid(node, "'this' is not allowed in an expression; read inputs, variables, results or findings instead.");
                break;
            case Super:
                Forbid(node, "'super' is not allowed in an expression.");
                break;
            case ImportExpression:
                Forbid(node, "'import()' is not allowed: an expression cannot load code.");
                break;
            case MetaProperty meta:
                Forbid(node, $"'{meta.Meta.Name}.{meta.Property.Name}' is not allowed in an expression.");
                break;
            case TaggedTemplateExpression tagged:
                Forbid(tagged, "Tagged templates (tag`...`) are not allowed; use a plain template literal or call a function.");
                Visit(tagged.Tag);
                Visit(tagged.Quasi);
                break;
            case BigIntLiteral:
                Forbid(node, "BigInt literals such as 1n are not supported; use ordinary numbers.");
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

    private void Forbid(Node node, string message) => Report(ValidationCodes.ExpressionForbidden, node, message);

    private void Unknown(Node node, string message) => Report(ValidationCodes.ExpressionUnknownName, node, message);

    private void Report(string code, Node node, string message)
    {
        var start = node.Location.Start;
        _problems.Add(new ExpressionProblem(code, message, start.Line, start.Column + 1));
    }
}
