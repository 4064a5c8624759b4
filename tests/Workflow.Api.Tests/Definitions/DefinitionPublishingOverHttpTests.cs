using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Engine.Definitions;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Definitions;

/// <summary>
/// Drafts, publication and retraction over HTTP as a designer uses them, and what they mean for
/// campaigns: a campaign stays on the versions it started with. On SQLite and PostgreSQL.
/// </summary>
public abstract class DefinitionPublishingOverHttpTests(ApiFactory api)
{
    private static object Campaign(int templateVersion, string name) => new
    {
        templateId = "scientific-outlook-campaign", templateVersion, name, organization = "district-education-bureau", parameters = Parameters,
    };

    private static async Task<string[]> ActiveTasks(HttpClient client, string campaign)
    {
        var progress = await client.GetJsonAsync($"{campaign}/progress");
        Assert.Equal(HttpStatusCode.OK, progress.Status);
        return progress.Json.GetProperty("tasks").EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() == "active").Select(t => t.GetProperty("id").GetString()!).ToArray();
    }

    private static async Task<string> StartCampaign(HttpClient client, int templateVersion, string name)
    {
        var created = await client.PostJsonAsync("/api/v1/campaigns", Campaign(templateVersion, name));
        Assert.True(created.Status == HttpStatusCode.Created, created.Json.ToString());
        var campaign = created.Header("Location")!;
        var started = await client.PostJsonAsync($"{campaign}/transitions", new { trigger = "start" });
        Assert.True(started.Status == HttpStatusCode.OK, started.Json.ToString());
        return campaign;
    }

    private static async Task<ApiResponse> Publish(HttpClient client, string draft, params (string, string)[] headers) =>
        await client.SendJsonAsync(HttpMethod.Post, $"{draft}/publish", null, headers);

    private static string[] Codes(JsonElement errors) => errors.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();

    [Fact]
    public async Task DraftToPublishedVersion_CampaignsStayPinned_AndRetractionStopsOnlyNewOnes()
    {
        var designer = await api.ClientAsync("designer.wang", Roles.Admin);
        var office = await api.ClientAsync("campaign-office", Roles.Operator);
        var pinned = await StartCampaign(office, 1, "早于新版本启动的活动");
        Assert.Equal(["studyMobilization:1"], await ActiveTasks(office, pinned));

        // A draft in progress may be invalid: it is saved, and its problems come back.
        var wip = DefinitionDocs.StudyPhaseWithPreparatoryMeeting();
        wip["root"]!["connections"]![0]!["target"]!["activity"] = "preparatory";
        var created = await designer.PostJsonAsync("/api/v1/workflows/drafts", wip);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var draft = created.Header("Location")!;
        Assert.Equal($"/api/v1/workflows/drafts/{created.Json.GetProperty("id").GetString()}", draft);
        Assert.Equal("\"1\"", created.Header("ETag"));
        Assert.Equal("study-phase", created.Json.GetProperty("definitionId").GetString());
        Assert.False(created.Json.GetProperty("valid").GetBoolean());
        Assert.Contains("connection.dangling", Codes(created.Json.GetProperty("errors")));
        Assert.Equal("designer.wang", created.Json.GetProperty("createdBy").GetString());

        // Optimistic concurrency on the draft: the current version wins, a stale one gets 412.
        wip["name"] = "学习调研（修订中）";
        var updated = await designer.SendJsonAsync(HttpMethod.Put, draft, wip, ("If-Match", "\"1\""));
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("\"2\"", updated.Header("ETag"));
        var stale = await designer.SendJsonAsync(HttpMethod.Put, draft, wip, ("If-Match", "\"1\""));
        Assert.Equal((HttpStatusCode.PreconditionFailed, "draft.changed"), (stale.Status, stale.ProblemCode));

        // Publishing an invalid draft: 422 with the engine's errors, and nothing is published.
        var refused = await Publish(designer, draft);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "definition.invalid"), (refused.Status, refused.ProblemCode));
        Assert.Contains("connection.dangling", Codes(refused.Json.GetProperty("errors")));
        Assert.False(await api.DbAsync(db => db.Definitions.AnyAsync(d => d.DefinitionId == "study-phase" && d.Version == 2)));
        Assert.Equal(HttpStatusCode.OK, (await designer.GetJsonAsync(draft)).Status);

        // Fixed, published: version 2 (v1 came from the files), whatever version the draft says.
        var fixedDraft = DefinitionDocs.StudyPhaseWithPreparatoryMeeting();
        var saved = await designer.SendJsonAsync(HttpMethod.Put, draft, fixedDraft);
        Assert.True(saved.Json.GetProperty("valid").GetBoolean(), saved.Json.ToString());
        Assert.Equal(1, saved.Json.GetProperty("identity").GetProperty("version").GetInt32());
        var published = await Publish(designer, draft, ("If-Match", "\"3\""));
        Assert.True(published.Status == HttpStatusCode.Created, published.Json.ToString());
        Assert.Equal("/api/v1/workflows/study-phase/versions/2", published.Header("Location"));
        var version = published.Json.GetProperty("version");
        Assert.Equal(("api", "designer.wang", 2), (version.GetProperty("source").GetString(), version.GetProperty("publishedBy").GetString(),
            version.GetProperty("version").GetInt32()));
        Assert.Equal((HttpStatusCode.NotFound, "draft.not_found"), await StatusAndCode(designer.GetJsonAsync(draft)));

        var read = await office.GetJsonAsync("/api/v1/workflows/study-phase/versions/2");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        var stored = read.Json.GetProperty("definition");
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.Equal(DefinitionParser.Parse(stored.GetRawText()).Identity!.ContentHash, read.Json.GetProperty("version").GetProperty("contentHash").GetString());
        var list = await office.GetJsonAsync("/api/v1/workflows");
        var studyVersions = list.Json.EnumerateArray().Where(v => v.GetProperty("definitionId").GetString() == "study-phase")
            .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("source").GetString())).ToArray();
        Assert.Equal([(1, "file"), (2, "api")], studyVersions);

        // A template version that runs the new workflow; a campaign from it runs v2, the earlier one stays on v1.
        var template = DefinitionDocs.Template();
        template["phases"]![0]!["workflow"]!["version"] = 2;
        var templateDraft = await designer.PostJsonAsync("/api/v1/templates/drafts", template);
        Assert.True(templateDraft.Json.GetProperty("valid").GetBoolean(), templateDraft.Json.ToString());
        var templatePublished = await Publish(designer, templateDraft.Header("Location")!);
        Assert.Equal("/api/v1/templates/scientific-outlook-campaign/versions/2", templatePublished.Header("Location"));

        var onV2 = await StartCampaign(office, 2, "按新版本启动的活动");
        Assert.Equal(["preparatoryMeeting:1"], await ActiveTasks(office, onV2));
        Assert.Equal(["studyMobilization:1"], await ActiveTasks(office, pinned));
        var completed = await office.PostJsonAsync($"{pinned}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"));
        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.Equal(["centralizedStudy:1", "researchVisits:1"], await ActiveTasks(office, pinned));

        // Retracted: no new campaign from it, the running one goes on.
        var retracted = await designer.PostJsonAsync("/api/v1/templates/scientific-outlook-campaign/versions/2/retract", new { reason = "筹备会议改为线下通知" });
        Assert.Equal(HttpStatusCode.OK, retracted.Status);
        Assert.Equal((true, "designer.wang"), (retracted.Json.GetProperty("retracted").GetBoolean(), retracted.Json.GetProperty("retractedBy").GetString()));
        var refusedCampaign = await office.PostJsonAsync("/api/v1/campaigns", Campaign(2, "撤回后不能启动"));
        Assert.Equal((HttpStatusCode.Conflict, "template.retracted"), (refusedCampaign.Status, refusedCampaign.ProblemCode));
        var goesOn = await office.PostJsonAsync($"{onV2}/tasks/preparatoryMeeting:1/complete", Meeting("2023-02-20"));
        Assert.Equal(HttpStatusCode.OK, goesOn.Status);
        Assert.Equal(["studyMobilization:1"], await ActiveTasks(office, onV2));
        var again = await designer.PostJsonAsync("/api/v1/templates/scientific-outlook-campaign/versions/2/retract", new { });
        Assert.Equal((HttpStatusCode.Conflict, "definition.already_retracted"), (again.Status, again.ProblemCode));
    }

    [Fact]
    public async Task OnlyAdminsChangeDefinitions_AndOnlyWithAKey()
    {
        var designer = await api.ClientAsync("designer.li", Roles.Admin);
        var office = await api.ClientAsync("campaign-office", Roles.Operator);
        var anonymous = api.CreateClient();
        var draft = (await designer.PostJsonAsync("/api/v1/workflows/drafts", DefinitionDocs.MinimalWorkflow("roles-phase"))).Header("Location")!;

        Assert.Equal((HttpStatusCode.Forbidden, "auth.forbidden"), await StatusAndCode(Publish(office, draft)));
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.required"), await StatusAndCode(Publish(anonymous, draft)));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostJsonAsync("/api/v1/workflows/drafts", DefinitionDocs.MinimalWorkflow("roles-phase"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.SendJsonAsync(HttpMethod.Put, draft, DefinitionDocs.MinimalWorkflow("roles-phase"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.SendJsonAsync(HttpMethod.Delete, draft, null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostJsonAsync("/api/v1/workflows/study-phase/versions/1/retract", new { })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetJsonAsync("/api/v1/workflows/drafts")).Status);

        // Reading and validating need only a key; nothing above changed anything.
        Assert.Equal(HttpStatusCode.OK, (await office.GetJsonAsync(draft)).Status);
        Assert.Equal(HttpStatusCode.OK, (await office.GetJsonAsync("/api/v1/workflows/drafts")).Status);
        Assert.False(await api.DbAsync(db => db.Definitions.AnyAsync(d => d.DefinitionId == "roles-phase")));
        Assert.Null(await api.DbAsync(db => db.Definitions.Where(d => d.DefinitionId == "study-phase" && d.Version == 1).Select(d => d.RetractedAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await designer.SendJsonAsync(HttpMethod.Delete, draft, null)).Status);
        Assert.Equal((HttpStatusCode.NotFound, "draft.not_found"), await StatusAndCode(designer.GetJsonAsync(draft)));
    }

    [Fact]
    public async Task BadDraftsAndUnknownVersions_Are4xx_AndWriteNothing()
    {
        var designer = await api.ClientAsync("designer.zhao", Roles.Admin);
        Assert.Equal((HttpStatusCode.BadRequest, "definition.not_object"), await StatusAndCode(designer.PostTextAsync("/api/v1/workflows/drafts", "[1, 2]")));
        Assert.Equal((HttpStatusCode.BadRequest, "definition.not_object"), await StatusAndCode(designer.PostTextAsync("/api/v1/workflows/drafts", "null")));
        Assert.Equal((HttpStatusCode.BadRequest, "request.malformed"), await StatusAndCode(designer.PostTextAsync("/api/v1/workflows/drafts", "{\"definitionId\":")));
        Assert.Equal(HttpStatusCode.BadRequest, (await designer.PostTextAsync("/api/v1/workflows/drafts", "")).Status);
        var longId = DefinitionDocs.MinimalWorkflow(new string('x', 201));
        Assert.Equal((HttpStatusCode.BadRequest, "definition.id_too_long"), await StatusAndCode(designer.PostJsonAsync("/api/v1/templates/drafts", longId)));
        Assert.False(await api.DbAsync(db => db.Drafts.AnyAsync(d => d.CreatedBy == "designer.zhao")));

        Assert.Equal((HttpStatusCode.NotFound, "definition.not_found"),
            await StatusAndCode(designer.PostJsonAsync("/api/v1/workflows/study-phase/versions/99/retract", new { })));
        Assert.Equal((HttpStatusCode.NotFound, "definition.not_found"),
            await StatusAndCode(designer.PostJsonAsync("/api/v1/templates/study-phase/versions/1/retract", new { })));
        Assert.Equal((HttpStatusCode.NotFound, "draft.not_found"),
            await StatusAndCode(Publish(designer, $"/api/v1/workflows/drafts/{Guid.NewGuid()}")));

        // A workflow draft is not found under templates, and a template document is not a workflow.
        var workflowDraft = (await designer.PostJsonAsync("/api/v1/workflows/drafts", DefinitionDocs.Template())).Header("Location")!;
        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetJsonAsync(workflowDraft.Replace("/workflows/", "/templates/"))).Status);
        var misplaced = await Publish(designer, workflowDraft);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "definition.invalid"), (misplaced.Status, misplaced.ProblemCode));
        Assert.Equal(["definition.kind_mismatch"], Codes(misplaced.Json.GetProperty("errors")));
    }

    [Fact]
    public async Task RetractedWorkflow_CannotBeUsedByNewTemplates()
    {
        var designer = await api.ClientAsync("designer.sun", Roles.Admin);
        var draft = (await designer.PostJsonAsync("/api/v1/workflows/drafts", DefinitionDocs.MinimalWorkflow("retired-phase"))).Header("Location")!;
        Assert.Equal(HttpStatusCode.Created, (await Publish(designer, draft)).Status);
        var template = new JsonObject
        {
            ["definitionId"] = "retired-template", ["version"] = 1, ["name"] = "retired",
            ["phases"] = new JsonArray(new JsonObject
            {
                ["id"] = "only", ["name"] = "only", ["workflow"] = new JsonObject { ["definitionId"] = "retired-phase", ["version"] = 1 },
            }),
        };
        var before = await designer.PostJsonAsync("/api/v1/templates/validate", template);
        Assert.True(before.Json.GetProperty("valid").GetBoolean(), before.Json.ToString());

        Assert.Equal(HttpStatusCode.OK, (await designer.PostJsonAsync("/api/v1/workflows/retired-phase/versions/1/retract", new { reason = "superseded" })).Status);

        var after = await designer.PostJsonAsync("/api/v1/templates/validate", template);
        Assert.Equal(["template.workflow_unknown"], Codes(after.Json.GetProperty("errors")));
    }

    [Fact]
    public async Task RacingPublications_GetDistinctVersions_AndADraftIsPublishedOnce()
    {
        var designer = await api.ClientAsync("designer.qian", Roles.Admin);
        var drafts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var workflow = DefinitionDocs.MinimalWorkflow("race-phase");
            workflow["name"] = $"race {i}";
            drafts.Add((await designer.PostJsonAsync("/api/v1/workflows/drafts", workflow)).Header("Location")!);
        }
        // Each draft published twice at once: four versions, and each draft's second publication finds it gone.
        var responses = await Task.WhenAll(drafts.Concat(drafts).Select(d => Publish(designer, d)));

        Assert.Equal(4, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(4, responses.Count(r => r.Status == HttpStatusCode.NotFound && r.ProblemCode == "draft.not_found"));
        var versions = await api.DbAsync(db => db.Definitions.Where(d => d.DefinitionId == "race-phase").Select(d => d.Version).OrderBy(v => v).ToListAsync());
        Assert.Equal([1, 2, 3, 4], versions);
        Assert.Equal([1, 2, 3, 4], responses.Where(r => r.Status == HttpStatusCode.Created)
            .Select(r => r.Json.GetProperty("version").GetProperty("version").GetInt32()).Order());
    }

    private static async Task<(HttpStatusCode, string)> StatusAndCode(Task<ApiResponse> request)
    {
        var response = await request;
        return (response.Status, response.Json.TryGetProperty("code", out var code) ? code.GetString()! : response.Json.ToString());
    }
}

public sealed class DefinitionPublishingOverHttpOnSqlite(SqliteApiFactory api) : DefinitionPublishingOverHttpTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class DefinitionPublishingOverHttpOnPostgres(PostgresApiFactory api) : DefinitionPublishingOverHttpTests(api), IClassFixture<PostgresApiFactory>;
