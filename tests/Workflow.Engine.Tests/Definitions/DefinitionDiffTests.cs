using System.Text.Json;
using Workflow.Engine.Definitions;

namespace Workflow.Engine.Tests.Definitions;

/// <summary>The structural difference between two versions, one category at a time, on small definitions.</summary>
public sealed class DefinitionDiffTests
{
    private const string Start = """{ "id": "start", "type": "Elsa.Start" }""";
    private const string End = """{ "id": "end", "type": "Elsa.End" }""";

    private static string Meeting(string assignee = "office", int due = 3, int x = 100) =>
        $$"""{ "id": "meet", "type": "Campaign.Meeting", "name": "会议", "assignee": "{{assignee}}", "dueInDays": {{due}}, "metadata": { "designer": { "position": { "x": {{x}}, "y": 50 } } } }""";

    private static string Link(string from, string to, string port = "Done") =>
        $$"""{ "source": { "activity": "{{from}}", "port": "{{port}}" }, "target": { "activity": "{{to}}", "port": "In" } }""";

    private static PhaseWorkflowDefinition Workflow(int version, string activities, string connections, string inputs = "[]", string variables = "[]") =>
        DefinitionParser.Parse($$"""
            { "definitionId": "p", "version": {{version}}, "name": "阶段", "inputs": {{inputs}}, "variables": {{variables}},
              "root": { "type": "Elsa.Flowchart", "id": "flow", "activities": [ {{activities}} ], "connections": [ {{connections}} ] } }
            """).Workflow ?? throw new InvalidOperationException("workflow did not parse");

    private static readonly string BaseActivities = string.Join(",", Start, Meeting(), End);
    private static readonly string BaseConnections = string.Join(",", Link("start", "meet"), Link("meet", "end"));

    private static PhaseWorkflowDefinition Base => Workflow(1, BaseActivities, BaseConnections);

    [Fact]
    public void Identical_workflows_have_no_difference()
    {
        var diff = DefinitionDiff.Of(Base, Workflow(2, BaseActivities, BaseConnections));
        Assert.True(diff.IsEmpty, JsonSerializer.Serialize(diff));
    }

    [Fact]
    public void Activity_added_and_removed_with_their_connections()
    {
        var review = """{ "id": "review", "type": "Campaign.Review", "assignee": "office", "dueInDays": 2 }""";
        var to = Workflow(2, string.Join(",", Start, review, End), string.Join(",", Link("start", "review"), Link("review", "end")));

        var diff = DefinitionDiff.Of(Base, to);

        Assert.Contains(new DefinitionChange("activity", "removed", "activities/meet", "meet", null, "Campaign.Meeting", null), diff.Changes);
        Assert.Contains(new DefinitionChange("activity", "added", "activities/review", "review", null, null, "Campaign.Review"), diff.Changes);
        Assert.Contains(diff.Changes, c => c is { Category: "connection", Change: "removed", Id: "start.Done->meet.In" });
        Assert.Contains(diff.Changes, c => c is { Category: "connection", Change: "added", Id: "review.Done->end.In" });
        Assert.Equal(2, diff.Changes.Count(c => c.Category == "connection" && c.Change == "added"));
    }

    [Fact]
    public void Activity_input_changes_are_reported_per_input()
    {
        var to = Workflow(2, string.Join(",", Start, Meeting(assignee: "committee", due: 5), End), BaseConnections);

        var diff = DefinitionDiff.Of(Base, to);

        Assert.Equal<DefinitionChange[]>(
            [
                new DefinitionChange("activityInput", "changed", "activities/meet/inputs/assignee", "meet", "assignee", "\"office\"", "\"committee\""),
                new DefinitionChange("activityInput", "changed", "activities/meet/inputs/dueInDays", "meet", "dueInDays", "3", "5"),
            ],
            diff.Changes.ToArray());
        Assert.Empty(diff.Layout);
    }

    [Fact]
    public void An_expression_input_reports_its_source()
    {
        var decision = (string c) => $$"""{ "id": "ok", "type": "Elsa.FlowDecision", "condition": { "expression": { "type": "JavaScript", "value": "{{c}}" } } }""";
        var from = Workflow(1, string.Join(",", Start, decision("inputs.a > 1"), End), Link("start", "ok"));
        var to = Workflow(2, string.Join(",", Start, decision("inputs.a > 2"), End), Link("start", "ok"));

        var change = Assert.Single(DefinitionDiff.Of(from, to).Changes);

        Assert.Equal(new DefinitionChange("activityInput", "changed", "activities/ok/inputs/condition", "ok", "condition",
            "JavaScript: inputs.a > 1", "JavaScript: inputs.a > 2"), change);
    }

    [Fact]
    public void A_moved_activity_is_layout_only()
    {
        var to = Workflow(2, string.Join(",", Start, Meeting(x: 300), End), BaseConnections);

        var diff = DefinitionDiff.Of(Base, to);

        Assert.Empty(diff.Changes);
        Assert.Equal(new DefinitionChange("activity", "moved", "activities/meet/position", "meet", "position", "100,50", "300,50"), Assert.Single(diff.Layout));
    }

    [Fact]
    public void Activity_type_and_name_changes()
    {
        var to = Workflow(2, string.Join(",", Start, Meeting().Replace("Campaign.Meeting", "Campaign.Talks").Replace("会议", "谈心"), End), BaseConnections);

        var diff = DefinitionDiff.Of(Base, to);

        Assert.Contains(new DefinitionChange("activity", "changed", "activities/meet/type", "meet", "type", "Campaign.Meeting", "Campaign.Talks"), diff.Changes);
        Assert.Contains(new DefinitionChange("activity", "changed", "activities/meet/name", "meet", "name", "会议", "谈心"), diff.Changes);
    }

    [Fact]
    public void Workflow_inputs_and_variables()
    {
        var from = Workflow(1, BaseActivities, BaseConnections,
            inputs: """[ { "name": "threshold", "type": "number", "required": true, "minimum": 0 }, { "name": "old", "type": "string" } ]""",
            variables: """[ { "id": "v1", "name": "count", "typeName": "Int32", "value": "0" } ]""");
        var to = Workflow(2, BaseActivities, BaseConnections,
            inputs: """[ { "name": "threshold", "type": "number", "required": true, "minimum": 0.5 }, { "name": "fresh", "type": "integer" } ]""",
            variables: """[ { "id": "v1", "name": "count", "typeName": "Int32", "value": "1" }, { "id": "v2", "name": "flag", "typeName": "Boolean" } ]""");

        var diff = DefinitionDiff.Of(from, to);

        Assert.Contains(new DefinitionChange("input", "changed", "inputs/threshold/minimum", "threshold", "minimum", "0", "0.5"), diff.Changes);
        Assert.Contains(new DefinitionChange("input", "removed", "inputs/old", "old", null, "string", null), diff.Changes);
        Assert.Contains(new DefinitionChange("input", "added", "inputs/fresh", "fresh", null, null, "integer"), diff.Changes);
        Assert.Contains(new DefinitionChange("variable", "changed", "variables/count/value", "count", "value", "0", "1"), diff.Changes);
        Assert.Contains(new DefinitionChange("variable", "added", "variables/flag", "flag", null, null, "Boolean"), diff.Changes);
        Assert.Equal(5, diff.Changes.Length);
    }

    // ---------------------------------------------------------------- templates

    private static string Gate(string id, string condition) =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "condition": { "expression": { "type": "JavaScript", "value": "{{condition}}" } } }""";

    private static string Phase(string id, string workflow = "wf", int version = 1, string gates = "", string outputs = "{}") =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "workflow": { "definitionId": "{{workflow}}", "version": {{version}} }, "exitGates": [ {{gates}} ], "outputs": {{outputs}} }""";

    private static CampaignTemplate Template(int version, string phases, string inputs = "[]") =>
        DefinitionParser.Parse($$"""{ "definitionId": "t", "version": {{version}}, "name": "活动", "inputs": {{inputs}}, "phases": [ {{phases}} ] }""").Template
        ?? throw new InvalidOperationException("template did not parse");

    [Fact]
    public void Phases_added_removed_and_reordered()
    {
        var from = Template(1, string.Join(",", Phase("a"), Phase("b"), Phase("c")));
        var to = Template(2, string.Join(",", Phase("b"), Phase("a"), Phase("d")));

        var diff = DefinitionDiff.Of(from, to);

        Assert.Equal<DefinitionChange[]>(
            [
                new DefinitionChange("phase", "removed", "phases/c", "c", null, "wf v1", null),
                new DefinitionChange("phase", "added", "phases/d", "d", null, null, "wf v1"),
                new DefinitionChange("phase", "reordered", "phases", null, "order", "a,b", "b,a"),
            ],
            diff.Changes.ToArray());
    }

    [Fact]
    public void Workflow_reference_changed()
    {
        var diff = DefinitionDiff.Of(Template(1, Phase("a")), Template(2, Phase("a", version: 2)));

        Assert.Equal(new DefinitionChange("workflowReference", "changed", "phases/a/workflow", "a", "workflow", "wf v1", "wf v2"), Assert.Single(diff.Changes));
    }

    [Fact]
    public void Gates_added_removed_and_changed_with_their_condition_text()
    {
        var from = Template(1, Phase("a", gates: string.Join(",", Gate("g1", "results.x.outcome === 'Approved'"), Gate("g2", "true"))));
        var to = Template(2, Phase("a", gates: string.Join(",", Gate("g1", "results.x.outcome !== 'Rejected'"), Gate("g3", "false"))));

        var diff = DefinitionDiff.Of(from, to);

        Assert.Equal<DefinitionChange[]>(
            [
                new DefinitionChange("gate", "removed", "phases/a/gates/g2", "g2", "condition", "JavaScript: true", null),
                new DefinitionChange("gate", "added", "phases/a/gates/g3", "g3", "condition", null, "JavaScript: false"),
                new DefinitionChange("gate", "changed", "phases/a/gates/g1/condition", "g1", "condition",
                    "JavaScript: results.x.outcome === 'Approved'", "JavaScript: results.x.outcome !== 'Rejected'"),
            ],
            diff.Changes.ToArray());
    }

    [Fact]
    public void Template_inputs_defaults_and_thresholds()
    {
        var from = Template(1, Phase("a"), """[ { "name": "rate", "type": "number", "default": 0.9, "minimum": 0, "maximum": 1 } ]""");
        var to = Template(2, Phase("a"), """[ { "name": "rate", "type": "number", "default": 0.95, "minimum": 0.5, "maximum": 1 } ]""");

        var diff = DefinitionDiff.Of(from, to);

        Assert.Equal<DefinitionChange[]>(
            [
                new DefinitionChange("input", "changed", "inputs/rate/default", "rate", "default", "0.9", "0.95"),
                new DefinitionChange("input", "changed", "inputs/rate/minimum", "rate", "minimum", "0", "0.5"),
            ],
            diff.Changes.ToArray());
    }

    [Fact]
    public void Outputs_added_removed_and_changed()
    {
        var from = Template(1, Phase("a", outputs: """{ "o1": 1, "o2": { "expression": { "type": "JavaScript", "value": "results.a" } } }"""));
        var to = Template(2, Phase("a", outputs: """{ "o2": { "expression": { "type": "JavaScript", "value": "results.b" } }, "o3": "x" }"""));

        var diff = DefinitionDiff.Of(from, to);

        Assert.Equal<DefinitionChange[]>(
            [
                new DefinitionChange("output", "removed", "phases/a/outputs/o1", "a", "o1", "1", null),
                new DefinitionChange("output", "changed", "phases/a/outputs/o2", "a", "o2", "JavaScript: results.a", "JavaScript: results.b"),
                new DefinitionChange("output", "added", "phases/a/outputs/o3", "a", "o3", null, "\"x\""),
            ],
            diff.Changes.ToArray());
    }

    [Fact]
    public void The_difference_serializes_to_json()
    {
        var diff = DefinitionDiff.Of(Template(1, Phase("a")), Template(2, Phase("a", version: 2)));

        var json = JsonSerializer.Serialize(diff, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Contains("\"category\":\"workflowReference\"", json);
        Assert.Contains("\"path\":\"phases/a/workflow\"", json);
    }
}
