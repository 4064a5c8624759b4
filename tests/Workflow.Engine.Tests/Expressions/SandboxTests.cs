using Jint;
using Workflow.Engine.Expressions;
using static Workflow.Engine.Tests.Expressions.ExpressionFixtures;

namespace Workflow.Engine.Tests.Expressions;

/// <summary>Hostile expressions: each fails with its own code, and the same thread goes on evaluating.</summary>
public class SandboxTests
{
    [Theory]
    [InlineData("(f => f(f))(f => f(f))", ExpressionErrorCodes.RecursionLimit)]
    [InlineData("'x'.repeat(2 ** 28).length", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("'xy'.repeat(2 ** 27).length", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("Array(1e8).fill(0).length", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("[].toSorted.call({ length: 2 ** 30 }).length", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("/(a+)+$/.test('a'.repeat(40) + 'b')", ExpressionErrorCodes.RegexTimeout)]
    [InlineData("('a'.repeat(40) + 'b').match('(a+)+$')", ExpressionErrorCodes.RegexTimeout)]
    [InlineData("[].findLast.call({ length: 1e6 }, x => false)", ExpressionErrorCodes.StatementLimit)]
    // One built-in call over a big array shared 9999 times: Jint would do 10^8 steps before any check.
    [InlineData("(b => String(Array(9999).fill(b)).length)(Array(9999).fill(1))", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("(b => `${Array(9999).fill(b)}`.length)(Array(9999).fill(1))", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("(b => JSON.stringify(Array(9999).fill(b)).length)(Array(9999).fill(1))", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("(b => Array(9999).fill(b).flat().length)(Array(9999).fill(1))", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("(b => Array(9999).fill(b).sort().length)(Array(9999).fill(1))", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("(b => Object.keys(Object.assign({}, ...Array(9999).fill(b))).length)(Array(9999).fill(1))", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("(a => (a.push(a), a.flat(Infinity).length))([1])", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("'a'.repeat(1e6).replaceAll('a', 'a'.repeat(1000)).length", ExpressionErrorCodes.MemoryLimit)]
    [InlineData("(s => ''.concat(...Array(9999).fill(s)).length)('a'.repeat(99999))", ExpressionErrorCodes.MemoryLimit)]
    public void Runaway_expressions_are_stopped_with_their_code(string source, string code)
    {
        AssertFails(Evaluate(source), code);

        AssertStillWorks();
    }

    [Fact]
    public void A_huge_loop_is_stopped_by_a_limit()
    {
        var outcome = Evaluate("Array.from({ length: 1e9 }, (_, i) => i).length");

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.ErrorCode, new[] { ExpressionErrorCodes.Timeout, ExpressionErrorCodes.StatementLimit, ExpressionErrorCodes.MemoryLimit });
        AssertStillWorks();
    }

    [Fact]
    public void A_long_running_expression_times_out()
    {
        // Under 10000 steps and little memory, but each step scans 60000 elements three times: seconds of work.
        var outcome = Evaluate("(a => Array(9000).fill(0).every(() => a.indexOf(1) < 0 && a.lastIndexOf(1) < 0 && !a.includes(1)))(Array(60000).fill(0))");

        AssertFails(outcome, ExpressionErrorCodes.Timeout);
        AssertStillWorks();
    }

    [Theory]
    [InlineData("[].map['constr' + 'uctor']('return 1')()", "String compilation")]
    [InlineData("(x => x)['constr' + 'uctor']('return globalThis')()", "String compilation")]
    [InlineData("Math['ran' + 'dom']()", "Math.random")]
    [InlineData("[1, 2].toLocaleString()", "toLocaleString")]
    public void Code_smuggled_past_the_load_time_check_is_refused_at_run_time(string source, string reason)
    {
        var outcome = Evaluate(source);

        AssertFails(outcome, ExpressionErrorCodes.Runtime);
        Assert.Contains(reason, outcome.ErrorMessage);
    }

    [Fact]
    public void The_sandbox_has_only_the_allowed_globals()
    {
        var engine = SandboxEngine.Create();

        var names = engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Array", "Boolean", "Infinity", "JSON", "Math", "NaN", "Number", "Object", "String", "findings", "index", "inputs",
             "isFinite", "isNaN", "item", "parseFloat", "parseInt", "results", "undefined", "variables"],
            names);
        Assert.Equal("undefined undefined undefined undefined", engine.Evaluate("[typeof System, typeof importNamespace, typeof Date, typeof eval].join(' ')").ToString());
        Assert.True(engine.Evaluate("Object.isFrozen(Math) && Object.isFrozen(Object.getPrototypeOf([])) && Object.isFrozen(Object.getPrototypeOf([].values()))").AsBoolean());
    }

    [Theory]
    [InlineData("Object.assign(Math, { max: () => 1 })", "Math.max(1, 2) === 2")]
    [InlineData("Object.defineProperty(Object.getPrototypeOf([]), 'leak', { value: 1 })", "[].leak === undefined")]
    [InlineData("Object.assign(Object.getPrototypeOf([].values()), { next: () => ({ done: true }) })", "[...inputs.partyGroups].length === 2")]
    [InlineData("Object.assign(Object.getPrototypeOf({}), { satisfactionThreshold: 0 })", "({}).satisfactionThreshold === undefined")]
    [InlineData("Object.setPrototypeOf(Object.getPrototypeOf([]), null)", "[1, 2].includes(2)")]
    public void An_expression_cannot_change_the_built_ins_for_the_next_one(string attack, string check)
    {
        var outcome = Evaluate(attack);
        var after = Evaluate(check);

        AssertFails(outcome, ExpressionErrorCodes.Runtime);
        Assert.Contains("TypeError", outcome.ErrorMessage);
        Assert.True(after.IsTrue, after.ErrorMessage ?? after.Value.GetRawText());
    }

    [Fact]
    public void An_expression_cannot_change_the_scope_data_for_the_next_one()
    {
        var scope = Scope();
        var push = Compile("results.orgLifeMeeting.push({ attendees: 0 })");
        var assign = Compile("Object.assign(inputs, { satisfactionThreshold: 0 }).satisfactionThreshold");
        var read = Compile("[results.orgLifeMeeting.length, inputs.satisfactionThreshold]");

        Assert.Equal("3", push.Evaluate(scope).Value.GetRawText());
        Assert.Equal("0", assign.Evaluate(scope).Value.GetRawText());

        Assert.Equal("[2,0.8]", read.Evaluate(scope).Value.GetRawText());
        Assert.Equal(2, scope.Results["orgLifeMeeting"].GetArrayLength());
    }

    [Fact]
    public void No_state_carries_over_from_one_evaluation_to_the_next()
    {
        var match = Evaluate("('secret ' + inputs.partyGroups[0].owner).match(/(li)/)[1]");
        var peek = Evaluate("[/x/['constr' + 'uctor'].input, /x/['constr' + 'uctor'].$1]");
        var global = Compile("/a/g.test('a')");

        Assert.Equal("\"li\"", match.Value.GetRawText());
        Assert.Equal("[null,null]", peek.Value.GetRawText());
        Assert.True(global.Evaluate(Scope()).IsTrue);
        Assert.True(global.Evaluate(Scope()).IsTrue);
    }

    [Fact]
    public void Limits_are_reset_for_every_evaluation()
    {
        // About 3000 steps each: ten runs on this thread's engine would pass 10000 steps (and more
        // memory than allowed) if the budgets carried over.
        var expression = Compile("Array(3000).fill(0).every(x => x === 0)");

        for (var run = 0; run < 10; run++)
        {
            var outcome = expression.Evaluate(Scope());
            Assert.True(outcome.IsTrue, $"run {run}: {outcome.ErrorCode} {outcome.ErrorMessage}");
        }
    }

    [Fact]
    public void Evaluate_never_throws_even_without_a_scope()
    {
        var outcome = Compile("inputs.partyGroups.length").Evaluate(null!);

        Assert.False(outcome.Succeeded);
        AssertStillWorks();
    }

    private static void AssertStillWorks()
    {
        var outcome = Evaluate("results.orgLifeMeeting.every(m => m.attendees > 0) && findings.length === 2");
        Assert.True(outcome.IsTrue, outcome.ErrorMessage);
    }
}
