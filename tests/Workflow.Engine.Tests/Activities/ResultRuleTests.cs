using Workflow.Engine.Activities;
using static Workflow.Engine.Tests.Activities.TestJson;

namespace Workflow.Engine.Tests.Activities;

/// <summary>Rules across fields: a sum of counts must not exceed a limit count.</summary>
public sealed class ResultRuleTests
{
    [Fact]
    public void More_forms_returned_than_issued_names_both_fields_and_values()
    {
        var error = Single(Check("Campaign.OpinionCollection", null, """{"formsIssued":180,"formsReturned":190}"""));

        Assert.Equal(("/formsReturned", ResultCheckCodes.RuleViolated), (error.Field, error.Code));
        Assert.Equal("formsReturned (190) must not exceed formsIssued (180).", error.Message);
        Assert.Equal("formsReturnedWithinIssued", error.Arguments["rule"]);
        Assert.Equal(("190", "180", "190", "180"),
            (error.Arguments["formsReturned"], error.Arguments["formsIssued"], error.Arguments["sum"], error.Arguments["limitValue"]));
    }

    [Fact]
    public void The_arguments_fill_the_rules_localized_messages()
    {
        var error = Single(Check("Campaign.OpinionCollection", null, """{"formsIssued":180,"formsReturned":190}"""));
        var rule = ActivityCatalog.Find("Campaign.OpinionCollection")!.Rules.Single(r => r.Code == error.Arguments["rule"]);
        var zh = error.Arguments.Aggregate(rule.Messages.Texts["zh-CN"], (text, a) => text.Replace($"{{{a.Key}}}", a.Value, StringComparison.Ordinal));
        Assert.Equal("回收的征求意见表数（190）不能超过发放数（180）。", zh);
    }

    [Fact]
    public void Resolved_plus_pending_must_not_exceed_received()
    {
        var error = Single(Check("Campaign.OpinionCollection", null,
            """{"suggestionsReceived":25,"suggestionsResolved":21,"suggestionsPending":5}"""));
        Assert.Equal(("/suggestionsResolved", ResultCheckCodes.RuleViolated), (error.Field, error.Code));
        Assert.Equal("suggestionsResolved + suggestionsPending (21 + 5 = 26) must not exceed suggestionsReceived (25).", error.Message);
    }

    [Fact]
    public void A_missing_summand_counts_as_zero()
    {
        Assert.True(Check("Campaign.OpinionCollection", null, """{"suggestionsReceived":25,"suggestionsResolved":21}""").IsValid);
        var error = Single(Check("Campaign.OpinionCollection", null, """{"suggestionsReceived":25,"suggestionsPending":26}"""));
        Assert.Equal("/suggestionsPending", error.Field);
        Assert.Equal("0", error.Arguments["suggestionsResolved"]);
    }

    [Theory]
    [InlineData("Campaign.Appraisal", """{"participants":45,"satisfied":46}""", "/satisfied", "satisfied (46) must not exceed participants (45).")]
    [InlineData("Campaign.DocumentDrafting", """{"documentsPlanned":6,"documentsIssued":7}""", "/documentsIssued", "documentsIssued (7) must not exceed documentsPlanned (6).")]
    [InlineData("Campaign.OpinionCollection", """{"opinionsOnTeamRaw":14,"opinionsOnTeamConsolidated":15}""", "/opinionsOnTeamConsolidated", "opinionsOnTeamConsolidated (15) must not exceed opinionsOnTeamRaw (14).")]
    [InlineData("Campaign.OpinionCollection", """{"opinionsOnMembersRaw":6,"opinionsOnMembersConsolidated":7}""", "/opinionsOnMembersConsolidated", "opinionsOnMembersConsolidated (7) must not exceed opinionsOnMembersRaw (6).")]
    public void Each_rule_of_the_catalog_is_enforced(string typeName, string result, string pointer, string message)
    {
        var error = Single(Check(typeName, null, result));
        Assert.Equal((pointer, ResultCheckCodes.RuleViolated, message), (error.Field, error.Code, error.Message));
    }

    [Theory]
    [InlineData("""{"formsReturned":190}""")]
    [InlineData("""{"formsIssued":180}""")]
    [InlineData("""{"formsIssued":180,"formsReturned":180}""")]
    public void A_rule_is_only_checked_when_its_limit_and_a_summand_are_given(string result) =>
        Assert.True(Check("Campaign.OpinionCollection", null, result).IsValid);

    [Fact]
    public void A_rule_over_a_malformed_value_is_not_reported_twice()
    {
        var error = Single(Check("Campaign.OpinionCollection", null, """{"formsIssued":"180","formsReturned":190}"""));
        Assert.Equal(("/formsIssued", ResultCheckCodes.FieldType), (error.Field, error.Code));
    }
}
