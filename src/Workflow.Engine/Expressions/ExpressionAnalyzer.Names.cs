using Workflow.Engine.Texts;
using System.Collections.Immutable;
using Acornima.Ast;
using static Workflow.Engine.Expressions.ExpressionNames;

namespace Workflow.Engine.Expressions;

/// <summary>Name resolution: free identifiers, member chains and their read paths.</summary>
internal sealed partial class ExpressionAnalyzer
{
    private void VisitReference(Identifier identifier)
    {
        if (IsBound(identifier.Name)) return;
        if (CheckFreeName(identifier)) AddPath(new ExpressionPath([identifier.Name]));
    }

    /// <summary>
    /// Visits a whole chain such as <c>results.x.items[0].owner</c> at once, so that only the maximal
    /// static prefix rooted at a data name is recorded (<c>results.x.items</c>). A chain that is the
    /// callee of a call stops before the method name.
    /// </summary>
    private void VisitMember(MemberExpression outer, bool isCallee)
    {
        var chain = new List<MemberExpression>();
        Expression current = outer;
        while (current is MemberExpression member)
        {
            chain.Add(member);
            current = member.Object;
        }
        chain.Reverse();

        foreach (var member in chain)
        {
            if (member.Computed) Visit(member.Property);
            CheckMemberName(member.Property, StaticName(member));
        }

        if (current is not Identifier root || IsBound(root.Name))
        {
            Visit(current);
            return;
        }
        if (root.Name == "Math" && StaticName(chain[0]) == "random")
            Forbid(chain[0].Property, EngineText.Of("expression.math_random"));
        if (!CheckFreeName(root)) return;

        var staticCount = 0;
        while (staticCount < chain.Count && chain[staticCount] is { Computed: false, Property: Identifier }) staticCount++;
        if (isCallee && staticCount == chain.Count) staticCount--;

        var segments = ImmutableArray.CreateBuilder<string>(staticCount + 1);
        segments.Add(root.Name);
        for (var i = 0; i < staticCount; i++) segments.Add(((Identifier)chain[i].Property).Name);
        AddPath(new ExpressionPath(segments.MoveToImmutable()));
        if (staticCount > 0) CheckDataNames(root.Name, chain, staticCount);
    }

    /// <summary>Checks a free identifier; true when it is a data root the engine supplies.</summary>
    private bool CheckFreeName(Identifier identifier)
    {
        var name = identifier.Name;
        if (name is ExpressionNames.Item or ExpressionNames.Index && !_context.InMultiInstance)
        {
            Unknown(identifier, EngineText.Of("expression.item_outside_for_each", ("name", name)));
            return false;
        }
        if (Roots.Contains(name)) return true;
        if (AllowedGlobals.Contains(name)) return false;
        if (ForbiddenGlobals.TryGetValue(name, out var reason))
        {
            Forbid(identifier, EngineText.Of("expression.global_forbidden", ("name", name), ("reason", EngineText.Of("expression.global." + name))));
            return false;
        }

        var candidates = Roots.Where(r => _context.InMultiInstance || r is not (ExpressionNames.Item or ExpressionNames.Index)).Concat(AllowedGlobals);
        // The commonest slip is a bare input, variable or activity name: point at the qualified one.
        var hint = _context.Inputs.Contains(name) ? EngineText.Of("expression.did_you_mean_qualified", ("suggestion", $"inputs.{name}"))
            : _context.Variables.Contains(name) ? EngineText.Of("expression.did_you_mean_qualified", ("suggestion", $"variables.{name}"))
            : _context.Activities.ContainsKey(name) ? EngineText.Of("expression.did_you_mean_qualified", ("suggestion", $"results.{name}"))
            : DidYouMean(name, candidates);
        Unknown(identifier, EngineText.Of(_context.InMultiInstance ? "expression.unknown_name_in_for_each" : "expression.unknown_name", ("name", name), ("hint", hint)));
        return false;
    }

    /// <summary>Checks inputs.X, variables.X, results.X and results.X.field against the definition.</summary>
    private void CheckDataNames(string root, List<MemberExpression> chain, int staticCount)
    {
        var first = (Identifier)chain[0].Property;
        // inputs.constructor is already refused as forbidden; "no input 'constructor'" would be noise.
        if (ForbiddenMembers.Contains(first.Name)) return;
        switch (root)
        {
            case Inputs when !_context.Inputs.Contains(first.Name):
                Unknown(first, EngineText.Of("expression.input_unknown", ("name", first.Name), ("hint", DidYouMean(first.Name, _context.Inputs))));
                break;
            case Variables when !_context.Variables.Contains(first.Name):
                Unknown(first, EngineText.Of("expression.variable_unknown", ("name", first.Name), ("hint", DidYouMean(first.Name, _context.Variables))));
                break;
            case Results when !_context.Activities.TryGetValue(first.Name, out var fields):
                Unknown(first, EngineText.Of("expression.activity_unknown", ("name", first.Name), ("hint", DidYouMean(first.Name, _context.Activities.Keys))));
                break;
            case Results when staticCount > 1 && _context.Activities[first.Name] is { } fields:
                var field = (Identifier)chain[1].Property;
                if (field.Name != OutcomeField && !fields.Contains(field.Name) && !ForbiddenMembers.Contains(field.Name))
                    Unknown(field, EngineText.Of("expression.result_field_unknown", ("activityId", first.Name), ("field", field.Name),
                        ("hint", DidYouMean(field.Name, fields.Append(OutcomeField)))));
                break;
        }
    }

    private void CheckMemberName(Node node, string? name)
    {
        if (name is not null && ForbiddenMembers.Contains(name))
            Forbid(node, EngineText.Of("expression.member_forbidden", ("name", name)));
    }

    private static string? StaticName(MemberExpression member) =>
        member.Computed ? (member.Property as StringLiteral)?.Value : (member.Property as Identifier)?.Name;

    private static EngineText DidYouMean(string name, IEnumerable<string> candidates) =>
        Suggest(name, candidates) is { } suggestion ? EngineText.Of("expression.did_you_mean", ("suggestion", suggestion)) : EngineText.Of("text.empty");
}
