using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Webhooks;
using Workflow.Storage;
using Workflow.Storage.Providers;
using Xunit.Abstractions;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Cluster;

/// <summary>
/// Several servers, one database, as an operator runs them: three API processes on real Kestrel
/// ports over one PostgreSQL database, 32 clients driving 200 campaigns with an Idempotency-Key on
/// every command, a feed follower per node, and one node SIGKILLed mid-run and started again.
/// Afterwards nothing acknowledged is lost or applied twice, every chain verifies on every node,
/// and each follower received every ledger entry exactly once and in each stream's order.
/// </summary>
public sealed class MultiNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int NodeCount = 3;
    private const int CampaignCount = 200;
    private const int ClientCount = 32;

    private readonly string _database = "cluster_" + Guid.NewGuid().ToString("N")[..16];
    private readonly List<ClusterNode> _nodes = [];

    private string ConnectionString => $"{PostgresServer.ConnectionString};Database={_database};Maximum Pool Size=40";

    private Dictionary<string, string?> Environment => new()
    {
        ["Storage__Provider"] = "PostgreSql",
        ["Storage__ConnectionString"] = ConnectionString,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        // Webhooks to the test's listener on loopback, looked for often.
        ["Webhooks__AllowedHosts__0"] = "127.0.0.1",
        ["Webhooks__PollInterval"] = "00:00:00.200",
        // Deliveries claimed by the node that is killed go to another once their lease runs out (2 min by default).
        ["Webhooks__ClaimLease"] = "00:00:10",
        ["Webhooks__RequestTimeout"] = "00:00:02",
        // The study summary (due in 5 days) is reminded 15 s after it opens, so one reminder per campaign falls in the run.
        ["Timers__Reminders__BeforeDue"] = "4.23:59:45",
        ["Timers__Scheduler__SweepInterval"] = "00:00:01",
    };

    public Task InitializeAsync() => PostgresServer.CreateDatabaseAsync(_database);

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ThreeNodesOnOneDatabase_WithASigkillMidRun_LoseNothing_AndTheFeedSkipsNothing()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var token = timeout.Token;

        // The first key, as the README says for a server database: the admin command (it also migrates).
        var (exitCode, printed, error) = await ApiProcess.RunAsync(Environment, ["create-key", "--principal", "cluster-admin", "--roles", "admin"]);
        Assert.True(exitCode == 0, error);
        var key = printed.Trim().Split('\n')[^1].Trim();

        for (var i = 0; i < NodeCount; i++) _nodes.Add(new ClusterNode(i, Environment));
        await _nodes[0].StartAsync(); // the first start imports workflows/; the others find it done
        await Task.WhenAll(_nodes.Skip(1).Select(n => n.StartAsync()));
        output.WriteLine($"{clock.Elapsed}: {NodeCount} nodes up");

        using var client = new ClusterClient(_nodes, key);
        await using var receiver = new WebhookReceiver();
        var subscription = await client.PostAsync(_nodes[0], "/api/v1/webhooks/subscriptions",
            new { url = receiver.Url, kinds = new[] { "campaign.created", "task.reminded" } }, token, expected: System.Net.HttpStatusCode.Created);
        var secret = subscription.GetProperty("secret").GetString()!;
        using var stopFollowing = CancellationTokenSource.CreateLinkedTokenSource(token);
        var followers = _nodes.Select(n => new FeedFollower(n, key)).ToList();
        var following = followers.Select(f => Task.Run(() => f.RunAsync(stopFollowing.Token))).ToList();

        // The workload: each campaign created, started and three study tasks completed, by 32 clients at once.
        var campaigns = new ConcurrentDictionary<int, string>();
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, CampaignCount));
        const int commandsPerCampaign = 5;
        var killAt = CampaignCount * commandsPerCampaign * 2 / 5;
        var workers = Enumerable.Range(0, ClientCount).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var n))
            {
                campaigns[n] = await RunCampaignAsync(client, n, token);
            }
        }, token)).ToList();

        var chaos = Task.Run(async () =>
        {
            while (client.Acknowledged.Count < killAt) await Task.Delay(10, token);
            await _nodes[1].KillAsync();
            output.WriteLine($"{clock.Elapsed}: node 1 SIGKILLed after {client.Acknowledged.Count} acknowledged commands");
            await Task.Delay(1000, token);
            await _nodes[1].StartAsync();
            output.WriteLine($"{clock.Elapsed}: node 1 started again");
        }, token);

        await Task.WhenAll(workers);
        await chaos;
        output.WriteLine($"{clock.Elapsed}: {client.Acknowledged.Count} commands acknowledged, {client.ConnectionFailures} sent again after a connection failure; "
                         + string.Join(", ", client.AcknowledgedBy.OrderBy(a => a.Key).Select(a => $"node {a.Key}: {a.Value}")));

        // Nothing acknowledged lost, nothing applied twice: each key's command wrote its kind exactly once.
        await using var db = Context();
        var applied = await db.History.AsNoTracking().Where(h => h.IdempotencyKey != null && h.IdempotencyKey.StartsWith("cluster-"))
            .GroupBy(h => new { h.IdempotencyKey, h.Kind }).Select(g => new { g.Key.IdempotencyKey, g.Key.Kind, Count = g.Count() }).ToListAsync(token);
        Assert.Equal(CampaignCount * commandsPerCampaign, client.Acknowledged.Count);
        foreach (var (idempotencyKey, kind) in client.Acknowledged)
        {
            var count = applied.SingleOrDefault(a => a.IdempotencyKey == idempotencyKey && a.Kind == kind)?.Count ?? 0;
            Assert.True(count == 1, $"{idempotencyKey} wrote {kind} {count} times");
        }
        Assert.Equal(CampaignCount, await db.Campaigns.CountAsync(token));

        // Every chain verifies, on every node.
        var ids = campaigns.Values.Select(CampaignSteps.IdOf).ToList();
        foreach (var node in _nodes)
        {
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = token }, async (id, ct) =>
            {
                var verified = await client.GetAsync(node, $"/api/v1/audit/campaigns/{id}/verify", ct);
                Assert.True(verified.GetProperty("intact").GetBoolean(), $"campaign {id} on node {node.Index}: {verified}");
            });
        }

        // Every follower received every entry exactly once, each stream in its own order.
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

        // Every reminder due in the run fired exactly once: the study summary's, once per campaign, whichever node swept.
        var reminded = new List<(Guid Campaign, string? Task)>();
        deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(500, token);
            reminded = (await db.History.AsNoTracking().Where(h => h.Kind == "task.reminded").Select(h => new { h.CampaignId, h.TaskId }).ToListAsync(token))
                .Select(r => (r.CampaignId, r.TaskId)).ToList();
        } while (reminded.Count < CampaignCount && DateTime.UtcNow < deadline);
        await Task.Delay(2000, token); // a second firing of any of them would show now
        reminded = (await db.History.AsNoTracking().Where(h => h.Kind == "task.reminded").Select(h => new { h.CampaignId, h.TaskId }).ToListAsync(token))
            .Select(r => (r.CampaignId, r.TaskId)).ToList();
        Assert.Equal(ids.Order(), reminded.Select(r => r.Campaign).Order());
        Assert.All(reminded, r => Assert.Equal("studySummary:1", r.Task));

        // The listener received every subscribed entry, each with a valid signature, each once after de-duplication by webhook-id.
        var subscribed = await db.History.AsNoTracking().Where(h => h.Kind == "campaign.created" || h.Kind == "task.reminded")
            .Select(h => new { h.CampaignId, h.Sequence }).ToListAsync(token);
        deadline = DateTime.UtcNow.AddSeconds(60);
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

        // A checkpoint signed on one node verifies on another, and offline with a third node's JWKS.
        var checkpoint = await client.GetAsync(_nodes[0], $"/api/v1/audit/campaigns/{ids[0]}/checkpoint", token);
        var check = await client.PostAsync(_nodes[2], "/api/v1/audit/checkpoints/verify", checkpoint, token);
        Assert.True(check.GetProperty("checkpoint").GetProperty("signatureValid").GetBoolean(), $"node 0's checkpoint on node 2: {check}");
        using (var auditor = new HttpClient { BaseAddress = _nodes[1].Address })
        using (var folder = new Audit.Verification.SigningKeyRingTests.TempFolder())
        {
            auditor.DefaultRequestHeaders.Add("X-Api-Key", key);
            var path = folder.Write("checkpoint.json", checkpoint.GetRawText());
            var (offlineExit, offlineOutput) = await Audit.Verification.SigningKeyRingTests.VerifyOfflineAsync(auditor, ids[0], folder, path);
            Assert.True(offlineExit == 0, offlineOutput);
        }

        output.WriteLine($"{clock.Elapsed}: done");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"the run took {clock.Elapsed}");
    }

    /// <summary>One campaign: created, started, and the study phase's first three tasks completed.</summary>
    private static async Task<string> RunCampaignAsync(ClusterClient client, int n, CancellationToken token)
    {
        var organization = $"unit-{n % 10}";
        var (created, _) = await client.CommandAsync("/api/v1/campaigns", NewCampaign($"集群活动 {n}", organization), $"cluster-{n}-create", "campaign.created", token);
        var campaign = created.Headers.Location!.OriginalString;
        await client.CommandAsync($"{campaign}/transitions", new { trigger = "start", reason = "启动" }, $"cluster-{n}-start", "phase.transitioned", token);
        await client.CommandAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), $"cluster-{n}-mobilization", "task.completed", token);
        await client.CommandAsync($"{campaign}/tasks/centralizedStudy:1/complete", Meeting("2023-03-10"), $"cluster-{n}-study", "task.completed", token);
        await client.CommandAsync($"{campaign}/tasks/researchVisits:1/complete",
            new { result = new { findings = new[] { Finding("师资不足", "problem") } } }, $"cluster-{n}-research", "task.completed", token);
        return campaign;
    }

    private CampaignDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(builder, DatabaseProvider.PostgreSql, ConnectionString);
        return new CampaignDbContext(builder.Options);
    }
}
