using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;

namespace Workflow.Api.Tests.Definitions;

/// <summary>
/// POST /api/v1/{workflows|templates}/validate: the engine's verdict on a document, with the
/// identity it would have and every problem where the engine placed it. On SQLite and PostgreSQL.
/// </summary>
public abstract class DefinitionValidationOverHttpTests(ApiFactory api)
{
    private static (string Code, string Pointer, string? ActivityId)[] Problems(JsonElement errors) =>
        errors.EnumerateArray().Select(e => (
            e.GetProperty("code").GetString()!,
            e.GetProperty("jsonPointer").GetString()!,
            e.TryGetProperty("activityId", out var a) ? a.GetString() : null)).ToArray();

    [Fact]
    public async Task FilesFromWorkflows_AreValid_WithTheirIdentity()
    {
        var client = await api.ClientAsync("integrator", Roles.Operator);
        foreach (var (path, file) in new[] { ("workflows", "phases/study-phase.json"), ("templates", "templates/scientific-outlook-campaign.json") })
        {
            var text = DefinitionDocs.Text(file);
            var response = await client.PostTextAsync($"/api/v1/{path}/validate", text);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.True(response.Json.GetProperty("valid").GetBoolean(), response.Json.ToString());
            Assert.Empty(response.Json.GetProperty("errors").EnumerateArray());
            var expected = DefinitionParser.Parse(text).Identity!;
            var identity = response.Json.GetProperty("identity");
            Assert.Equal(expected.DefinitionId, identity.GetProperty("definitionId").GetString());
            Assert.Equal(1, identity.GetProperty("version").GetInt32());
            Assert.Equal(expected.ContentHash, identity.GetProperty("contentHash").GetString());
        }
    }

    [Fact]
    public async Task BrokenWorkflow_GetsTheEnginesErrorsWithTheirLocations()
    {
        var client = await api.ClientAsync("integrator", Roles.Operator);
        var broken = DefinitionDocs.StudyPhase();
        var activities = broken["root"]!["activities"]!.AsArray();
        activities[4]!["type"] = "Campaign.Survey";                      // researchVisits: no such activity type
        activities[3]!["forEach"] = new JsonObject                        // centralizedStudy: an expression that does not parse
        {
            ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "inputs.minimumResearchFindings +" },
        };
        broken["root"]!["connections"]![9]!["target"]!["activity"] = "reviseSummary"; // no such activity

        var response = await client.PostJsonAsync("/api/v1/workflows/validate", broken);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Json.GetProperty("valid").GetBoolean());
        Assert.Equal("study-phase", response.Json.GetProperty("identity").GetProperty("definitionId").GetString());
        var errors = response.Json.GetProperty("errors");
        var problems = Problems(errors);
        Assert.Contains(("activity.type_unknown", "/root/activities/4/type", "researchVisits"), problems);
        Assert.Contains(problems, p => p.Code == "expression.syntax" && p.Pointer.StartsWith("/root/activities/3/forEach", StringComparison.Ordinal)
                                       && p.ActivityId == "centralizedStudy");
        var dangling = Assert.Single(errors.EnumerateArray(), e => e.GetProperty("code").GetString() == "connection.dangling");
        Assert.StartsWith("/root/connections/9", dangling.GetProperty("jsonPointer").GetString());
        Assert.Equal("reviseSummary", dangling.GetProperty("connection").GetProperty("target").GetString());
        Assert.All(errors.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));

        // Exactly what the engine itself reports for the same document, in the same order.
        var engine = WorkflowCompiler.Compile(DefinitionParser.Parse(broken.ToJsonString()).Workflow!).Errors;
        Assert.Equal(engine.Select(e => (e.Code, e.JsonPointer, e.ActivityId)), problems);
        Assert.Equal(engine.Select(e => e.Message), errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Template_IsCheckedAgainstTheWorkflowsPublishedNow()
    {
        var client = await api.ClientAsync("integrator", Roles.Operator);
        var template = DefinitionDocs.Template();
        template["phases"]![0]!["workflow"]!["version"] = 9;

        var response = await client.PostJsonAsync("/api/v1/templates/validate", template);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Json.GetProperty("valid").GetBoolean());
        Assert.Equal([("template.workflow_unknown", "/phases/0/workflow", null)], Problems(response.Json.GetProperty("errors")));
    }

    [Fact]
    public async Task DocumentOfTheOtherKind_IsReportedNotMisread()
    {
        var client = await api.ClientAsync("integrator", Roles.Operator);
        var toWorkflows = await client.PostTextAsync("/api/v1/workflows/validate", DefinitionDocs.Text("templates/scientific-outlook-campaign.json"));
        var toTemplates = await client.PostTextAsync("/api/v1/templates/validate", DefinitionDocs.Text("phases/study-phase.json"));
        Assert.Equal([("definition.kind_mismatch", "/phases", null)], Problems(toWorkflows.Json.GetProperty("errors")));
        Assert.Equal([("definition.kind_mismatch", "", null)], Problems(toTemplates.Json.GetProperty("errors")));
        Assert.False(toWorkflows.Json.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheDefinitionEndpoints()
    {
        var client = await api.ClientAsync("integrator", Roles.Operator);
        var document = await client.GetJsonAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, document.Status);
        var paths = document.Json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var kind in new[] { "workflows", "templates" })
            Assert.Superset(new HashSet<string>
            {
                $"/api/v1/{kind}/validate", $"/api/v1/{kind}/drafts", $"/api/v1/{kind}/drafts/{{draftId}}",
                $"/api/v1/{kind}/drafts/{{draftId}}/publish", $"/api/v1/{kind}/{{definitionId}}/versions/{{version}}/retract",
            }, paths);
    }

    [Fact]
    public async Task MalformedJson_Is400_AndAKeyIsRequired()
    {
        var client = await api.ClientAsync("integrator", Roles.Operator);
        var malformed = await client.PostTextAsync("/api/v1/workflows/validate", """{ "definitionId": "study-phase", """);
        Assert.Equal((HttpStatusCode.BadRequest, "request.malformed"), (malformed.Status, malformed.ProblemCode));
        Assert.Contains("line 1", malformed.Json.GetProperty("detail").GetString());

        var notAnObject = await client.PostTextAsync("/api/v1/templates/validate", "[1]");
        Assert.Equal(HttpStatusCode.OK, notAnObject.Status);
        Assert.Equal([("property.invalid", "", null)], Problems(notAnObject.Json.GetProperty("errors")));
        Assert.Equal(JsonValueKind.Null, notAnObject.Json.GetProperty("identity").ValueKind);

        var anonymous = api.CreateClient();
        var refused = await anonymous.PostTextAsync("/api/v1/workflows/validate", DefinitionDocs.Text("phases/study-phase.json"));
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.required"), (refused.Status, refused.ProblemCode));
    }
}

public sealed class DefinitionValidationOverHttpOnSqlite(SqliteApiFactory api) : DefinitionValidationOverHttpTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class DefinitionValidationOverHttpOnPostgres(PostgresApiFactory api) : DefinitionValidationOverHttpTests(api), IClassFixture<PostgresApiFactory>;
