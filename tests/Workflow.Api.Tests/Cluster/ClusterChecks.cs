using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Webhooks;
using Workflow.Storage;
using Xunit.Abstractions;

namespace Workflow.Api.Tests.Cluster;

/// <summary>
/// What the fault tests check once the run is over, whatever the number of nodes and the database:
/// each acknowledged command applied once, every chain intact, every follower saw every entry once in
/// order, every due reminder fired once, every subscribed entry reached the listener, signed, once per webhook-id.
/// </summary>
public static class ClusterChecks
{
    /// <summary>Nothing acknowledged lost, nothing applied twice: each key's command wrote its kind exactly once.</summary>
    public static async Task AssertEachCommandAppliedOnceAsync(CampaignDbContext db, ClusterClient client, string keyPrefix, int commands, CancellationToken token)
    {
        var applied = await db.History.AsNoTracking().Where(h => h.IdempotencyKey != null && h.IdempotencyKey.StartsWith(keyPrefix))
            .GroupBy(h => new { h.IdempotencyKey, h.Kind }).Select(g => new { g.Key.IdempotencyKey, g.Key.Kind, Count = g.Count() }).ToListAsync(token);
        Assert.Equal(commands, client.Acknowledged.Count);
        foreach (var (idempotencyKey, kind) in client.Acknowledged)
        {
            var count = applied.SingleOrDefault(a => a.IdempotencyKey == idempotencyKey && a.Kind == kind)?.Count ?? 0;
            Assert.True(count == 1, $"{idempotencyKey} wrote {kind} {count} times");
        }
    }

    /// <summary>Every chain verifies, on every node.</summary>
    public static async Task AssertChainsIntactAsync(ClusterClient client, IEnumerable<ClusterNode> nodes, IReadOnlyList<Guid> ids, CancellationToken token)
    {
        foreach (var node in nodes)
        {
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = token }, async (id, ct) =>
            {
                var verified = await client.GetAsync(node, $"/api/v1/audit/campaigns/{id}/verify", ct);
                Assert.True(verified.GetProperty("intact").GetBoolean(), $"campaign {id} on node {node.Index}: {verified}");
            });
        }
    }

    /// <summary>Waits for the followers to catch up, stops them, and checks each received every entry exactly once, each stream in its own order.</summary>
    public static async Task AssertFollowersSawEachEntryOnceAsync(
        CampaignDbContext db, IReadOnlyList<FeedFollower> followers, CancellationTokenSource stopFollowing, IEnumerable<Task> following,
        ITestOutputHelper output, CancellationToken token)
    {
        var expected = await db.History.AsNoTracking().Select(h => new { h.CampaignId, h.Sequence }).ToListAsync(token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (followers.Any(f => f.Count < expected.Count) && DateTime.UtcNow < deadline) await Task.Delay(100, token);
        await Task.Delay(500, token); // anything more would be a duplicate
        await stopFollowing.CancelAsync();
        await Task.WhenAll(following);
        var all = expected.Select(e => (e.CampaignId, e.Sequence)).ToHashSet();
        foreach (var (follower, index) in followers.Select((f, i) => (f, i)))
        {
            var received = follower.Received;
            output.WriteLine($"follower {index}: {received.Count} of {expected.Count} entries, {follower.Reconnects} reconnects");
            var missing = all.Except(received).Count();
            var duplicates = received.Count - received.Distinct().Count();
            Assert.True(missing == 0 && duplicates == 0, $"follower of node {index}: {missing} entries missed, {duplicates} received twice");
            foreach (var stream in received.GroupBy(r => r.Campaign))
            {
                var sequences = stream.Select(r => r.Sequence).ToList();
                Assert.Equal(Enumerable.Range(1, sequences.Count).Select(s => (long)s), sequences);
            }
        }
    }

    /// <summary>
    /// Every reminder due in the run fired exactly once: the study summary's, once per campaign, whichever node swept.
    /// Returns the task.reminded entries (campaign, task, when written).
    /// </summary>
    public static async Task<List<(Guid Campaign, string? Task, DateTime At)>> AssertRemindedOnceAsync(CampaignDbContext db, IReadOnlyList<Guid> ids, CancellationToken token)
    {
        async Task<List<(Guid, string?, DateTime)>> RemindedAsync() =>
            (await db.History.AsNoTracking().Where(h => h.Kind == "task.reminded").Select(h => new { h.CampaignId, h.TaskId, h.At }).ToListAsync(token))
            .Select(r => (r.CampaignId, r.TaskId, r.At)).ToList();

        var reminded = new List<(Guid Campaign, string? Task, DateTime At)>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(500, token);
            reminded = await RemindedAsync();
        } while (reminded.Count < ids.Count && DateTime.UtcNow < deadline);
        await Task.Delay(2000, token); // a second firing of any of them would show now
        reminded = await RemindedAsync();
        Assert.Equal(ids.Order(), reminded.Select(r => r.Campaign).Order());
        Assert.All(reminded, r => Assert.Equal("studySummary:1", r.Task));
        return reminded;
    }

    /// <summary>
    /// The listener received every entry of the subscribed kinds, each with a valid signature, each once after
    /// de-duplication by webhook-id. Returns the webhook-id of every entry received.
    /// </summary>
    public static async Task<Dictionary<string, string>> AssertWebhooksReceivedOnceAsync(
        CampaignDbContext db, WebhookReceiver receiver, string secret, string[] kinds, ITestOutputHelper output, CancellationToken token)
    {
        var subscribed = await db.History.AsNoTracking().Where(h => kinds.Contains(h.Kind))
            .Select(h => new { h.CampaignId, h.Sequence }).ToListAsync(token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct().Count() < subscribed.Count && DateTime.UtcNow < deadline) await Task.Delay(200, token);
        var deliveries = new Dictionary<string, string>();
        foreach (var request in receiver.Requests)
        {
            var headers = new Microsoft.AspNetCore.Http.HeaderDictionary();
            foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }) headers[name] = request.Headers[name];
            new StandardWebhooks.StandardWebhook(secret).Verify(request.Body, headers);
            var data = System.Text.Json.JsonDocument.Parse(request.Body).RootElement.GetProperty("data");
            var entry = $"{data.GetProperty("campaignId").GetGuid()}/{data.GetProperty("sequence").GetInt64()}";
            Assert.True(deliveries.TryAdd(request.Headers["webhook-id"], entry) || deliveries[request.Headers["webhook-id"]] == entry, "one webhook-id, two entries");
        }
        output.WriteLine($"webhooks: {receiver.Requests.Count} requests, {deliveries.Count} distinct, {subscribed.Count} subscribed entries");
        Assert.Equal(subscribed.Select(s => $"{s.CampaignId}/{s.Sequence}").Order(), deliveries.Values.Order());
        return deliveries;
    }
}
