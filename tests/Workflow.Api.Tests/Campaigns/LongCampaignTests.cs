using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// A campaign whose study summary is sent back for changes again and again: the stored snapshot stops growing,
/// progress shows the same current state after 200 loops as after 100, and every superseded iteration is still
/// readable, with its result, from the campaign's paged task list.
/// </summary>
public abstract class LongCampaignTests(ApiFactory api)
{
    [Fact]
    public async Task RequestedChangesLoops_KeepTheSnapshotFromGrowing_AndProgressTheSame()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        var id = CampaignSteps.IdOf(campaign);
        await CampaignSteps.CompleteAsync(client, campaign, "studyMobilization:1", Meeting("2023-03-01"));
        await CampaignSteps.CompleteAsync(client, campaign, "centralizedStudy:1", Meeting("2023-03-10"));
        await CampaignSteps.CompleteAsync(client, campaign, "researchVisits:1", new { result = new { findings = new[] { Finding("师资不足", "problem") } } });

        await Loops(client, campaign, 1, 100);
        var snapshotAt100 = await SnapshotLength(id);
        var progressAt100 = await CurrentState(client, campaign);
        await Loops(client, campaign, 101, 200);
        var snapshotAt200 = await SnapshotLength(id);
        var progressAt200 = await CurrentState(client, campaign);

        // Only longer numbers (iterations, event counts, times): before, 100 loops added some 50 KB of task instances.
        Assert.True(snapshotAt200 - snapshotAt100 < 100, $"The snapshot grew from {snapshotAt100:N0} to {snapshotAt200:N0} bytes.");
        Assert.True(snapshotAt200 < 64 * 1024, $"The snapshot is {snapshotAt200:N0} bytes.");
        Assert.Equal(progressAt100.Replace("studySummary:101", "studySummary:N").Replace("summaryApproval:100", "summaryApproval:N"),
            progressAt200.Replace("studySummary:201", "studySummary:N").Replace("summaryApproval:200", "summaryApproval:N"));

        // Progress holds the open draft and each other activity's latest instance.
        var progress = (await client.GetJsonAsync($"{campaign}/progress")).Json;
        var tasks = progress.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        Assert.Equal(["centralizedStudy:1", "researchVisits:1", "studyMobilization:1", "studySummary:201", "summaryApproval:200"], tasks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("active", tasks["studySummary:201"].GetProperty("status").GetString());
        Assert.Equal("ChangesRequested", tasks["summaryApproval:200"].GetProperty("outcome").GetString());

        // A late retry of a superseded draft is refused as ended, not as unknown.
        var late = await client.PostJsonAsync($"{campaign}/tasks/studySummary:1/complete", Document("study-summary"));
        Problems.Assert(late, HttpStatusCode.Conflict, "task.not_active", "studySummary:1");
    }

    [Fact]
    public async Task TheCampaignsTaskList_PagesEveryInstanceWithItsResult_FollowingLinkHeaders()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        await CampaignSteps.CompleteAsync(client, campaign, "studyMobilization:1", Meeting("2023-03-01"));
        await CampaignSteps.CompleteAsync(client, campaign, "centralizedStudy:1", Meeting("2023-03-10"));
        await CampaignSteps.CompleteAsync(client, campaign, "researchVisits:1", new { result = new { findings = new[] { Finding("师资不足", "problem") } } });
        await Loops(client, campaign, 1, 3);

        var seen = new List<JsonElement>();
        var url = $"{campaign}/tasks?status=completed&limit=2";
        while (url is not null)
        {
            var page = await client.GetJsonAsync(url, ("Accept-Language", "en"));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seen.AddRange(page.Json.GetProperty("items").EnumerateArray());
            url = page.Header("Link") is { } link ? link[(link.IndexOf('<') + 1)..link.IndexOf('>')] : null;
            Assert.Equal(page.Json.GetProperty("nextCursor").ValueKind != JsonValueKind.Null, url is not null);
        }
        Assert.Equal(["studyMobilization:1", "centralizedStudy:1", "researchVisits:1", "studySummary:1", "summaryApproval:1",
            "studySummary:2", "summaryApproval:2", "studySummary:3", "summaryApproval:3"], seen.Select(t => t.GetProperty("id").GetString()));
        var firstDraft = seen.Single(t => t.GetProperty("id").GetString() == "studySummary:1");
        Assert.Equal("https://docs.example/study-summary.pdf", firstDraft.GetProperty("result").GetProperty("documents")[0].GetProperty("uri").GetString());
        Assert.Equal(("Study-phase summary", 1, "study"), (firstDraft.GetProperty("displayName").GetString(), firstDraft.GetProperty("iteration").GetInt32(), firstDraft.GetProperty("phaseId").GetString()));
        var review = seen.Single(t => t.GetProperty("id").GetString() == "summaryApproval:2");
        Assert.Equal(("ChangesRequested", "请补充调研数据", "campaign-office"),
            (review.GetProperty("outcome").GetString(), review.GetProperty("comment").GetString(), review.GetProperty("completedBy").GetString()));

        var open = await client.GetJsonAsync($"{campaign}/tasks?status=active");
        Assert.Equal(["studySummary:4"], open.Json.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Problems.Assert(await client.GetJsonAsync($"{campaign}/tasks?limit=0"), HttpStatusCode.BadRequest, "request.limit_invalid", "");
        Problems.Assert(await client.GetJsonAsync($"{campaign}/tasks?status=done"), HttpStatusCode.BadRequest, "request.filter_invalid", "done");
        Problems.Assert(await client.GetJsonAsync($"/api/v1/campaigns/{Guid.NewGuid()}/tasks"), HttpStatusCode.NotFound, "campaign.not_found", "");
    }

    private static string Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.ToString() : "";

    private static async Task Loops(HttpClient client, string campaign, int from, int to)
    {
        for (var loop = from; loop <= to; loop++)
        {
            await CampaignSteps.CompleteAsync(client, campaign, $"studySummary:{loop}", Document("study-summary"));
            await CampaignSteps.CompleteAsync(client, campaign, $"summaryApproval:{loop}",
                new { outcome = "ChangesRequested", result = new { comments = "请补充调研数据" }, comment = "请补充调研数据" });
        }
    }

    private Task<int> SnapshotLength(Guid id) =>
        api.DbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.StateJson.Length).SingleAsync());

    /// <summary>Progress without what moves with every command: the version, the times and the ETag.</summary>
    private static async Task<string> CurrentState(HttpClient client, string campaign)
    {
        var progress = await client.GetJsonAsync($"{campaign}/progress");
        Assert.Equal(HttpStatusCode.OK, progress.Status);
        var json = progress.Json;
        var tasks = json.GetProperty("tasks").EnumerateArray()
            .Select(t => new { id = t.GetProperty("id").GetString(), status = t.GetProperty("status").GetString(), outcome = Text(t, "outcome"), result = Text(t, "result") })
            .OrderBy(t => t.id, StringComparer.Ordinal);
        return JsonSerializer.Serialize(new
        {
            state = json.GetProperty("state").ToString(), status = json.GetProperty("status").ToString(), phases = json.GetProperty("phases").ToString(),
            tasks, gates = json.GetProperty("gates").ToString(), waitingFor = json.GetProperty("waitingFor").ToString(),
            triggers = json.GetProperty("triggers").ToString(), faults = json.GetProperty("faults").ToString(),
        });
    }
}

public sealed class LongCampaignOnSqlite(SqliteApiFactory api) : LongCampaignTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class LongCampaignOnPostgres(PostgresApiFactory api) : LongCampaignTests(api), IClassFixture<PostgresApiFactory>;
