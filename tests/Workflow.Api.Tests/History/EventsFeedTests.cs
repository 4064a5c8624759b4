using System.Net;
using System.Text.Json;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.History;

/// <summary>The events feed across campaigns: keyset pages in the order the entries were written, each entry once.</summary>
public abstract class EventsFeedTests(ApiFactory api)
{
    /// <summary>Every entry after the cursor, page after page while the feed says more is there; and the cursor to go on from.</summary>
    internal static async Task<(List<JsonElement> Entries, string Cursor)> ReadFeedAsync(ApiFactory api, HttpClient client, string after, int limit, string query = "")
    {
        await Feed.SettledAsync(api, client);
        var entries = new List<JsonElement>();
        var cursor = after;
        while (true)
        {
            var page = await client.GetJsonAsync($"/api/v1/events?after={Uri.EscapeDataString(cursor)}&limit={limit}{query}");
            Assert.True(page.Status == HttpStatusCode.OK, page.Text);
            var items = page.Json.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= limit);
            entries.AddRange(items);
            cursor = page.Json.GetProperty("cursor").GetString()!;
            var next = page.Json.GetProperty("nextCursor").GetString();
            if (next is null) return (entries, cursor);
            Assert.Equal(cursor, next);
        }
    }

    [Fact]
    public async Task Feed_PagesAcrossCampaigns_InWriteOrder_WithoutDuplicates()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var (_, start) = await ReadFeedAsync(api, client, "0", 200);

        var organization = $"feed-{Guid.NewGuid():N}";
        var a = (await client.PostJsonAsync("/api/v1/campaigns", NewCampaign("活动甲", organization))).Json.GetProperty("id").GetString()!;
        var b = (await client.PostJsonAsync("/api/v1/campaigns", NewCampaign("活动乙", organization))).Json.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/campaigns/{a}/transitions", new { trigger = "start" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/campaigns/{b}/transitions", new { trigger = "start" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/campaigns/{a}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"))).Status);

        var (feed, _) = await ReadFeedAsync(api, client, start, limit: 2);
        var ids = feed.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Distinct(), ids);
        // One writer at a time here, so commit order is also id order.
        Assert.Equal(ids.Order(), ids);

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
    public async Task Head_IsWhereTheFeedIs_SoAPollerGetsOnlyWhatComesAfter()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var (before, _) = await ReadFeedAsync(api, client, "0", 200);
        var head = (await client.GetJsonAsync("/api/v1/events/head")).Json;
        Assert.Equal(before.Count == 0 ? 0 : before[^1].GetProperty("id").GetInt64(), head.GetProperty("lastId").GetInt64());

        var id = (await client.PostJsonAsync("/api/v1/campaigns", NewCampaign("活动丙", $"head-{Guid.NewGuid():N}"))).Json.GetProperty("id").GetString()!;
        var (news, cursor) = await ReadFeedAsync(api, client, head.GetProperty("cursor").GetString()!, 50);
        Assert.Equal([(id, "campaign.created")], news.Select(e => (e.GetProperty("campaignId").GetString()!, e.GetProperty("kind").GetString()!)));
        var now = (await client.GetJsonAsync("/api/v1/events/head")).Json;
        Assert.Equal(news[^1].GetProperty("id").GetInt64(), now.GetProperty("lastId").GetInt64());
        Assert.Equal(cursor, now.GetProperty("cursor").GetString());
        // A bare id (the cursors of before, and what the web app still sends) is still understood.
        var (again, _) = await ReadFeedAsync(api, client, head.GetProperty("lastId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), 50);
        Assert.Equal(news.Select(e => e.GetProperty("id").GetInt64()), again.Select(e => e.GetProperty("id").GetInt64()));
    }
}

public sealed class EventsFeedOnSqlite(SqliteApiFactory api) : EventsFeedTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class EventsFeedOnPostgres(PostgresApiFactory api) : EventsFeedTests(api), IClassFixture<PostgresApiFactory>;
