using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.History;

/// <summary>
/// Following the feed as integrators do: under many concurrent writers a follower receives every
/// entry exactly once; a long-poll answers when something is committed; the Server-Sent Events
/// stream resumes from Last-Event-ID with exactly the rest; filters; bad parameters are refused.
/// </summary>
public abstract class FeedFollowingTests(ApiFactory api)
{
    [Fact]
    public async Task UnderConcurrentWriters_AFollowerReceivesEveryEntryExactlyOnce_EachStreamInOrder()
    {
        var client = await api.ClientAsync("feed-writer", Roles.Operator);
        await Feed.SettledAsync(api, client);
        var start = (await client.GetJsonAsync("/api/v1/events/head")).Json.GetProperty("cursor").GetString()!;
        var received = new ConcurrentQueue<(Guid Campaign, long Sequence)>();
        using var stop = new CancellationTokenSource();
        var follower = Task.Run(async () =>
        {
            var cursor = start;
            while (!stop.IsCancellationRequested)
            {
                var page = await client.GetJsonAsync($"/api/v1/events?after={Uri.EscapeDataString(cursor)}&limit=100&wait=1");
                foreach (var item in page.Json.GetProperty("items").EnumerateArray())
                    received.Enqueue((item.GetProperty("campaignId").GetGuid(), item.GetProperty("sequence").GetInt64()));
                cursor = page.Json.GetProperty("cursor").GetString()!;
            }
        });

        var organization = $"concurrent-{Guid.NewGuid():N}";
        await Parallel.ForEachAsync(Enumerable.Range(0, 24), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
        {
            var campaign = await CampaignSteps.CreateAsync(client, $"并发 {n}", organization);
            await CampaignSteps.FireAsync(client, campaign, "start");
            await CampaignSteps.CompleteAsync(client, campaign, "studyMobilization:1", Meeting("2023-03-01"));
        });

        var written = await api.DbAsync(db => db.History.AsNoTracking().Where(h => h.Organization == organization)
            .Select(h => new { h.CampaignId, h.Sequence }).ToListAsync());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (received.Count(r => written.Any(w => w.CampaignId == r.Campaign)) < written.Count && DateTime.UtcNow < deadline) await Task.Delay(50);
        await Task.Delay(300);
        await stop.CancelAsync();
        await follower;

        var mine = received.Where(r => written.Any(w => w.CampaignId == r.Campaign)).ToList();
        Assert.Equal(written.Count, mine.Count);
        Assert.Equal(mine.Count, mine.Distinct().Count());
        foreach (var stream in mine.GroupBy(r => r.Campaign))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(i => (long)i), stream.Select(r => r.Sequence));
    }

    [Fact]
    public async Task ALongPoll_AnswersAsSoonAsAnEntryIsCommitted_AndOtherwiseWhenItsTimeRunsOut()
    {
        var client = await api.ClientAsync("feed-poller", Roles.Operator);
        await Feed.SettledAsync(api, client);
        var head = (await client.GetJsonAsync("/api/v1/events/head")).Json.GetProperty("cursor").GetString()!;

        var quiet = Stopwatch.StartNew();
        var empty = await client.GetJsonAsync($"/api/v1/events?after={head}&wait=1&definitions=false");
        quiet.Stop();
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Empty(empty.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(head, empty.Json.GetProperty("cursor").GetString());
        Assert.True(quiet.Elapsed >= TimeSpan.FromMilliseconds(900), $"answered after {quiet.Elapsed}, before its wait ran out");

        var waiting = Stopwatch.StartNew();
        var poll = client.GetJsonAsync($"/api/v1/events?after={head}&wait=20");
        await Task.Delay(300);
        var created = await client.PostJsonAsync("/api/v1/campaigns", NewCampaign("长轮询", $"poll-{Guid.NewGuid():N}"));
        var page = await poll;
        waiting.Stop();
        Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(10), $"the long-poll answered after {waiting.Elapsed}");
        var first = page.Json.GetProperty("items")[0];
        Assert.Equal((created.Json.GetProperty("id").GetString(), "campaign.created"), (first.GetProperty("campaignId").GetString(), first.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task TheEventStream_SendsEntriesAsTheyCommit_AndResumesFromLastEventId()
    {
        var key = await api.IssueKeyAsync("stream-reader", false, Roles.Operator);
        var client = api.Client(key);
        var organization = $"stream-{Guid.NewGuid():N}";
        var head = (await client.GetJsonAsync("/api/v1/events/head")).Json.GetProperty("cursor").GetString()!;

        string lastId;
        var firstCampaign = "";
        using (var stream = await OpenStreamAsync(key, $"after={head}&organization={organization}"))
        {
            firstCampaign = CampaignSteps.IdOf(await CampaignSteps.CreateAsync(client, "流一", organization)).ToString();
            var (id, entry) = await stream.NextEntryAsync();
            Assert.Equal((firstCampaign, "campaign.created"), (entry.GetProperty("campaignId").GetString(), entry.GetProperty("kind").GetString()));
            lastId = id;
        }
        // Written while nobody listened: the stream resumed from Last-Event-ID sends exactly these.
        var second = CampaignSteps.IdOf(await CampaignSteps.CreateAsync(client, "流二", organization)).ToString();
        await CampaignSteps.FireAsync(client, $"/api/v1/campaigns/{second}", "start");
        var expected = await api.DbAsync(db => db.History.AsNoTracking().Where(h => h.Organization == organization && h.CampaignId.ToString() == second)
            .OrderBy(h => h.Sequence).Select(h => h.Sequence).ToListAsync());
        using (var resumed = await OpenStreamAsync(key, $"organization={organization}", lastEventId: lastId))
        {
            foreach (var sequence in expected)
            {
                var (_, entry) = await resumed.NextEntryAsync();
                Assert.Equal((second, sequence), (entry.GetProperty("campaignId").GetString(), entry.GetProperty("sequence").GetInt64()));
            }
        }
    }

    [Fact]
    public async Task Filters_SelectByCampaignOrganizationAndKind_AndCanLeaveOutTheDefinitionsStream()
    {
        var client = await api.ClientAsync("feed-filter", Roles.Operator);
        var organization = $"filter-{Guid.NewGuid():N}";
        var a = CampaignSteps.IdOf(await CampaignSteps.StartedAsync(client));
        var b = CampaignSteps.IdOf(await CampaignSteps.CreateAsync(client, "过滤", organization));

        var (created, _) = await EventsFeedTests.ReadFeedAsync(api, client, "0", 500, "&kind=campaign.created");
        Assert.All(created, e => Assert.Equal("campaign.created", e.GetProperty("kind").GetString()));
        Assert.Contains(created, e => e.GetProperty("campaignId").GetGuid() == a);
        Assert.Contains(created, e => e.GetProperty("campaignId").GetGuid() == b);

        var (ofA, _) = await EventsFeedTests.ReadFeedAsync(api, client, "0", 500, $"&campaign={a}");
        Assert.Equal(await api.DbAsync(db => db.History.CountAsync(h => h.CampaignId == a)), ofA.Count);
        Assert.All(ofA, e => Assert.Equal(a, e.GetProperty("campaignId").GetGuid()));

        var (ofOrganization, _) = await EventsFeedTests.ReadFeedAsync(api, client, "0", 500, $"&organization={organization}");
        Assert.Equal([(b, 1L)], ofOrganization.Select(e => (e.GetProperty("campaignId").GetGuid(), e.GetProperty("sequence").GetInt64())));

        var (all, _) = await EventsFeedTests.ReadFeedAsync(api, client, "0", 500);
        var (campaignsOnly, _) = await EventsFeedTests.ReadFeedAsync(api, client, "0", 500, "&definitions=false");
        var definitions = all.Count(e => e.GetProperty("campaignId").GetGuid() == Workflow.Storage.History.LedgerStream.Definitions);
        Assert.True(definitions > 0, "the start-up import writes definition entries");
        Assert.Equal(all.Count - definitions, campaignsOnly.Count);
    }

    [Theory]
    [InlineData("kind=task.bogus", "request.parameter_invalid")]
    [InlineData("limit=0", "request.parameter_invalid")]
    [InlineData("limit=1001", "request.parameter_invalid")]
    [InlineData("wait=31", "request.parameter_invalid")]
    [InlineData("after=1.2.3", "paging.cursor_invalid")]
    [InlineData("after=-1", "paging.cursor_invalid")]
    public async Task BadFeedParameters_AreRefusedWithAProblem(string query, string code)
    {
        var client = await api.ClientAsync("feed-filter", Roles.Operator);
        var refused = await client.GetJsonAsync($"/api/v1/events?{query}");
        Assert.Equal((HttpStatusCode.BadRequest, code), (refused.Status, refused.ProblemCode));
        if (query.StartsWith("kind", StringComparison.Ordinal))
        {
            var stream = await client.GetJsonAsync($"/api/v1/events/stream?{query}");
            Assert.Equal((HttpStatusCode.BadRequest, code), (stream.Status, stream.ProblemCode));
        }
    }

    private async Task<EventStreamReader> OpenStreamAsync(string key, string query, string? lastEventId = null)
    {
        var http = api.Client(key);
        http.Timeout = Timeout.InfiniteTimeSpan;
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/events/stream?{query}");
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStreamReader(http, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Reads the text/event-stream wire format: blocks of "field: value" lines ended by a blank line.</summary>
    private sealed class EventStreamReader(HttpClient http, HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public async Task<(string Id, JsonElement Entry)> NextEntryAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            string? id = null, kind = null, data = null;
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
                if (line.Length == 0)
                {
                    if (kind == "entry" && data is not null && id is not null) return (id, JsonDocument.Parse(data).RootElement.Clone());
                    kind = data = null;
                    continue;
                }
                if (line.StartsWith(':')) continue;
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": kind = value; break;
                    case "data": data = data is null ? value : data + "\n" + value; break;
                }
            }
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
            http.Dispose();
        }
    }
}

public sealed class FeedFollowingOnSqlite(SqliteApiFactory api) : FeedFollowingTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class FeedFollowingOnPostgres(PostgresApiFactory api) : FeedFollowingTests(api), IClassFixture<PostgresApiFactory>;
