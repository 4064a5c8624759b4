using System.Text.Json;
using Workflow.Engine.Expressions;
using static Workflow.Engine.Tests.Expressions.ExpressionFixtures;

namespace Workflow.Engine.Tests.Expressions;

public class ExpressionEvaluationTests
{
    [Theory]
    [InlineData(1.0, true)]
    [InlineData(0.8, true)]
    [InlineData(0.79, false)]
    public void A_gate_compares_a_result_with_an_input(double satisfaction, bool expected)
    {
        var gate = Compile("results.massAppraisal.satisfaction >= inputs.satisfactionThreshold");

        var outcome = gate.EvaluateBoolean(Scope(satisfaction));

        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        Assert.Equal(expected, outcome.IsTrue);
        Assert.Equal(expected ? JsonValueKind.True : JsonValueKind.False, outcome.Value.ValueKind);
    }

    [Theory]
    [InlineData("results.opinions.suggestionsResolved + results.opinions.suggestionsPending", "9")]
    [InlineData("results.opinions.suggestionsReceived - results.opinions.suggestionsResolved", "4")]
    [InlineData("results.massAppraisal.satisfied / results.massAppraisal.participants", "0.9")]
    [InlineData("Math.round(results.massAppraisal.satisfaction * 100)", "90")]
    [InlineData("2.0 * 3", "6")]
    [InlineData("'Round ' + variables.round", "\"Round 1\"")]
    public void Arithmetic_on_counts_gives_JSON_numbers(string source, string expectedJson)
    {
        var outcome = Evaluate(source);

        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        Assert.Equal(expectedJson, outcome.Value.GetRawText());
    }

    [Fact]
    public void Arrays_of_multi_instance_results_can_be_counted_and_checked()
    {
        var sameCount = Compile("results.orgLifeMeeting.length === inputs.partyGroups.length");
        var allAttended = Compile("results.orgLifeMeeting.every(m => m.attendees > 0)");
        var emptyMeeting = Scope(meetings: """[{"attendees": 12}, {"attendees": 0}]""");

        Assert.True(sameCount.EvaluateBoolean(Scope()).IsTrue);
        Assert.False(sameCount.EvaluateBoolean(Scope(meetings: "[]")).IsTrue);
        Assert.True(allAttended.EvaluateBoolean(Scope()).IsTrue);
        Assert.False(allAttended.EvaluateBoolean(emptyMeeting).IsTrue);
        Assert.True(allAttended.EvaluateBoolean(emptyMeeting).Succeeded);
    }

    [Fact]
    public void Item_and_index_are_in_scope_inside_a_multi_instance_activity()
    {
        var scope = Scope(item: ParseJson("""{"name": "Second branch", "owner": "wang"}"""), index: 1);

        Assert.Equal("\"wang\"", Evaluate("item.owner", scope, MultiInstance).Value.GetRawText());
        Assert.Equal("2", Evaluate("index + 1", scope, MultiInstance).Value.GetRawText());
        Assert.True(Evaluate("item.owner === inputs.partyGroups[index].owner", scope, MultiInstance).IsTrue);
    }

    [Fact]
    public void Findings_are_an_array()
    {
        Assert.Equal("2", Evaluate("findings.length").Value.GetRawText());
        Assert.Equal("[\"Slow replies\"]", Evaluate("findings.filter(f => f.kind === 'problem').map(f => f.title)").Value.GetRawText());
    }

    [Fact]
    public void Objects_and_arrays_come_back_as_JSON()
    {
        var outcome = Evaluate("({ total: results.massAppraisal.participants, owners: inputs.partyGroups.map(g => g.owner), none: null, skipped: undefined })");

        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        Assert.Equal("""{"total":50,"owners":["li","wang"],"none":null}""", outcome.Value.GetRawText());
    }

    [Fact]
    public void Undefined_gives_null_and_a_decision_refuses_it()
    {
        var expression = Compile("results.massAppraisal.heldOn");

        var value = expression.Evaluate(Scope());
        var decision = expression.EvaluateBoolean(Scope());

        Assert.True(value.Succeeded);
        Assert.Equal(JsonValueKind.Null, value.Value.ValueKind);
        AssertFails(decision, ExpressionErrorCodes.NotBoolean);
        Assert.Contains("undefined", decision.ErrorMessage);
    }

    [Theory]
    [InlineData("inputs.partyGroups.map(g => g.owner).join(', ')", "\"li, wang\"")]
    [InlineData("`Owners: ${inputs.partyGroups.map(g => g.owner)}`", "\"Owners: li,wang\"")]
    [InlineData("JSON.stringify(inputs.partyGroups[0])", "\"{\\u0022name\\u0022:\\u0022First branch\\u0022,\\u0022owner\\u0022:\\u0022li\\u0022}\"")]
    [InlineData("[[1, 2], [3, [4]]].flat(Infinity)", "[1,2,3,4]")]
    [InlineData("inputs.partyGroups.map(g => g.owner).sort().reverse()", "[\"wang\",\"li\"]")]
    [InlineData("[3, 1, 2].toSorted().with(0, 0)", "[0,2,3]")]
    [InlineData("Object.assign({}, inputs.partyGroups[0], { owner: 'zhao' }).owner", "\"zhao\"")]
    [InlineData("'a-b-c'.replaceAll('-', '[$&]') + '!'.repeat(2) + 'x'.concat('y')", "\"a[-]b[-]c!!xy\"")]
    public void Guarded_built_ins_work_on_ordinary_data(string source, string expectedJson)
    {
        var outcome = Evaluate(source);

        Assert.True(outcome.Succeeded, outcome.ErrorMessage);
        Assert.Equal(expectedJson, outcome.Value.GetRawText());
    }

    [Theory]
    [InlineData("results.massAppraisal.participants")]
    [InlineData("'yes'")]
    [InlineData("inputs.partyGroups")]
    public void Truthiness_is_not_applied(string source)
    {
        var expression = Compile(source);

        Assert.False(expression.Evaluate(Scope()).IsTrue);
        AssertFails(expression.EvaluateBoolean(Scope()), ExpressionErrorCodes.NotBoolean);
    }

    [Theory]
    [InlineData("x => x")]
    [InlineData("0 / 0")]
    [InlineData("1 / 0")]
    [InlineData("/abc/")]
    [InlineData("[1, x => x]")]
    [InlineData("Object.defineProperty({}, 'x', { get: () => 1, enumerable: true })")]
    [InlineData("(o => Object.assign(o, { self: o }))({})")]
    public void Results_that_are_not_JSON_are_refused(string source)
    {
        AssertFails(Evaluate(source), ExpressionErrorCodes.ResultUnsupported);
    }

    [Fact]
    public void A_runtime_error_is_reported_with_its_JavaScript_message()
    {
        // review is a known activity that has no result yet in this scope.
        var outcome = Evaluate("results.review.commentCount > 0");

        AssertFails(outcome, ExpressionErrorCodes.Runtime);
        Assert.Contains("TypeError", outcome.ErrorMessage);
        Assert.Contains("commentCount", outcome.ErrorMessage);
    }

    [Fact]
    public void Expressions_evaluate_in_parallel_on_many_threads()
    {
        var gate = Compile("results.orgLifeMeeting.every(m => m.attendees > 0) && results.massAppraisal.satisfaction >= inputs.satisfactionThreshold");
        var scopes = new[] { Scope(0.9), Scope(0.5) };

        var results = new bool[200];
        Parallel.For(0, results.Length, i => results[i] = gate.EvaluateBoolean(scopes[i % 2]).IsTrue);

        Assert.All(results.Where((_, i) => i % 2 == 0), Assert.True);
        Assert.All(results.Where((_, i) => i % 2 == 1), Assert.False);
    }
}
