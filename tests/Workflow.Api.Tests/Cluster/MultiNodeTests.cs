using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
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

        // A checkpoint signed on one node verifies on another.
        var checkpoint = await client.GetAsync(_nodes[0], $"/api/v1/audit/campaigns/{ids[0]}/checkpoint", token);
        var check = await client.PostAsync(_nodes[2], "/api/v1/audit/checkpoints/verify", checkpoint, token);
        Assert.True(check.GetProperty("checkpoint").GetProperty("signatureValid").GetBoolean(), $"node 0's checkpoint on node 2: {check}");

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
