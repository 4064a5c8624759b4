using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;
using static Workflow.Engine.Tests.Support.Flow;

namespace Workflow.Engine.Tests.Compilation;

/// <summary>Every class of definition problem is reported, with the activity or connection it belongs to and a JSON Pointer.</summary>
public sealed class WorkflowValidationTests
{
    private static Flow Valid() => new Flow()
        .Activity("start", "Elsa.Start").Task("meeting").Activity("end", "Elsa.End")
        .Chain("start", "meeting", "end");

    private static ValidationError Single(WorkflowCompilation compilation, string code)
    {
        Assert.False(compilation.Succeeded);
        return Assert.Single(compilation.Errors, e => e.Code == code);
    }

    [Fact]
    public void Compile_ValidFlow_Succeeds() => Assert.True(Valid().Check().Succeeded);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Compile_TaskWithoutAssignee_IsReported_SoItIsNotPublishedToWaitForNobody(string? assignee)
    {
        var flow = new Flow().Activity("start", "Elsa.Start").Task("meeting", inputs: new { assignee }).Activity("end", "Elsa.End")
            .Chain("start", "meeting", "end");
        var error = Single(flow.Check(), ValidationCodes.ActivityInputMissing);
        Assert.Equal(("meeting", "/root/activities/1", "assignee"), (error.ActivityId, error.JsonPointer, error.Arguments!["input"]));
        Assert.Contains("needs an assignee", error.Message);
        // An expression names the assignee per item or from a result; the compiler cannot know its value, and accepts it.
        var byExpression = new Flow().Activity("start", "Elsa.Start").Task("meeting", inputs: new { assignee = Flow.Expression("'party-secretary'") })
            .Activity("end", "Elsa.End").Chain("start", "meeting", "end");
        Assert.True(byExpression.Check().Succeeded);
    }

    [Fact]
    public void Compile_UnknownActivityType_IsReportedOnTheActivity()
    {
        // start ─► meeting ─► mystery ─► end
        var flow = new Flow().Activity("start", "Elsa.Start").Task("meeting").Activity("mystery", "Campaign.Banquet").Activity("end", "Elsa.End")
            .Chain("start", "meeting", "mystery", "end");
        var error = Single(flow.Check(), ValidationCodes.ActivityTypeUnknown);
        Assert.Equal(("mystery", "/root/activities/2/type"), (error.ActivityId, error.JsonPointer));
        Assert.Contains("Campaign.Banquet", error.Message);
        Assert.DoesNotContain(flow.Check().Errors, e => e.Code == ValidationCodes.ConnectionDangling);
    }

    [Fact]
    public void Compile_DanglingConnection_IsReportedOnTheConnection()
    {
        var error = Single(Valid().Connect("meeting", "ghost").Check(), ValidationCodes.ConnectionDangling);
        Assert.Equal("/root/connections/2/target/activity", error.JsonPointer);
        Assert.Equal(new ConnectionRef("meeting", "Done", "ghost", "In"), error.Connection);
    }

    [Fact]
    public void Compile_PortTheTypeDoesNotHave_IsReportedWithThePortsItHas()
    {
        // start ─► review ─(Rejected?)─► end : a review leaves by Approved or ChangesRequested only.
        var flow = new Flow().Activity("start", "Elsa.Start").Task("review", "Campaign.Review").Activity("end", "Elsa.End")
            .Connect("start", "review").Connect("review", "end", "Approved").Connect("review", "end", "Rejected").Connect("review", "review", "ChangesRequested");
        var error = Single(flow.Check(), ValidationCodes.ConnectionPortUnknown);
        Assert.Equal(("review", "/root/connections/2/source/port"), (error.ActivityId, error.JsonPointer));
        Assert.Contains("Approved, ChangesRequested", error.Message);
    }

    [Fact]
    public void Compile_UnreachableActivity_IsReported()
    {
        var error = Single(Valid().Task("orphan").Connect("orphan", "end").Check(), ValidationCodes.ActivityUnreachable);
        Assert.Equal(("orphan", "/root/activities/3"), (error.ActivityId, error.JsonPointer));
    }

    [Fact]
    public void Compile_ActivityThatCannotReachAnEnd_IsADeadEnd()
    {
        // start ─► meeting ─► end ; meeting ─► limbo (and limbo goes nowhere)
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("fork", "Elsa.FlowFork", new { branches = new[] { "A", "B" } })
            .Task("meeting").Task("limbo").Activity("end", "Elsa.End")
            .Connect("start", "fork").Connect("fork", "meeting", "A").Connect("fork", "limbo", "B").Connect("meeting", "end");
        var errors = flow.Check().Errors.Where(e => e.Code == ValidationCodes.ActivityDeadEnd).ToList();
        Assert.Contains(errors, e => e.ActivityId == "limbo" && e.Message.Contains("no path leads from it"));
        Assert.Contains(errors, e => e.ActivityId == "limbo" && e.Message.Contains("port 'Done'"));
    }

    [Fact]
    public void Compile_UnconnectedOutcomePort_IsReported()
    {
        var flow = new Flow().Activity("start", "Elsa.Start").Task("review", "Campaign.Review").Activity("end", "Elsa.End")
            .Connect("start", "review").Connect("review", "end", "Approved");
        var error = Single(flow.Check(), ValidationCodes.ActivityDeadEnd);
        Assert.Equal("review", error.ActivityId);
        Assert.Contains("'ChangesRequested'", error.Message);
    }

    [Fact]
    public void Compile_WaitAllJoinOverExclusiveBranches_NeverFires()
    {
        // start ─► decide ─True─► a ─┐
        //                └─False─► b ─┴─► join(WaitAll) ─► end
        var flow = new Flow().Input("go", "boolean").Activity("start", "Elsa.Start")
            .Activity("decide", "Elsa.FlowDecision", new { condition = Expression("inputs.go") })
            .Task("a").Task("b").Activity("join", "Elsa.FlowJoin", new { mode = "WaitAll" }).Activity("end", "Elsa.End")
            .Connect("start", "decide").Connect("decide", "a", "True").Connect("decide", "b", "False").Chain("a", "join", "end").Connect("b", "join");
        var error = Single(flow.Check(), ValidationCodes.JoinNeverFires);
        Assert.Equal(("join", "/root/activities/4"), (error.ActivityId, error.JsonPointer));
        Assert.Contains("'decide'", error.Message);

        var waitAny = new Flow().Input("go", "boolean").Activity("start", "Elsa.Start")
            .Activity("decide", "Elsa.FlowDecision", new { condition = Expression("inputs.go") })
            .Task("a").Task("b").Activity("join", "Elsa.FlowJoin", new { mode = "WaitAny" }).Activity("end", "Elsa.End")
            .Connect("start", "decide").Connect("decide", "a", "True").Connect("decide", "b", "False").Chain("a", "join", "end").Connect("b", "join");
        Assert.True(waitAny.Check().Succeeded);
    }

    [Fact]
    public void Compile_WaitAllJoinAfterFork_CanFire()
    {
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("fork", "Elsa.FlowFork", new { branches = new[] { "A", "B" } })
            .Task("a").Task("b").Activity("join", "Elsa.FlowJoin", new { mode = "WaitAll" }).Activity("end", "Elsa.End")
            .Connect("start", "fork").Connect("fork", "a", "A").Connect("fork", "b", "B").Chain("a", "join", "end").Connect("b", "join");
        Assert.True(flow.Check().Succeeded);
    }

    [Fact]
    public void Compile_ExpressionThatDoesNotParse_IsReportedOnTheInput()
    {
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("decide", "Elsa.FlowDecision", new { condition = Expression("results.meeting.attendees >") })
            .Task("meeting").Activity("end", "Elsa.End")
            .Chain("start", "meeting", "decide").Connect("decide", "end", "True").Connect("decide", "meeting", "False");
        var error = Single(flow.Check(), ValidationCodes.ExpressionSyntax);
        Assert.Equal(("decide", "/root/activities/1/condition"), (error.ActivityId, error.JsonPointer));
        Assert.Contains("line 1", error.Message);
    }

    [Theory]
    [InlineData("results.meting.attendees > 3", "meting")]
    [InlineData("inputs.threshold > 3", "threshold")]
    [InlineData("variables.rounds > 3", "rounds")]
    [InlineData("results.meeting.atendees > 3", "atendees")]
    public void Compile_ExpressionReadingSomethingThatCannotExist_IsReported(string source, string name)
    {
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("decide", "Elsa.FlowDecision", new { condition = Expression(source) })
            .Task("meeting").Activity("end", "Elsa.End")
            .Chain("start", "meeting", "decide").Connect("decide", "end", "True").Connect("decide", "meeting", "False");
        var error = Single(flow.Check(), ValidationCodes.ExpressionUnknownName);
        Assert.Equal("decide", error.ActivityId);
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Compile_ForbiddenExpression_IsReported()
    {
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("decide", "Elsa.FlowDecision", new { condition = Expression("eval('1') == 1") })
            .Task("meeting").Activity("end", "Elsa.End")
            .Chain("start", "meeting", "decide").Connect("decide", "end", "True").Connect("decide", "meeting", "False");
        Assert.Contains(flow.Check().Errors, e => e.Code == ValidationCodes.ExpressionForbidden && e.ActivityId == "decide");
    }

    [Fact]
    public void Compile_LoopOfAutomaticActivitiesOnly_IsReported()
    {
        // start ─► meeting ─► decide ─True─► end ; decide ─False─► setRound ─► decide (no task in between)
        var flow = new Flow().Variable("rounds", "0").Activity("start", "Elsa.Start").Task("meeting")
            .Activity("decide", "Elsa.FlowDecision", new { condition = Expression("variables.rounds > 2") })
            .Activity("setRound", "Elsa.SetVariable", new { variable = "rounds", value = Expression("variables.rounds + 1") })
            .Activity("end", "Elsa.End")
            .Chain("start", "meeting", "decide").Connect("decide", "end", "True").Connect("decide", "setRound", "False").Connect("setRound", "decide");
        var error = Single(flow.Check(), ValidationCodes.LoopWithoutTask);
        Assert.Contains("decide → setRound", error.Message);
    }

    [Fact]
    public void Compile_InputsThatDoNotFitTheType_AreReported()
    {
        var flow = new Flow().Activity("start", "Elsa.Start")
            .Task("meeting", inputs: new { dueInDays = "soon", venue = "hall", forEach = new[] { 1, 2 } })
            .Activity("decide", "Elsa.FlowDecision").Activity("end", "Elsa.End")
            .Chain("start", "meeting", "decide").Connect("decide", "end", "True").Connect("decide", "meeting", "False");
        var errors = flow.Check().Errors;
        Assert.Contains(errors, e => e.Code == ValidationCodes.ActivityInputInvalid && e.JsonPointer == "/root/activities/1/dueInDays");
        Assert.Contains(errors, e => e.Code == ValidationCodes.ActivityInputUnknown && e.JsonPointer == "/root/activities/1/venue");
        Assert.Contains(errors, e => e.Code == ValidationCodes.ActivityInputInvalid && e.JsonPointer == "/root/activities/1/forEach");
        Assert.Contains(errors, e => e.Code == ValidationCodes.ActivityInputMissing && e.ActivityId == "decide"
                                     && e.Arguments is { } arguments && arguments["input"] == "condition");
    }

    [Fact]
    public void Compile_MissingStartAndEnd_AreReported()
    {
        var errors = new Flow().Task("meeting").Check().Errors;
        Assert.Contains(errors, e => e.Code == ValidationCodes.StartMissing);
        Assert.Contains(errors, e => e.Code == ValidationCodes.EndMissing);
    }

    [Fact]
    public void Compile_DuplicateIdsAndConnections_AreReported()
    {
        var errors = Valid().Task("meeting").Connect("meeting", "end").Check().Errors;
        Assert.Contains(errors, e => e.Code == ValidationCodes.ActivityIdDuplicate && e.JsonPointer == "/root/activities/3/id");
        Assert.Contains(errors, e => e.Code == ValidationCodes.ConnectionDuplicate && e.JsonPointer == "/root/connections/2");
    }

    [Fact]
    public void Compile_ManyProblems_AreAllReportedAtOnce()
    {
        var flow = new Flow().Activity("start", "Elsa.Start").Activity("x", "Nope").Task("orphan")
            .Activity("decide", "Elsa.FlowDecision", new { condition = Expression("results.nobody.count > 1") }).Activity("end", "Elsa.End")
            .Connect("start", "decide").Connect("decide", "end", "True").Connect("decide", "ghost", "False");
        var codes = flow.Check().Errors.Select(e => e.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { ValidationCodes.ActivityTypeUnknown, ValidationCodes.ExpressionUnknownName, ValidationCodes.ConnectionDangling }, codes);
    }

    [Fact]
    public void Parse_MalformedJson_IsAClearErrorNotACrash()
    {
        var parsed = DefinitionParser.Parse("{\"definitionId\": \"x\", ");
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(ValidationCodes.JsonMalformed, error.Code);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Parse_BadShapes_AreReportedWithPointers()
    {
        var parsed = DefinitionParser.Parse("""
            {"definitionId": "9bad", "version": 0, "name": "x",
             "root": {"type": "Elsa.Flowchart", "activities": [{"id": "a"}, 3],
                      "connections": [{"source": {"activity": "a"}}]}}
            """);
        var errors = parsed.Errors.Select(e => (e.Code, e.JsonPointer)).ToList();
        Assert.Contains((ValidationCodes.IdentifierInvalid, "/definitionId"), errors);
        Assert.Contains((ValidationCodes.PropertyInvalid, "/version"), errors);
        Assert.Contains((ValidationCodes.PropertyMissing, "/root/activities/0"), errors);
        Assert.Contains((ValidationCodes.PropertyInvalid, "/root/activities/1"), errors);
        Assert.Contains((ValidationCodes.PropertyMissing, "/root/connections/0"), errors);
    }

    [Fact]
    public void Parse_UnsupportedExpressionLanguage_IsReported()
    {
        var json = Valid().ToJson().Replace("\"assignee\":\"campaign-office\"",
            "\"assignee\":{\"expression\":{\"type\":\"Liquid\",\"value\":\"{{ x }}\"}}");
        var error = Assert.Single(DefinitionParser.Parse(json).Errors);
        Assert.Equal((ValidationCodes.ExpressionLanguageUnsupported, "/root/activities/1/assignee/expression/type", "meeting"),
            (error.Code, error.JsonPointer, error.ActivityId));
    }
}
