using Workflow.Engine.Validation;
using static Workflow.Engine.Tests.Expressions.ExpressionFixtures;

namespace Workflow.Engine.Tests.Expressions;

public class ExpressionProblemTests
{
    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("   ", 1, 1)]
    [InlineData("inputs.partyGroups; variables.round", 1, 19)]
    [InlineData("variables.round variables.approved", 1, 17)]
    [InlineData("variables.round +", 1, 18)]
    [InlineData("variables.round\n  + )", 2, 5)]
    [InlineData("yield 1", 1, 1)]
    [InlineData("if (variables.approved) 1", 1, 1)]
    [InlineData("010", 1, 1)]
    public void Syntax_problems_are_placed(string source, int line, int column)
    {
        var problem = Assert.Single(Problems(source));

        Assert.Equal(ValidationCodes.ExpressionSyntax, problem.Code);
        Assert.Equal((line, column), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_statement_list_is_explained()
    {
        var problem = Assert.Single(Problems("inputs.partyGroups; variables.round"));

        Assert.Contains("single expression", problem.Message);
    }

    [Theory]
    [InlineData("variables.round = 2", 1, 1, "'='")]
    [InlineData("variables.round += 1", 1, 1, "'+='")]
    [InlineData("variables.round++", 1, 1, "'++'")]
    [InlineData("--variables.round", 1, 1, "'--'")]
    [InlineData("delete variables.round", 1, 1, "'delete'")]
    [InlineData("new Array(3)", 1, 1, "'new'")]
    [InlineData("await variables.round", 1, 1, "'await'")]
    [InlineData("function () { return 1 }", 1, 1, "statement body")]
    [InlineData("inputs.partyGroups.map(function (g) { return g })", 1, 24, "statement body")]
    [InlineData("inputs.partyGroups.every(g => { return g.owner })", 1, 31, "statement body")]
    [InlineData("({ get total() { return 1 } })", 1, 13, "statement body")]
    [InlineData("async () => 1", 1, 1, "Async")]
    [InlineData("(class {})", 1, 2, "Classes")]
    [InlineData("this.round", 1, 1, "'this'")]
    [InlineData("import('fs')", 1, 1, "'import()'")]
    [InlineData("String.raw`x`", 1, 1, "Tagged templates")]
    [InlineData("eval('1')", 1, 1, "'eval'")]
    [InlineData("Function('return 1')", 1, 1, "'Function'")]
    [InlineData("Date.now()", 1, 1, "'Date'")]
    [InlineData("Math.random() < 0.5", 1, 6, "'Math.random'")]
    [InlineData("Math['random']()", 1, 6, "'Math.random'")]
    [InlineData("globalThis.inputs", 1, 1, "'globalThis'")]
    [InlineData("Reflect.ownKeys(inputs)", 1, 1, "'Reflect'")]
    [InlineData("Proxy", 1, 1, "'Proxy'")]
    [InlineData("WebAssembly", 1, 1, "'WebAssembly'")]
    [InlineData("inputs.constructor", 1, 8, "'constructor'")]
    [InlineData("inputs['constructor']", 1, 8, "'constructor'")]
    [InlineData("[].map.constructor('return 1')", 1, 8, "'constructor'")]
    [InlineData("inputs.__proto__", 1, 8, "'__proto__'")]
    [InlineData("Array.prototype", 1, 7, "'prototype'")]
    [InlineData("({ __proto__: null })", 1, 4, "'__proto__'")]
    [InlineData("(({ constructor }) => constructor)(inputs)", 1, 5, "'constructor'")]
    [InlineData("1n", 1, 1, "BigInt")]
    public void Forbidden_constructs_are_named_and_placed(string source, int line, int column, string named)
    {
        var problem = Assert.Single(Problems(source), p => p.Code == ValidationCodes.ExpressionForbidden);

        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(named, problem.Message);
    }

    [Fact]
    public void A_typo_in_an_activity_id_is_an_unknown_name_with_a_suggestion()
    {
        var problem = Assert.Single(Problems("results.massApraisal.satisfaction >= 0.8"));

        Assert.Equal(ValidationCodes.ExpressionUnknownName, problem.Code);
        Assert.Equal((1, 9), (problem.Line, problem.Column));
        Assert.Equal("The expression reads results.massApraisal, but the workflow has no activity 'massApraisal'. Did you mean 'massAppraisal'?", problem.Message);
    }

    [Theory]
    [InlineData("satisfactionThreshold > 0", 1, 1, "Did you mean inputs.satisfactionThreshold?")]
    [InlineData("massAppraisal.satisfaction", 1, 1, "Did you mean results.massAppraisal?")]
    [InlineData("JSNO.stringify(1)", 1, 1, "Did you mean 'JSON'?")]
    [InlineData("inputs.threshold", 1, 8, "inputs.threshold")]
    [InlineData("variables.rounds", 1, 11, "Did you mean 'round'?")]
    [InlineData("results.massAppraisal.satisfation", 1, 23, "no result field 'satisfation'")]
    [InlineData("results.review.outcome === 'Approved' && results.review.comment", 1, 57, "'comment'")]
    [InlineData("item.owner", 1, 1, "multi-instance")]
    [InlineData("index > 0", 1, 1, "multi-instance")]
    [InlineData("System.IO.File", 1, 1, "'System'")]
    [InlineData("importNamespace('System')", 1, 1, "'importNamespace'")]
    [InlineData("inputs.partyGroups.every(g => h.owner)", 1, 31, "'h'")]
    [InlineData("Map", 1, 1, "'Map'")]
    public void Unknown_names_are_named_and_placed(string source, int line, int column, string named)
    {
        var problem = Assert.Single(Problems(source));

        Assert.Equal(ValidationCodes.ExpressionUnknownName, problem.Code);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(named, problem.Message);
    }

    [Theory]
    [InlineData("results.massAppraisal.outcome === 'Done'")]
    [InlineData("results.orgLifeMeeting.anything")]
    [InlineData("inputs.partyGroups.every(item => item.owner)")]
    [InlineData("inputs.partyGroups.map(({ owner, name: title }, i) => owner + title + i)")]
    [InlineData("[...inputs.partyGroups].sort((a, b) => a.name < b.name ? -1 : 1)[0]")]
    [InlineData("`${variables.round} of ${inputs.partyGroups.length}`")]
    [InlineData("typeof variables.approved === 'boolean' && !isNaN(parseFloat('1.5'))")]
    [InlineData("JSON.stringify({ n: Number('3'), s: String(4), b: Boolean(0), a: Array.isArray([]), o: Object.keys({}) })")]
    [InlineData("/^[a-z]+$/.test(item.owner) ? index : undefined")]
    public void Allowed_expressions_compile(string source)
    {
        Compile(source, MultiInstance);
    }

    [Fact]
    public void Every_problem_is_reported_in_source_order()
    {
        var problems = Problems("foo + (variables.round = 1) +\n Date.now() + results.nope + inputs.constructor");

        Assert.Equal(
            [
                (ValidationCodes.ExpressionUnknownName, 1, 1),
                (ValidationCodes.ExpressionForbidden, 1, 8),
                (ValidationCodes.ExpressionForbidden, 2, 2),
                (ValidationCodes.ExpressionUnknownName, 2, 23),
                (ValidationCodes.ExpressionForbidden, 2, 37),
            ],
            problems.Select(p => (p.Code, p.Line, p.Column)));
    }

    [Fact]
    public void Hostile_input_does_not_throw()
    {
        Assert.Single(Problems(new string('(', 50_000) + "1" + new string(')', 50_000)));
        Assert.Single(Problems(new string('[', 4_000) + new string(']', 4_000)));
        Assert.Single(Problems(string.Concat(Enumerable.Repeat("-(", 3_000)) + "1" + new string(')', 3_000)));
        Assert.Single(Problems("/*"));
        Assert.Single(Problems(null!));
    }
}
