using System.Net;
using System.Text.Json;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.History;

/// <summary>The events feed across campaigns: keyset pages in the order the entries were written, each entry once.</summary>
public abstract class EventsFeedTests(ApiFactory api)
{
    private static async Task<List<JsonElement>> ReadFeedAsync(HttpClient client, long after, int limit)
    {
        var entries = new List<JsonElement>();
        string? cursor = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (cursor is not null)
        {
            var page = await client.GetJsonAsync($"/api/v1/events?after={cursor}&limit={limit}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var items = page.Json.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= limit);
            entries.AddRange(items);
            cursor = page.Json.GetProperty("nextCursor").GetString();
            if (cursor is not null) Assert.Equal(items[^1].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), cursor);
        }
        return entries;
    }

    [Fact]
    public async Task Feed_PagesAcrossCampaigns_InWriteOrder_WithoutDuplicates()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var before = await ReadFeedAsync(client, 0, 200);
        var start = before.Count == 0 ? 0 : before[^1].GetProperty("id").GetInt64();

        var organization = $"feed-{Guid.NewGuid():N}";
        var a = (await client.PostJsonAsync("/api/v1/campaigns", NewCampaign("活动甲", organization))).Json.GetProperty("id").GetString()!;
        var b = (await client.PostJsonAsync("/api/v1/campaigns", NewCampaign("活动乙", organization))).Json.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/campaigns/{a}/transitions", new { trigger = "start" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/campaigns/{b}/transitions", new { trigger = "start" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/campaigns/{a}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"))).Status);

        var feed = await ReadFeedAsync(client, start, limit: 2);
        var ids = feed.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Equal(ids.Order(), ids);
        Assert.All(ids, id => Assert.True(id > start));

        // Write order: A created, B created, then A's start, B's start, A's completion, each with its entries in sequence.
        var written = feed.Select(e => (Campaign: e.GetProperty("campaignId").GetString()!, Sequence: e.GetProperty("sequence").GetInt64(),
            Kind: e.GetProperty("kind").GetString()!)).ToList();
        Assert.Equal((a, 1L, "campaign.created"), written[0]);
        Assert.Equal((b, 1L, "campaign.created"), written[1]);
        foreach (var campaign in new[] { a, b })
        {
            var sequences = written.Where(w => w.Campaign == campaign).Select(w => w.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
            var history = await client.GetJsonAsync($"/api/v1/campaigns/{campaign}/history?limit=200");
            Assert.Equal(history.Json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()),
                feed.Where(e => e.GetProperty("campaignId").GetString() == campaign).Select(e => e.GetProperty("id").GetInt64()));
        }
        // Each command's entries are written together: the feed alternates A, B, A, B, A in runs.
        var runs = written.Select(w => w.Campaign).Aggregate(new List<string>(), (list, campaign) =>
        {
            if (list.Count == 0 || list[^1] != campaign) list.Add(campaign);
            return list;
        });
        Assert.Equal([a, b, a, b, a], runs);

        var bad = await client.GetJsonAsync("/api/v1/events?after=-1");
        Assert.Equal((HttpStatusCode.BadRequest, "paging.cursor_invalid"), (bad.Status, bad.ProblemCode));
    }

    [Fact]
    public async Task Head_IsTheLastIdWritten_SoAPollerGetsOnlyWhatComesAfter()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var before = await ReadFeedAsync(client, 0, 200);
        var head = (await client.GetJsonAsync("/api/v1/events/head")).Json.GetProperty("lastId").GetInt64();
        Assert.Equal(before.Count == 0 ? 0 : before[^1].GetProperty("id").GetInt64(), head);

        var id = (await client.PostJsonAsync("/api/v1/campaigns", NewCampaign("活动丙", $"head-{Guid.NewGuid():N}"))).Json.GetProperty("id").GetString()!;
        var news = await ReadFeedAsync(client, head, 50);
        Assert.Equal([(id, "campaign.created")], news.Select(e => (e.GetProperty("campaignId").GetString()!, e.GetProperty("kind").GetString()!)));
        Assert.Equal(news[^1].GetProperty("id").GetInt64(), (await client.GetJsonAsync("/api/v1/events/head")).Json.GetProperty("lastId").GetInt64());
    }
}

public sealed class EventsFeedOnSqlite(SqliteApiFactory api) : EventsFeedTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class EventsFeedOnPostgres(PostgresApiFactory api) : EventsFeedTests(api), IClassFixture<PostgresApiFactory>;
