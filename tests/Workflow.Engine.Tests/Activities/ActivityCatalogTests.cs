using Workflow.Engine.Activities;
using Workflow.Engine.Values;

namespace Workflow.Engine.Tests.Activities;

public sealed class ActivityCatalogTests
{
    [Theory]
    [InlineData("Elsa.Start", new[] { "Done" })]
    [InlineData("Elsa.End", new string[0])]
    [InlineData("Elsa.FlowDecision", new[] { "True", "False" })]
    [InlineData("Elsa.FlowJoin", new[] { "Done" })]
    [InlineData("Campaign.Review", new[] { "Approved", "ChangesRequested" })]
    [InlineData("Campaign.Meeting", new[] { "Done" })]
    [InlineData("Campaign.RectificationItem", new[] { "Done" })]
    public void Outbound_ports_are_as_documented(string typeName, string[] ports) =>
        Assert.Equal(ports, ActivityCatalog.Find(typeName)!.OutboundPorts);

    [Fact]
    public void Only_the_start_has_no_inbound_port() =>
        Assert.Equal(["Elsa.Start"], ActivityCatalog.All.Where(d => !d.HasInboundPort).Select(d => d.TypeName));

    [Theory]
    [InlineData("Campaign.Review", true)]
    [InlineData("Elsa.FlowJoin", true)]
    [InlineData("campaign.review", false)]
    [InlineData("Campaign.Review ", false)]
    [InlineData("Review", false)]
    [InlineData("", false)]
    public void Find_is_exact_and_case_sensitive(string typeName, bool found) =>
        Assert.Equal(found, ActivityCatalog.Find(typeName) is { } d && d.TypeName == typeName);

    [Fact]
    public void Every_descriptor_speaks_english_and_chinese()
    {
        foreach (var descriptor in ActivityCatalog.All)
        {
            var texts = new[] { descriptor.DisplayNames, descriptor.Descriptions }
                .Concat(descriptor.Inputs.Select(i => i.DisplayNames))
                .Concat(descriptor.ResultFields.Select(f => f.DisplayNames))
                .Concat(descriptor.Rules.Select(r => r.Messages));
            foreach (var text in texts)
            {
                Assert.False(string.IsNullOrWhiteSpace(text.Get("en")), descriptor.TypeName);
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text.Texts["zh-CN"]);
            }
            Assert.True(ActivityCategories.DisplayNames.ContainsKey(descriptor.Category), descriptor.Category);
        }
    }

    [Theory]
    [InlineData("Elsa.Start", "开始", ActivityCategories.ControlFlow)]
    [InlineData("Elsa.FlowDecision", "条件判断", ActivityCategories.ControlFlow)]
    [InlineData("Campaign.Meeting", "会议", ActivityCategories.Meetings)]
    [InlineData("Campaign.DocumentDrafting", "文稿起草", ActivityCategories.Documents)]
    [InlineData("Campaign.OpinionCollection", "征求意见", ActivityCategories.Participation)]
    [InlineData("Campaign.Appraisal", "群众评议", ActivityCategories.Participation)]
    [InlineData("Campaign.RectificationItem", "整改事项", ActivityCategories.Findings)]
    [InlineData("Campaign.Notification", "通知", ActivityCategories.Notifications)]
    public void Chinese_names_and_categories(string typeName, string zh, string category)
    {
        var descriptor = ActivityCatalog.Find(typeName)!;
        Assert.Equal(zh, descriptor.DisplayNames.Get("zh-CN"));
        Assert.Equal(category, descriptor.Category);
    }

    [Fact]
    public void Every_task_has_the_common_inputs_and_only_tasks_have_result_fields()
    {
        foreach (var descriptor in ActivityCatalog.All)
        {
            if (descriptor.Kind != ActivityKind.Task)
            {
                Assert.Empty(descriptor.ResultFields);
                continue;
            }
            Assert.Equal(DataType.String, descriptor.FindInput("assignee")!.Type);
            Assert.Equal((DataType.Number, 0.0), (descriptor.FindInput("dueInDays")!.Type, descriptor.FindInput("dueInDays")!.Minimum!.Value));
            Assert.Equal(DataType.Date, descriptor.FindInput("dueDate")!.Type);
            Assert.Equal(DataType.Text, descriptor.FindInput("instructions")!.Type);
            var forEach = descriptor.FindInput("forEach")!;
            Assert.Equal((DataType.Array, true), (forEach.Type, forEach.ExpressionOnly));
        }
    }

    [Fact]
    public void Control_flow_inputs_are_as_documented()
    {
        var mode = ActivityCatalog.Find("Elsa.FlowJoin")!.FindInput("mode")!;
        Assert.Equal<string>(["WaitAll", "WaitAny"], mode.AllowedValues);
        Assert.Equal("WaitAny", mode.Default!.Value.GetString());

        var condition = ActivityCatalog.Find("Elsa.FlowDecision")!.FindInput("condition")!;
        Assert.True(condition.Required && condition.ExpressionOnly);
        Assert.Equal(DataType.Boolean, condition.Type);

        var branches = ActivityCatalog.Find("Elsa.FlowFork")!.FindInput("branches")!;
        Assert.True(branches.Required);
        Assert.Equal(2, branches.Minimum);

        var setVariable = ActivityCatalog.Find("Elsa.SetVariable")!;
        Assert.True(setVariable.FindInput("variable")!.Required && setVariable.FindInput("value")!.Required);
        Assert.Equal<string>(
            ["mobilization", "study", "organizationalLife", "democraticLife", "work", "review"],
            ActivityCatalog.Find("Campaign.Meeting")!.FindInput("meetingKind")!.AllowedValues);
    }

    [Theory]
    [InlineData("Campaign.Meeting", "heldOn", DataType.Date, true)]
    [InlineData("Campaign.Meeting", "minutes", DataType.Documents, false)]
    [InlineData("Campaign.Meeting", "findings", DataType.Findings, false)]
    [InlineData("Campaign.DocumentDrafting", "documents", DataType.Documents, false)]
    [InlineData("Campaign.DocumentDrafting", "summary", DataType.Text, false)]
    [InlineData("Campaign.Review", "reviewedOn", DataType.Date, false)]
    [InlineData("Campaign.Talks", "talksHeld", DataType.Integer, true)]
    [InlineData("Campaign.Appraisal", "participants", DataType.Integer, true)]
    [InlineData("Campaign.Appraisal", "satisfied", DataType.Integer, true)]
    [InlineData("Campaign.Appraisal", "participantGroups", DataType.Array, false)]
    [InlineData("Campaign.Finding", "findings", DataType.Findings, true)]
    [InlineData("Campaign.RectificationItem", "evidence", DataType.Documents, true)]
    [InlineData("Campaign.RectificationItem", "summary", DataType.Text, true)]
    [InlineData("Campaign.RectificationItem", "closedOn", DataType.Date, false)]
    public void Result_field_types(string typeName, string field, DataType type, bool required)
    {
        var descriptor = ActivityCatalog.Find(typeName)!.ResultFields.Single(f => f.Name == field);
        Assert.Equal((type, required), (descriptor.Type, descriptor.Required));
    }

    [Fact]
    public void Counts_are_non_negative_integers_and_ratios_are_derived_in_0_to_1()
    {
        foreach (var field in ActivityCatalog.All.SelectMany(d => d.ResultFields))
        {
            if (field.Type == DataType.Integer)
                Assert.Equal(field.Name == "participants" && field.Required ? 1 : 0, field.Minimum);
            if (field.Derived is not null)
                Assert.Equal((DataType.Number, "ratio", 0.0, 1.0), (field.Type, field.Unit, field.Minimum!.Value, field.Maximum!.Value));
        }
        Assert.Equal(1, ActivityCatalog.Find("Campaign.Appraisal")!.ResultFields.Single(f => f.Name == "participants").Minimum);
        Assert.Equal(1, ActivityCatalog.Find("Campaign.RectificationItem")!.ResultFields.Single(f => f.Name == "evidence").Minimum);
    }

    [Fact]
    public void Rules_and_ratios_name_integer_fields_of_their_own_descriptor()
    {
        foreach (var descriptor in ActivityCatalog.All)
        {
            DataType TypeOf(string name) => descriptor.ResultFields.Single(f => f.Name == name).Type;
            foreach (var rule in descriptor.Rules)
                Assert.All(rule.Fields.Append(rule.Limit), name => Assert.Equal(DataType.Integer, TypeOf(name)));
            foreach (var derived in descriptor.ResultFields.Select(f => f.Derived).OfType<DerivedValue>())
                Assert.Equal((DataType.Integer, DataType.Integer), (TypeOf(derived.Numerator), TypeOf(derived.Denominator)));
        }
        var rules = ActivityCatalog.All.SelectMany(d => d.Rules).Select(r => $"{string.Join("+", r.Fields)}<={r.Limit}");
        Assert.Equal(
            ["documentsIssued<=documentsPlanned", "suggestionsResolved+suggestionsPending<=suggestionsReceived",
             "formsReturned<=formsIssued", "opinionsOnTeamConsolidated<=opinionsOnTeamRaw",
             "opinionsOnMembersConsolidated<=opinionsOnMembersRaw", "satisfied<=participants"],
            rules);
    }
}
