using System.Text.Json;
using Workflow.Engine.Activities;
using static Workflow.Engine.Tests.Activities.TestJson;

namespace Workflow.Engine.Tests.Activities;

/// <summary>One test per class of problem, each asserting the code and the JSON Pointer.</summary>
public sealed class ResultCheckerTests
{
    [Fact]
    public void A_good_meeting_is_stored_in_field_order_with_its_outcome()
    {
        var check = Check("Campaign.Meeting", null,
            $$"""{"problemsIdentified":3,"attendees":12,"heldOn":"2023-06-22","minutes":[{{Doc()}}],"decisions":null}""");

        Assert.True(check.IsValid);
        Assert.Empty(check.Errors);
        Assert.Equal("Done", check.Port);
        Assert.Equal(
            $$"""{"heldOn":"2023-06-22","attendees":12,"minutes":[{{Doc()}}],"problemsIdentified":3,"outcome":"Done"}""",
            check.Result.GetRawText());
    }

    [Theory]
    [InlineData(null, "Done")]
    [InlineData("Done", "Done")]
    public void A_task_with_only_done_accepts_no_outcome_or_done(string? outcome, string port) =>
        Assert.Equal(port, Check("Campaign.Talks", outcome, """{"talksHeld":80}""").Port);

    [Theory]
    [InlineData("Campaign.Talks", "Approved")]
    [InlineData("Campaign.Talks", "done")]
    [InlineData("Campaign.Review", null)]
    [InlineData("Campaign.Review", "approved")]
    [InlineData("Campaign.Review", "Done")]
    public void An_outcome_that_is_not_a_port_is_rejected(string typeName, string? outcome)
    {
        var error = Single(Check(typeName, outcome, typeName == "Campaign.Talks" ? """{"talksHeld":1}""" : "{}"));
        Assert.Equal(("/outcome", ResultCheckCodes.OutcomeInvalid), (error.Field, error.Code));
        Assert.Equal(outcome ?? "", error.Arguments["outcome"]);
    }

    [Theory]
    [InlineData("Approved")]
    [InlineData("ChangesRequested")]
    public void A_review_leaves_by_its_outcome(string outcome)
    {
        var check = Check("Campaign.Review", outcome, """{"reviewedOn":"2023-06-15","commentCount":4}""");
        Assert.True(check.IsValid);
        Assert.Equal(outcome, check.Port);
        Assert.Equal(outcome, check.Result.GetProperty("outcome").GetString());
    }

    [Fact]
    public void A_review_without_an_outcome_says_which_are_expected()
    {
        var error = Single(Check("Campaign.Review", null, null));
        Assert.Equal("An outcome is required for Campaign.Review: one of Approved, ChangesRequested.", error.Message);
        Assert.Equal("Approved, ChangesRequested", error.Arguments["allowed"]);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"done\"", "\"done\"")]
    [InlineData("42", "42")]
    public void A_result_that_is_not_an_object_is_one_problem(string result, string actual)
    {
        var error = Single(Check("Campaign.Appraisal", null, result));
        Assert.Equal(("", ResultCheckCodes.NotObject, actual), (error.Field, error.Code, error.Arguments["actual"]));
    }

    [Theory]
    [InlineData("""{"heldOn":"2023-06-10","venue":"hall"}""", "/venue")]
    [InlineData("""{"heldOn":"2023-06-10","a/b~c":1}""", "/a~1b~0c")]
    public void An_unknown_field_is_pointed_at_with_escaping(string result, string pointer)
    {
        var error = Single(Check("Campaign.Meeting", null, result));
        Assert.Equal((pointer, ResultCheckCodes.FieldUnknown), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("Campaign.Meeting", "{}", "/heldOn")]
    [InlineData("Campaign.Meeting", """{"heldOn":null}""", "/heldOn")]
    [InlineData("Campaign.Talks", """{"participants":5}""", "/talksHeld")]
    [InlineData("Campaign.RectificationItem", $$"""{"evidence":[{"uri":"u","sha256":"{{Sha}}"}],"summary":"  "}""", "/summary")]
    [InlineData("Campaign.RectificationItem", """{"summary":"Hired 3 teachers"}""", "/evidence")]
    [InlineData("Campaign.Finding", "{}", "/findings")]
    public void A_missing_required_field_is_reported(string typeName, string result, string pointer)
    {
        var error = Single(Check(typeName, null, result));
        Assert.Equal((pointer, ResultCheckCodes.FieldRequired), (error.Field, error.Code));
        Assert.Equal($"{pointer[1..]} is required.", error.Message);
    }

    [Fact]
    public void No_result_at_all_is_the_same_as_an_empty_object()
    {
        Assert.Equal(["/participants result.field_required", "/satisfied result.field_required"], Problems(Check("Campaign.Appraisal", null, null)));
        var check = Check("Campaign.OpinionCollection", null, "null");
        Assert.True(check.IsValid);
        Assert.Equal("""{"outcome":"Done"}""", check.Result.GetRawText());
    }

    [Theory]
    [InlineData("talksHeld", "12.5", "integer")]
    [InlineData("talksHeld", "\"80\"", "integer")]
    [InlineData("talksHeld", "true", "integer")]
    [InlineData("talksHeld", "1e300", "integer")]
    [InlineData("notes", "42", "string")]
    [InlineData("notes", "[\"a\"]", "string")]
    public void A_value_of_the_wrong_type_is_reported(string field, string value, string expected)
    {
        var result = field == "talksHeld" ? $$"""{"talksHeld":{{value}}}""" : $$"""{"talksHeld":1,"{{field}}":{{value}}}""";
        var error = Single(Check("Campaign.Talks", null, result));
        Assert.Equal(($"/{field}", ResultCheckCodes.FieldType, expected), (error.Field, error.Code, error.Arguments["expected"]));
    }

    [Theory]
    [InlineData("\"2023/06/10\"", "a date in the form YYYY-MM-DD")]
    [InlineData("\"2023-6-10\"", "a date in the form YYYY-MM-DD")]
    [InlineData("\"2023-06-10T09:00:00\"", "a date in the form YYYY-MM-DD")]
    [InlineData("\"２０２３-06-10\"", "a date in the form YYYY-MM-DD")]
    [InlineData("20230610", "a date in the form YYYY-MM-DD")]
    [InlineData("\"2023-02-30\"", "a real calendar date")]
    [InlineData("\"2023-13-01\"", "a real calendar date")]
    [InlineData("\"0000-01-01\"", "a real calendar date")]
    public void A_date_must_be_well_formed_and_real(string value, string phrase)
    {
        var error = Single(Check("Campaign.Meeting", null, $$"""{"heldOn":{{value}}}"""));
        Assert.Equal(("/heldOn", ResultCheckCodes.FieldType), (error.Field, error.Code));
        Assert.StartsWith($"heldOn must be {phrase}, got ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leap_days_and_integral_decimals_are_accepted()
    {
        var check = Check("Campaign.Meeting", null, """{"heldOn":"2024-02-29","attendees":45.0}""");
        Assert.True(check.IsValid);
        Assert.Equal(45, check.Result.GetProperty("attendees").GetInt32());
        Assert.Equal("45", check.Result.GetProperty("attendees").GetRawText());
    }

    [Theory]
    [InlineData("Campaign.Meeting", """{"heldOn":"2023-06-10","attendees":-1}""", "/attendees", "attendees must be at least 0, got -1.")]
    [InlineData("Campaign.Appraisal", """{"participants":0,"satisfied":0}""", "/participants", "participants must be at least 1, got 0.")]
    [InlineData("Campaign.RectificationItem", """{"evidence":[],"summary":"done"}""", "/evidence", "evidence must have at least 1 document, got 0.")]
    public void A_value_out_of_range_is_reported(string typeName, string result, string pointer, string message)
    {
        var error = Single(Check(typeName, null, result));
        Assert.Equal((pointer, ResultCheckCodes.FieldRange, message), (error.Field, error.Code, error.Message));
    }

    [Theory]
    [InlineData("Campaign.Appraisal", """{"participants":45,"satisfied":45,"satisfaction":1}""", "/satisfaction")]
    [InlineData("Campaign.Appraisal", """{"participants":45,"satisfied":45,"satisfaction":null}""", "/satisfaction")]
    [InlineData("Campaign.OpinionCollection", """{"formsIssued":180,"formsReturned":125,"formReturnRate":0.69}""", "/formReturnRate")]
    [InlineData("Campaign.Talks", """{"talksHeld":80,"outcome":"Done"}""", "/outcome")]
    public void A_derived_field_sent_by_the_client_is_rejected(string typeName, string result, string pointer)
    {
        var error = Single(Check(typeName, null, result));
        Assert.Equal((pointer, ResultCheckCodes.FieldDerived), (error.Field, error.Code));
    }

    [Fact]
    public void A_field_given_twice_is_ambiguous()
    {
        var error = Single(Check("Campaign.Meeting", null, """{"heldOn":"2023-06-10","heldOn":"2023-06-11"}"""));
        Assert.Equal(("/heldOn", ResultCheckCodes.FieldDuplicate), (error.Field, error.Code));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var check = Check("Campaign.OpinionCollection", "Approved", """
            {
              "suggestionsReceived": 25, "suggestionsResolved": 21, "suggestionsPending": 5,
              "formsIssued": 180, "formsReturned": 190, "anonymousRespondents": -45,
              "opinionsOnTeamRaw": 14.5, "opinionsOnTeamConsolidated": 8,
              "formReturnRate": 1.05, "channels": ["box"],
              "findings": [ { "title": "Teacher shortage", "kind": "problem" }, { "kind": "issue" } ]
            }
            """);

        Assert.False(check.IsValid);
        Assert.Equal("", check.Port);
        Assert.Equal(JsonValueKind.Object, check.Result.ValueKind);
        Assert.Equal(
            [
                "/anonymousRespondents result.field_range",
                "/channels result.field_unknown",
                "/findings/1/kind result.field_type",
                "/findings/1/title result.field_required",
                "/formReturnRate result.field_derived",
                "/formsReturned result.rule_violated",
                "/opinionsOnTeamRaw result.field_type",
                "/outcome result.outcome_invalid",
                "/suggestionsResolved result.rule_violated",
            ],
            Problems(check));
    }
}
