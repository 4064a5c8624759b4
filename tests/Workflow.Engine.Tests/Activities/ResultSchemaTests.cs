using System.Text.Json;
using CsCheck;
using Json.Schema;
using Workflow.Engine.Activities;

namespace Workflow.Engine.Tests.Activities;

/// <summary>The generated result schemas, run through a real JSON Schema validator.</summary>
public sealed class ResultSchemaTests
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private static JsonSchema SchemaOf(string typeName) =>
        JsonSchema.FromText(ResultSchema.For(ActivityCatalog.Find(typeName)!).ToJsonString());

    private static bool Valid(JsonSchema schema, string json) => schema.Evaluate(TestJson.Parse(json), Options).IsValid;

    [Fact]
    public void Every_descriptors_schema_is_a_valid_2020_12_schema()
    {
        foreach (var descriptor in ActivityCatalog.All)
        {
            var text = ResultSchema.For(descriptor).ToJsonString();
            var verdict = MetaSchemas.Draft202012.Evaluate(TestJson.Parse(text), Options);
            Assert.True(verdict.IsValid, $"{descriptor.TypeName}: {JsonSerializer.Serialize(verdict)}");
            Assert.NotNull(JsonSchema.FromText(text));
        }
        // The meta-schema check has teeth: a schema with a made-up type is refused.
        Assert.False(MetaSchemas.Draft202012.Evaluate(TestJson.Parse("""{"type":"whole number","minimum":"0"}"""), Options).IsValid);
    }

    [Fact]
    public void The_appraisal_schema_describes_the_fields()
    {
        var schema = ResultSchema.For(ActivityCatalog.Find("Campaign.Appraisal")!);
        Assert.Equal(ResultSchema.Draft202012, (string?)schema["$schema"]);
        Assert.Equal("Mass appraisal", (string?)schema["title"]);
        Assert.Equal("群众评议", (string?)schema["x-displayNames"]!["zh-CN"]);
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal(["participants", "satisfied"], schema["required"]!.AsArray().Select(n => (string)n!));

        var properties = schema["properties"]!;
        Assert.Equal(("string", "date"), ((string?)properties["heldOn"]!["type"], (string?)properties["heldOn"]!["format"]));
        Assert.Equal(("integer", 1.0), ((string?)properties["participants"]!["type"], (double)properties["participants"]!["minimum"]!));
        var satisfaction = properties["satisfaction"]!;
        Assert.Equal(("number", true, "ratio", 0.0, 1.0),
            ((string?)satisfaction["type"], (bool)satisfaction["readOnly"]!, (string?)satisfaction["x-unit"],
             (double)satisfaction["minimum"]!, (double)satisfaction["maximum"]!));
        Assert.Equal("满意率", (string?)satisfaction["x-displayNames"]!["zh-CN"]);
        Assert.Equal("satisfiedWithinParticipants", (string?)schema["x-rules"]![0]!["code"]);
    }

    [Fact]
    public void The_review_schema_lists_its_outcomes()
    {
        var outcome = ResultSchema.For(ActivityCatalog.Find("Campaign.Review")!)["properties"]!["outcome"]!;
        Assert.Equal(["Approved", "ChangesRequested"], outcome["enum"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)outcome["readOnly"]!);
    }

    [Theory]
    [InlineData("""{"heldOn":"2023-06-25","participants":45,"satisfied":45}""", true)]
    [InlineData("""{"heldOn":"2023-06-25","participants":45,"satisfied":36,"satisfaction":0.8,"participantGroups":["党代表"],"outcome":"Done"}""", true)]
    [InlineData("""{"participants":0,"satisfied":0}""", false)]
    [InlineData("""{"participants":45}""", false)]
    [InlineData("""{"participants":"45","satisfied":45}""", false)]
    [InlineData("""{"participants":45.5,"satisfied":45}""", false)]
    [InlineData("""{"heldOn":"2023/06/25","participants":45,"satisfied":45}""", false)]
    [InlineData("""{"participants":45,"satisfied":45,"satisfaction":1.2}""", false)]
    [InlineData("""{"participants":45,"satisfied":45,"venue":"hall"}""", false)]
    [InlineData("""{"participants":45,"satisfied":45,"outcome":"Approved"}""", false)]
    public void The_appraisal_schema_accepts_good_and_rejects_bad_results(string result, bool valid) =>
        Assert.Equal(valid, Valid(SchemaOf("Campaign.Appraisal"), result));

    [Theory]
    [InlineData($$"""{"evidence":[{"uri":"https://x/a.pdf","sha256":"{{TestJson.Sha}}","title":"整改报告"}],"summary":"已补充教师4名"}""", true)]
    [InlineData("""{"evidence":[],"summary":"done"}""", false)]
    [InlineData("""{"evidence":[{"uri":"a","sha256":"abc"}],"summary":"done"}""", false)]
    [InlineData($$"""{"evidence":[{"sha256":"{{TestJson.Sha}}"}],"summary":"done"}""", false)]
    [InlineData($$"""{"evidence":[{"uri":"a","sha256":"{{TestJson.Sha}}","size":1}],"summary":"done"}""", false)]
    [InlineData($$"""{"evidence":[{"uri":"a","sha256":"{{TestJson.Sha}}"}],"summary":" "}""", false)]
    public void The_rectification_schema_checks_documents(string result, bool valid) =>
        Assert.Equal(valid, Valid(SchemaOf("Campaign.RectificationItem"), result));

    [Theory]
    [InlineData("""{"findings":[{"title":"教师短缺","kind":"problem","office":"人事科","owner":"王","deadline":"2023-09-01","detail":"4条"}]}""", true)]
    [InlineData("""{"findings":[{"kind":"problem"}]}""", false)]
    [InlineData("""{"findings":[{"title":"x","kind":"issue"}]}""", false)]
    [InlineData("""{"findings":[{"title":"x","deadline":"next week"}]}""", false)]
    [InlineData("""{"findings":"x"}""", false)]
    public void The_finding_schema_checks_findings(string result, bool valid) =>
        Assert.Equal(valid, Valid(SchemaOf("Campaign.Finding"), result));

    [Fact]
    public void Whatever_the_checker_accepts_the_schema_accepts_too()
    {
        var schemas = ActivityCatalog.All.ToDictionary(d => d.TypeName, d => JsonSchema.FromText(ResultSchema.For(d).ToJsonString()));
        RandomResults.Completion.Sample(completion =>
        {
            var (descriptor, outcome, text) = completion;
            var check = descriptor.Check(outcome, TestJson.Parse(text));
            if (!check.IsValid) return;
            var schema = schemas[descriptor.TypeName];
            Assert.True(Valid(schema, check.Result.GetRawText()), $"stored {check.Result.GetRawText()}");
            // Nulls stand for empty form fields to the checker only; the schema keeps JSON types strict.
            if (!text.Contains("null", StringComparison.Ordinal)) Assert.True(Valid(schema, text), $"submitted {text}");
        }, iter: 2000);
    }
}
