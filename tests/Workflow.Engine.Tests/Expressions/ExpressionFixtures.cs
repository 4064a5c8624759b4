using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Expressions;

namespace Workflow.Engine.Tests.Expressions;

/// <summary>A small campaign phase: an appraisal, a multi-instance meeting, a review and opinion collection.</summary>
internal static class ExpressionFixtures
{
    public static readonly ExpressionContext Context = new(
        new HashSet<string> { "satisfactionThreshold", "partyGroups" },
        new HashSet<string> { "approved", "round" },
        new Dictionary<string, IReadOnlySet<string>?>
        {
            ["massAppraisal"] = new HashSet<string> { "heldOn", "participants", "satisfied", "satisfaction", "participantGroups" },
            ["orgLifeMeeting"] = null,
            ["review"] = new HashSet<string> { "reviewedOn", "comments", "commentCount" },
            ["opinions"] = new HashSet<string> { "suggestionsReceived", "suggestionsResolved", "suggestionsPending" },
        },
        InMultiInstance: false);

    public static readonly ExpressionContext MultiInstance = Context with { InMultiInstance = true };

    public static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static ExpressionScope Scope(
        double satisfaction = 0.9,
        string meetings = """[{"attendees": 12, "outcome": "Done"}, {"attendees": 9, "outcome": "Done"}]""",
        JsonElement? item = null,
        int? index = null) => new(
        new Dictionary<string, JsonElement>
        {
            ["satisfactionThreshold"] = ParseJson("0.8"),
            ["partyGroups"] = ParseJson("""[{"name": "First branch", "owner": "li"}, {"name": "Second branch", "owner": "wang"}]"""),
        },
        new Dictionary<string, JsonElement> { ["approved"] = ParseJson("false"), ["round"] = ParseJson("1") },
        new Dictionary<string, JsonElement>
        {
            ["massAppraisal"] = ParseJson($$"""{"participants": 50, "satisfied": 45, "satisfaction": {{satisfaction.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "outcome": "Done"}"""),
            ["orgLifeMeeting"] = ParseJson(meetings),
            ["opinions"] = ParseJson("""{"suggestionsReceived": 10, "suggestionsResolved": 6, "suggestionsPending": 3, "outcome": "Done"}"""),
        },
        [ParseJson("""{"title": "Slow replies", "kind": "problem"}"""), ParseJson("""{"title": "More meetings", "kind": "suggestion"}""")],
        item,
        index);

    /// <summary>Compiles an expression that must have no problems.</summary>
    public static CompiledExpression Compile(string source, ExpressionContext? context = null)
    {
        var compilation = ExpressionCompiler.Compile(source, context ?? Context);
        Assert.True(compilation.Problems.IsEmpty, string.Join("; ", compilation.Problems.Select(p => $"{p.Code} {p.Line}:{p.Column} {p.Message}")));
        Assert.NotNull(compilation.Expression);
        return compilation.Expression;
    }

    /// <summary>Compiles an expression that must fail, returning its problems.</summary>
    public static ImmutableArray<ExpressionProblem> Problems(string source, ExpressionContext? context = null)
    {
        var compilation = ExpressionCompiler.Compile(source, context ?? Context);
        Assert.Null(compilation.Expression);
        Assert.False(compilation.Problems.IsEmpty);
        return compilation.Problems;
    }

    public static ExpressionOutcome Evaluate(string source, ExpressionScope? scope = null, ExpressionContext? context = null) =>
        Compile(source, context).Evaluate(scope ?? Scope());

    public static void AssertFails(ExpressionOutcome outcome, string code)
    {
        Assert.False(outcome.Succeeded, $"Expected {code}, but the expression gave {outcome.Value.GetRawText()}.");
        Assert.Equal(code, outcome.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(outcome.ErrorMessage));
        Assert.Equal(JsonValueKind.Null, outcome.Value.ValueKind);
    }
}
