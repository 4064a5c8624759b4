using System.Net;
using System.Text.Json;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// Reading campaigns: the keyset-paged list and its filters, the ETag of a campaign, conditional
/// progress, and the phase diagram. Each test works in an organization of its own, so tests that
/// share the database never see each other's campaigns.
/// </summary>
public abstract class CampaignReadTests(ApiFactory api)
{
    private static string NewOrganization(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    private static async Task<string> CreateAsync(HttpClient client, string name, string organization)
    {
        var created = await client.PostJsonAsync("/api/v1/campaigns", NewCampaign(name, organization));
        Assert.True(created.Status == HttpStatusCode.Created, created.Json.ToString());
        return created.Json.GetProperty("id").GetString()!;
    }

    private static async Task StartAsync(HttpClient client, string id)
    {
        var started = await client.PostJsonAsync($"/api/v1/campaigns/{id}/transitions", new { trigger = "start" });
        Assert.True(started.Status == HttpStatusCode.OK, started.Json.ToString());
    }

    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string query, int expectedPages)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetJsonAsync($"/api/v1/campaigns?{query}{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            items.AddRange(page.Json.GetProperty("items").EnumerateArray());
            cursor = page.Json.GetProperty("nextCursor").GetString();
            pages++;
            Assert.True(pages <= expectedPages, $"more than {expectedPages} pages for {query}");
        } while (cursor is not null);
        Assert.Equal(expectedPages, pages);
        return items;
    }

    private static IEnumerable<string> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetString()!);

    [Fact]
    public async Task List_PagesByKeyset_WithoutDuplicates_AndFilters()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var organization = NewOrganization("paging");
        var created = new List<string>();
        for (var i = 1; i <= 5; i++) created.Add(await CreateAsync(client, $"活动 {i}", organization));
        var elsewhere = await CreateAsync(client, "其他单位的活动", NewOrganization("elsewhere"));
        await StartAsync(client, created[0]);
        await StartAsync(client, created[2]);

        // 5 campaigns, 2 a page: 2 + 2 + 1, in creation order, each once.
        var all = await AllPagesAsync(client, $"organization={organization}&limit=2", expectedPages: 3);
        Assert.Equal(created, Ids(all));
        Assert.DoesNotContain(elsewhere, Ids(all));

        var running = await AllPagesAsync(client, $"organization={organization}&status=running&limit=2", expectedPages: 1);
        Assert.Equal([created[0], created[2]], Ids(running));
        Assert.All(running, c => Assert.Equal("study", c.GetProperty("state").GetString()));
        var notStarted = await AllPagesAsync(client, $"organization={organization}&status=notStarted&limit=2", expectedPages: 2);
        Assert.Equal([created[1], created[3], created[4]], Ids(notStarted));
        var inStudy = await AllPagesAsync(client, $"organization={organization}&phase=study", expectedPages: 1);
        Assert.Equal([created[0], created[2]], Ids(inStudy));
        Assert.Empty(await AllPagesAsync(client, $"organization={organization}&phase=analysis", expectedPages: 1));

        var bad = await client.GetJsonAsync("/api/v1/campaigns?cursor=not-a-cursor");
        Assert.Equal((HttpStatusCode.BadRequest, "paging.cursor_invalid"), (bad.Status, bad.ProblemCode));
        var foreign = await client.GetJsonAsync("/api/v1/campaigns?cursor=" + Workflow.Api.Paging.Cursor.Encode("tasks", 1));
        Assert.Equal((HttpStatusCode.BadRequest, "paging.cursor_invalid"), (foreign.Status, foreign.ProblemCode));
    }

    [Fact]
    public async Task Get_HasItsVersionAsETag()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var id = await CreateAsync(client, "ETag 活动", NewOrganization("etag"));
        var first = await client.GetJsonAsync($"/api/v1/campaigns/{id}");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("\"1\"", first.Header("ETag"));
        Assert.Equal(1, first.Json.GetProperty("version").GetInt64());

        await StartAsync(client, id);
        var second = await client.GetJsonAsync($"/api/v1/campaigns/{id}");
        Assert.Equal("\"2\"", second.Header("ETag"));
        Assert.Equal(("study", "running", 2L),
            (second.Json.GetProperty("state").GetString(), second.Json.GetProperty("status").GetString(), second.Json.GetProperty("version").GetInt64()));

        var missing = await client.GetJsonAsync($"/api/v1/campaigns/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.NotFound, "campaign.not_found"), (missing.Status, missing.ProblemCode));
    }

    [Fact]
    public async Task Progress_AnswersIfNoneMatch_With304_UntilTheCampaignChanges()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var id = await CreateAsync(client, "进度活动", NewOrganization("progress"));
        await StartAsync(client, id);
        var progress = await client.GetJsonAsync($"/api/v1/campaigns/{id}/progress");
        Assert.Equal(HttpStatusCode.OK, progress.Status);
        var etag = progress.Header("ETag");
        Assert.NotNull(etag);

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/campaigns/{id}/progress"))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var notModified = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        var completed = await client.PostJsonAsync($"/api/v1/campaigns/{id}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"));
        Assert.Equal(HttpStatusCode.OK, completed.Status);
        var changed = await client.GetJsonAsync($"/api/v1/campaigns/{id}/progress", ("If-None-Match", etag!));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(etag, changed.Header("ETag"));
    }

    [Fact]
    public async Task Diagram_IsMermaidOrDot_AndOtherFormatsAreRefused()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var id = await CreateAsync(client, "图示活动", NewOrganization("diagram"));

        using var mermaid = await client.GetAsync($"/api/v1/campaigns/{id}/diagram");
        Assert.Equal(HttpStatusCode.OK, mermaid.StatusCode);
        Assert.Equal("text/plain", mermaid.Content.Headers.ContentType!.MediaType);
        var mermaidText = await mermaid.Content.ReadAsStringAsync();
        Assert.StartsWith("stateDiagram-v2", mermaidText);
        Assert.Contains("$notStarted --> study : Start", mermaidText);
        Assert.Contains("study --> analysis : Advance", mermaidText);
        Assert.Contains("rectification --> $completed : Complete", mermaidText);

        using var dot = await client.GetAsync($"/api/v1/campaigns/{id}/diagram?format=dot");
        Assert.Equal(HttpStatusCode.OK, dot.StatusCode);
        Assert.Equal("text/vnd.graphviz", dot.Content.Headers.ContentType!.MediaType);
        var dotText = await dot.Content.ReadAsStringAsync();
        Assert.StartsWith("digraph {", dotText);
        Assert.Contains("\"study\" -> \"analysis\"", dotText);
        Assert.Contains("\"analysis\" -> \"rectification\"", dotText);
        Assert.EndsWith("}", dotText.TrimEnd());

        var bad = await client.GetJsonAsync($"/api/v1/campaigns/{id}/diagram?format=svg");
        Assert.Equal((HttpStatusCode.BadRequest, "diagram.format_unknown"), (bad.Status, bad.ProblemCode));
        Assert.Equal("application/problem+json", bad.Message.Content.Headers.ContentType!.MediaType);
        Assert.Contains("svg", bad.Json.GetProperty("detail").GetString());

        var missing = await client.GetJsonAsync($"/api/v1/campaigns/{Guid.NewGuid()}/diagram");
        Assert.Equal((HttpStatusCode.NotFound, "campaign.not_found"), (missing.Status, missing.ProblemCode));
    }
}

public sealed class CampaignReadOnSqlite(SqliteApiFactory api) : CampaignReadTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class CampaignReadOnPostgres(PostgresApiFactory api) : CampaignReadTests(api), IClassFixture<PostgresApiFactory>;
