using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Definitions;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Storage;

namespace Workflow.Api.Tests.Definitions;

/// <summary>
/// Definitions on two servers over one database: a version published or retracted through one is
/// used or refused by the other at once, with no restart; a campaign pinned to a version that cannot
/// be loaded is a problem, never a 500; a content hash is compiled once per server.
/// </summary>
public abstract class SharedCatalogTests(TwoNodes nodes)
{
    private const string TemplateId = "scientific-outlook-campaign";

    /// <summary>Publishes a draft through a node and returns the new version.</summary>
    private static async Task<int> PublishAsync(HttpClient designer, string kind, JsonObject document)
    {
        var draft = await designer.PostJsonAsync($"/api/v1/{kind}/drafts", document);
        Assert.True(draft.Json.GetProperty("valid").GetBoolean(), draft.Text);
        var published = await designer.SendJsonAsync(HttpMethod.Post, $"{draft.Header("Location")}/publish", null);
        Assert.Equal(HttpStatusCode.Created, published.Status);
        return published.Json.GetProperty("version").GetProperty("version").GetInt32();
    }

    /// <summary>A new version of the seed template, distinguishable by its name.</summary>
    private static async Task<int> PublishTemplateAsync(HttpClient designer, string name, int? studyPhaseVersion = null)
    {
        var template = DefinitionDocs.Template();
        template["name"] = name;
        if (studyPhaseVersion is { } version) template["phases"]![0]!["workflow"]!["version"] = version;
        return await PublishAsync(designer, "templates", template);
    }

    private static object Campaign(int templateVersion, string name) => new
    {
        templateId = TemplateId, templateVersion, name, organization = "district-education-bureau", parameters = SeedData.Parameters,
    };

    [Fact]
    public async Task AVersionPublishedOnOneNode_RunsOnTheOther_WithoutARestart()
    {
        var key = await nodes.First.IssueKeyAsync("designer.node1", false, Roles.Admin);
        var first = nodes.First.Client(key);
        var second = nodes.Second.Client(key);
        // The second node has served the template before, so it holds the older versions compiled.
        Assert.Equal(HttpStatusCode.Created, (await second.PostJsonAsync("/api/v1/campaigns", SeedData.NewCampaign("v1 on node 2"))).Status);

        var workflowVersion = await PublishAsync(first, "workflows", DefinitionDocs.StudyPhaseWithPreparatoryMeeting());
        var templateVersion = await PublishTemplateAsync(first, "带筹备会议的模板", workflowVersion);

        var created = await second.PostJsonAsync("/api/v1/campaigns", Campaign(templateVersion, "新版本活动"));
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        var campaign = created.Header("Location")!;
        Assert.Equal(HttpStatusCode.OK, (await CampaignSteps.FireAsync(second, campaign, "start")).Status);
        var completed = await CampaignSteps.CompleteAsync(second, campaign, "preparatoryMeeting:1", SeedData.Meeting("2023-02-20"));
        Assert.True(completed.Status == HttpStatusCode.OK, completed.Text);

        var progress = await second.GetJsonAsync($"{campaign}/progress");
        Assert.Equal(HttpStatusCode.OK, progress.Status);
        var tasks = progress.Json.GetProperty("tasks").EnumerateArray().Select(t => (t.GetProperty("id").GetString(), t.GetProperty("status").GetString())).ToList();
        Assert.Contains(("preparatoryMeeting:1", "completed"), tasks);
        Assert.Contains(("studyMobilization:1", "active"), tasks);
        var worklist = await second.GetJsonAsync($"/api/v1/tasks?assignee=party-committee&limit=200");
        Assert.Contains(worklist.Json.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("campaignId").GetString() == CampaignSteps.IdOf(campaign).ToString() && i.GetProperty("taskDisplayName").GetString() is { Length: > 0 });
    }

    [Fact]
    public async Task ARetractionOnOneNode_RefusesNewCampaignsOnTheOther_AndPinnedCampaignsGoOn()
    {
        var key = await nodes.First.IssueKeyAsync("designer.retract", false, Roles.Admin);
        var first = nodes.First.Client(key);
        var second = nodes.Second.Client(key);
        var version = await PublishTemplateAsync(first, "即将撤回的模板");
        var pinned = await second.PostJsonAsync("/api/v1/campaigns", Campaign(version, "撤回前的活动"));
        Assert.Equal(HttpStatusCode.Created, pinned.Status);

        var retracted = await first.PostJsonAsync($"/api/v1/templates/{TemplateId}/versions/{version}/retract", new { reason = "有误" });
        Assert.Equal(HttpStatusCode.OK, retracted.Status);

        // Within 2 s (in fact at once: the retraction state is read from the database on every lookup).
        var deadline = DateTime.UtcNow.AddSeconds(2);
        ApiResponse refused;
        do refused = await second.PostJsonAsync("/api/v1/campaigns", Campaign(version, "撤回后的活动"));
        while (refused.Status == HttpStatusCode.Created && DateTime.UtcNow < deadline);
        Assert.Equal((HttpStatusCode.Conflict, "template.retracted"), (refused.Status, refused.ProblemCode));
        Assert.Equal(HttpStatusCode.OK, (await CampaignSteps.FireAsync(second, pinned.Header("Location")!, "start")).Status);
    }

    [Fact]
    public async Task ACampaignPinnedToABrokenRow_GetsAProblem_InBothLanguages_AndNothingIsWritten()
    {
        var key = await nodes.First.IssueKeyAsync("designer.broken", false, Roles.Admin);
        var first = nodes.First.Client(key);
        var second = nodes.Second.Client(key);
        var version = await PublishTemplateAsync(first, "将被损坏的模板");
        var campaign = (await first.PostJsonAsync("/api/v1/campaigns", Campaign(version, "损坏的模板上的活动"))).Header("Location")!;
        // Someone damages the stored document; the second node never compiled it.
        await nodes.First.DbAsync(db => db.Definitions
            .Where(d => d.Kind == DefinitionKinds.Template && d.DefinitionId == TemplateId && d.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Json, "{\"definitionId\": \"scientific-outlook-campaign\", \"version\": ")));
        var id = CampaignSteps.IdOf(campaign);
        var before = await nodes.Second.DbAsync(db => db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        var start = await second.PostJsonAsync($"{campaign}/transitions", new { trigger = "start" });
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "definition.unavailable"), (start.Status, start.ProblemCode));
        Assert.Contains($"{TemplateId} version {version}", start.Json.GetProperty("detail").GetString());
        Assert.Contains("does not compile", start.Json.GetProperty("detail").GetString());
        var chinese = await second.SendAsync(HttpMethod.Post, $"{campaign}/transitions",
            System.Net.Http.Json.JsonContent.Create(new { trigger = "start" }), ("Accept-Language", "zh-CN"));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "definition.unavailable"), (chinese.Status, chinese.ProblemCode));
        Assert.Contains("无法加载", chinese.Json.GetProperty("detail").GetString());
        foreach (var read in new[] { "progress", "diagram" })
        {
            var response = await second.GetJsonAsync($"{campaign}/{read}");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "definition.unavailable"), (response.Status, response.ProblemCode));
        }
        var create = await second.PostJsonAsync("/api/v1/campaigns", Campaign(version, "又一个"));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "definition.unavailable"), (create.Status, create.ProblemCode));
        Assert.Equal(before, await nodes.Second.DbAsync(db => db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleAsync()));

        // A version that is not there at all: a campaign row pinned to it answers the same way.
        await nodes.First.DbAsync(db => db.Campaigns.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.TemplateVersion, 9999)));
        var missing = await second.PostJsonAsync($"{campaign}/transitions", new { trigger = "start" });
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "definition.unavailable"), (missing.Status, missing.ProblemCode));
        Assert.Contains("not in the database", missing.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AContentHash_IsCompiledOnce_AndPublishingDoesNotRecompileTheOthers()
    {
        var catalog = nodes.Second.Services.GetRequiredService<DefinitionCatalog>();
        async Task<object> Lookup() => (await nodes.Second.DbAsync(db => catalog.TemplateAsync(db, TemplateId, 1, CancellationToken.None))).Compiled!;
        var once = await Lookup();
        var compilations = catalog.Compilations;
        // Every later lookup, from any request, shares the same compiled object.
        Assert.Same(once, await Lookup());
        Assert.Equal(compilations, catalog.Compilations);

        var key = await nodes.First.IssueKeyAsync("designer.hash", false, Roles.Admin);
        await PublishTemplateAsync(nodes.First.Client(key), "再发布一个版本");
        Assert.Same(once, await Lookup());
        Assert.Equal(compilations, catalog.Compilations);
    }
}

public sealed class SharedCatalogOnSqlite(TwoNodesOnSqlite nodes) : SharedCatalogTests(nodes), IClassFixture<TwoNodesOnSqlite>;

[Trait("Database", "PostgreSql")]
public sealed class SharedCatalogOnPostgres(TwoNodesOnPostgres nodes) : SharedCatalogTests(nodes), IClassFixture<TwoNodesOnPostgres>;

/// <summary>The catalog's cache stays within its capacity, dropping the least recently used version first.</summary>
public sealed class BoundedCacheTests
{
    [Fact]
    public void TheLeastRecentlyUsedEntry_IsDroppedAtCapacity()
    {
        var cache = new BoundedCache<string, int>(2);
        cache.GetOrAdd("a", 1);
        cache.GetOrAdd("b", 2);
        Assert.True(cache.TryGet("a", out _));
        Assert.Equal(3, cache.GetOrAdd("c", 3));
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.Equal(1, cache.GetOrAdd("a", 10));
        Assert.True(cache.TryGet("c", out var c) && c == 3);
    }
}
