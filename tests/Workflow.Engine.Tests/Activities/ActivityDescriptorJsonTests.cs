using System.Text.Json.Nodes;
using Json.Schema;
using Workflow.Engine.Activities;

namespace Workflow.Engine.Tests.Activities;

/// <summary>The descriptors as the API serves them.</summary>
public sealed class ActivityDescriptorJsonTests
{
    private static JsonObject Of(string typeName) => ActivityDescriptorJson.For(ActivityCatalog.Find(typeName)!);

    [Fact]
    public void The_catalog_is_served_in_order_with_every_part()
    {
        var catalog = ActivityDescriptorJson.ForCatalog();
        Assert.Equal(ActivityCatalog.All.Select(d => d.TypeName), catalog.Select(n => (string)n!["typeName"]!));
        string[] keys =
        [
            "typeName", "displayNames", "descriptions", "category", "categoryDisplayNames", "kind", "inputs",
            "resultFields", "rules", "outboundPorts", "timerPorts", "portDisplayNames", "portsFromInput", "hasInboundPort", "resultSchema",
        ];
        Assert.All(catalog, node => Assert.Equal(keys, node!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void A_review_is_a_task_with_two_outcomes_and_its_schema()
    {
        var review = Of("Campaign.Review");
        Assert.Equal("审阅", (string?)review["displayNames"]!["zh-CN"]);
        Assert.Equal(("documents", "task", true), ((string?)review["category"], (string?)review["kind"], (bool)review["hasInboundPort"]!));
        Assert.Equal(["Approved", "ChangesRequested"], review["outboundPorts"]!.AsArray().Select(n => (string)n!));
        // Timeout is listed apart: the timer takes it, a reviewer's outcome never does.
        Assert.Equal(["Timeout"], review["timerPorts"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("超时", (string?)review["portDisplayNames"]!["Timeout"]!["zh-CN"]);
        Assert.Equal(["Approved", "ChangesRequested"], review["resultSchema"]!["properties"]!["outcome"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Null(review["portsFromInput"]);
        Assert.True(JsonSchema.FromText(review["resultSchema"]!.ToJsonString()).Evaluate(TestJson.Parse("""{"commentCount":4}""")).IsValid);
        Assert.Equal(
            ["subject", "assignee", "dueInDays", "dueDate", "instructions", "forEach",
             "timeout", "remindBeforeDue", "remindOverdueEvery", "remindOverdueMax", "escalateTo", "escalateAfterDays"],
            review["inputs"]!.AsArray().Select(n => (string)n!["name"]!));
    }

    [Fact]
    public void Control_flow_details_are_served()
    {
        var fork = Of("Elsa.FlowFork");
        Assert.Equal("branches", (string?)fork["portsFromInput"]);
        Assert.Empty(fork["outboundPorts"]!.AsArray());
        Assert.Equal(2, (double)fork["inputs"]![0]!["minimum"]!);
        Assert.False((bool)fork["inputs"]![0]!["supportsExpression"]!);

        var join = Of("Elsa.FlowJoin")["inputs"]![0]!;
        Assert.Equal(("WaitAny", "string"), ((string?)join["default"], (string?)join["type"]));
        Assert.Equal(["WaitAll", "WaitAny"], join["allowedValues"]!.AsArray().Select(n => (string)n!));

        Assert.False((bool)Of("Elsa.Start")["hasInboundPort"]!);
        Assert.Equal("start", (string?)Of("Elsa.Start")["kind"]);
        Assert.True((bool)Of("Elsa.FlowDecision")["inputs"]![0]!["expressionOnly"]!);
    }

    [Fact]
    public void Result_fields_and_rules_are_served_with_types_units_and_messages()
    {
        var collection = Of("Campaign.OpinionCollection");
        var rate = collection["resultFields"]!.AsArray().Single(n => (string?)n!["name"] == "formReturnRate")!;
        Assert.Equal(("number", "ratio", "formsReturned", "formsIssued"),
            ((string?)rate["type"], (string?)rate["unit"], (string?)rate["derived"]!["numerator"], (string?)rate["derived"]!["denominator"]));
        var forms = collection["resultFields"]!.AsArray().Single(n => (string?)n!["name"] == "formsIssued")!;
        Assert.Equal(("integer", 0.0, "forms"), ((string?)forms["type"], (double)forms["minimum"]!, (string?)forms["unit"]));
        var rule = collection["rules"]!.AsArray().Single(n => (string?)n!["code"] == "formsReturnedWithinIssued")!;
        Assert.Equal("formsIssued", (string?)rule["limit"]);
        Assert.Contains("{formsReturned}", (string?)rule["messages"]!["zh-CN"], StringComparison.Ordinal);
    }

    [Fact]
    public void Ports_and_units_are_labelled_in_english_and_chinese()
    {
        var review = Of("Campaign.Review");
        Assert.Equal(("Changes requested", "需修改"),
            ((string?)review["portDisplayNames"]!["ChangesRequested"]!["en"], (string?)review["portDisplayNames"]!["ChangesRequested"]!["zh-CN"]));
        Assert.Equal("是", (string?)Of("Elsa.FlowDecision")["portDisplayNames"]!["True"]!["zh-CN"]);
        Assert.Equal("完成", (string?)Of("Elsa.Start")["portDisplayNames"]!["Done"]!["zh-CN"]);
        // A fork's ports are its branch names, the author's words: nothing to label.
        Assert.Empty(Of("Elsa.FlowFork")["portDisplayNames"]!.AsObject());

        var attendees = Of("Campaign.Meeting")["resultFields"]!.AsArray().Single(n => (string?)n!["name"] == "attendees")!;
        Assert.Equal(("people", "人"), ((string?)attendees["unitDisplayNames"]!["en"], (string?)attendees["unitDisplayNames"]!["zh-CN"]));
        var schema = Of("Campaign.Review")["resultSchema"]!;
        Assert.Equal("通过", (string?)schema["properties"]!["outcome"]!["x-enumDisplayNames"]!["Approved"]!["zh-CN"]);
        Assert.Equal("条", (string?)schema["properties"]!["commentCount"]!["x-unitDisplayNames"]!["zh-CN"]);
    }

    [Fact]
    public void Every_fixed_port_and_every_unit_of_the_catalog_has_an_english_and_a_chinese_label()
    {
        foreach (var port in ActivityCatalog.All.SelectMany(d => d.OutboundPorts))
        {
            Assert.True(ActivityPorts.DisplayNames.TryGetValue(port, out var names), port);
            Assert.False(string.IsNullOrEmpty(names.Get("zh-CN")), port);
        }
        foreach (var unit in ActivityCatalog.All.SelectMany(d => d.ResultFields).Select(f => f.Unit).OfType<string>().Where(u => u != "ratio"))
        {
            Assert.True(ResultUnits.DisplayNames.TryGetValue(unit, out var names), unit);
            Assert.False(string.IsNullOrEmpty(names.Get("zh-CN")), unit);
        }
    }
}
