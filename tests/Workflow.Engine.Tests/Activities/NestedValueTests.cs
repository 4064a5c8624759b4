using Workflow.Engine.Activities;
using static Workflow.Engine.Tests.Activities.TestJson;

namespace Workflow.Engine.Tests.Activities;

/// <summary>Documents and findings: every problem inside an item is pointed at by index and property.</summary>
public sealed class NestedValueTests
{
    private static ResultCheck Findings(string items) => Check("Campaign.Finding", null, $$"""{"findings":[{{items}}]}""");

    private static ResultCheck Evidence(string items) => Check("Campaign.RectificationItem", null, $$"""{"evidence":[{{items}}],"summary":"ok"}""");

    [Fact]
    public void A_finding_without_a_title_is_pointed_at_by_index()
    {
        var error = Single(Findings("""{"title":"Shallow study"},{"title":"Weak self-inspection"},{"kind":"problem"}"""));
        Assert.Equal(("/findings/2/title", ResultCheckCodes.FieldRequired), (error.Field, error.Code));
        Assert.Equal("findings[2].title is required.", error.Message);
    }

    [Theory]
    [InlineData("""{"title":"x","kind":"issue"}""", "/findings/0/kind", ResultCheckCodes.FieldType)]
    [InlineData("""{"title":"x","kind":"Problem"}""", "/findings/0/kind", ResultCheckCodes.FieldType)]
    [InlineData("""{"title":"x","deadline":"2023-09-31"}""", "/findings/0/deadline", ResultCheckCodes.FieldType)]
    [InlineData("""{"title":"x","office":12}""", "/findings/0/office", ResultCheckCodes.FieldType)]
    [InlineData("""{"title":"x","severity":"high"}""", "/findings/0/severity", ResultCheckCodes.FieldUnknown)]
    [InlineData("""{"title":""}""", "/findings/0/title", ResultCheckCodes.FieldRequired)]
    [InlineData("""{"title":7}""", "/findings/0/title", ResultCheckCodes.FieldType)]
    [InlineData("""{"title":"x","title":"y"}""", "/findings/0/title", ResultCheckCodes.FieldDuplicate)]
    [InlineData("\"Teacher shortage\"", "/findings/0", ResultCheckCodes.FieldType)]
    public void Finding_problems(string item, string pointer, string code)
    {
        var error = Single(Findings(item));
        Assert.Equal((pointer, code), (error.Field, error.Code));
    }

    [Fact]
    public void A_finding_is_stored_with_its_properties_in_a_fixed_order_and_without_nulls()
    {
        var check = Findings("""{"detail":"4 suggestions pending","deadline":"2023-09-01","owner":null,"office":"人事科","kind":"problem","title":"教师短缺"}""");
        Assert.True(check.IsValid);
        var stored = check.Result.GetProperty("findings")[0];
        Assert.Equal(["title", "kind", "office", "deadline", "detail"], stored.EnumerateObject().Select(p => p.Name));
        Assert.Equal("教师短缺", stored.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData($$"""{"uri":"https://x/a.pdf","sha256":"{{Sha}}","title":"整改报告"}""")]
    [InlineData("""{"uri":"a","sha256":"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"}""")]
    public void Good_documents(string item) => Assert.True(Evidence(item).IsValid);

    [Theory]
    [InlineData("""{"uri":"a","sha256":"abc"}""", "/evidence/0/sha256", ResultCheckCodes.FieldType)]
    [InlineData("""{"uri":"a","sha256":"g86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}""", "/evidence/0/sha256", ResultCheckCodes.FieldType)]
    [InlineData($$"""{"sha256":"{{Sha}}"}""", "/evidence/0/uri", ResultCheckCodes.FieldRequired)]
    [InlineData($$"""{"uri":"","sha256":"{{Sha}}"}""", "/evidence/0/uri", ResultCheckCodes.FieldRequired)]
    [InlineData("""{"uri":"a"}""", "/evidence/0/sha256", ResultCheckCodes.FieldRequired)]
    [InlineData($$"""{"uri":"a","sha256":"{{Sha}}","size":12}""", "/evidence/0/size", ResultCheckCodes.FieldUnknown)]
    [InlineData($$"""{"uri":"a","sha256":"{{Sha}}","title":false}""", "/evidence/0/title", ResultCheckCodes.FieldType)]
    [InlineData("\"https://x/a.pdf\"", "/evidence/0", ResultCheckCodes.FieldType)]
    public void Document_problems(string item, string pointer, string code)
    {
        var error = Single(Evidence(item));
        Assert.Equal((pointer, code), (error.Field, error.Code));
    }

    [Fact]
    public void Problems_in_several_documents_are_all_reported()
    {
        var check = Evidence($$"""{{Doc()}},{"uri":"b","sha256":"00"},{"sha256":"{{Sha}}","note":"x"}""");
        Assert.Equal(
            ["/evidence/1/sha256 result.field_type", "/evidence/2/note result.field_unknown", "/evidence/2/uri result.field_required"],
            Problems(check));
    }

    [Fact]
    public void Documents_must_be_an_array()
    {
        var error = Single(Check("Campaign.Meeting", null, $$"""{"heldOn":"2023-06-10","minutes":{{Doc()}}}"""));
        Assert.Equal(("/minutes", ResultCheckCodes.FieldType, "documents"), (error.Field, error.Code, error.Arguments["expected"]));
    }
}
