using Workflow.Engine.Activities;
using static Workflow.Engine.Tests.Activities.TestJson;

namespace Workflow.Engine.Tests.Activities;

/// <summary>Ratios the engine derives, with the figures of the seed document's analysis phase.</summary>
public sealed class DerivedValueTests
{
    [Theory]
    [InlineData(45, 45, 1.0)]
    [InlineData(45, 36, 0.8)]
    [InlineData(1, 0, 0.0)]
    public void Appraisal_satisfaction_is_satisfied_over_participants(int participants, int satisfied, double satisfaction)
    {
        var check = Check("Campaign.Appraisal", null,
            $$"""{"heldOn":"2023-06-25","participants":{{participants}},"satisfied":{{satisfied}}}""");
        Assert.True(check.IsValid);
        Assert.Equal(satisfaction, check.Result.GetProperty("satisfaction").GetDouble(), 12);
    }

    [Fact]
    public void Seed_opinion_collection_gets_both_rates_in_field_order()
    {
        var check = Check("Campaign.OpinionCollection", null, """
            {
              "formsReturned": 125, "formsIssued": 180, "anonymousRespondents": 45,
              "suggestionsReceived": 25, "suggestionsResolved": 21, "suggestionsPending": 4,
              "opinionsOnTeamRaw": 14, "opinionsOnTeamConsolidated": 8,
              "opinionsOnMembersRaw": 6, "opinionsOnMembersConsolidated": 3,
              "findings": [ { "title": "教师短缺", "kind": "suggestion", "office": "人事科", "deadline": "2023-09-01" } ]
            }
            """);

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Select(e => e.Message)));
        Assert.Equal(125.0 / 180.0, check.Result.GetProperty("formReturnRate").GetDouble(), 12);
        Assert.Equal(0.6944, check.Result.GetProperty("formReturnRate").GetDouble(), 4);
        Assert.Equal(0.84, check.Result.GetProperty("suggestionResolutionRate").GetDouble(), 12);
        Assert.Equal(
            ["suggestionsReceived", "suggestionsResolved", "suggestionsPending", "formsIssued", "formsReturned",
             "anonymousRespondents", "opinionsOnTeamRaw", "opinionsOnTeamConsolidated", "opinionsOnMembersRaw",
             "opinionsOnMembersConsolidated", "formReturnRate", "suggestionResolutionRate", "findings", "outcome"],
            check.Result.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("""{"formsReturned":0,"formsIssued":0}""")]
    [InlineData("""{"formsReturned":12}""")]
    [InlineData("""{"formsIssued":180}""")]
    public void A_ratio_without_both_operands_or_over_zero_is_left_out(string result)
    {
        var check = Check("Campaign.OpinionCollection", null, result);
        Assert.True(check.IsValid);
        Assert.False(check.Result.TryGetProperty("formReturnRate", out _));
        Assert.False(check.Result.TryGetProperty("suggestionResolutionRate", out _));
    }
}
