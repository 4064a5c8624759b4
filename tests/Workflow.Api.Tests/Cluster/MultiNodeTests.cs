using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Webhooks;
using Workflow.Storage;
using Workflow.Storage.Providers;
using Xunit.Abstractions;

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
    private static readonly string[] SubscribedKinds = ["campaign.created", "task.reminded"];

    private readonly PostgresTestDatabase _database = new("cluster");
    private readonly List<ClusterNode> _nodes = [];

    private string ConnectionString => $"{_database.ConnectionString};Maximum Pool Size=40";

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

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _database.DropAsync();
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
            new { url = receiver.Url, kinds = SubscribedKinds }, token, expected: System.Net.HttpStatusCode.Created);
        var secret = subscription.GetProperty("secret").GetString()!;
        using var stopFollowing = CancellationTokenSource.CreateLinkedTokenSource(token);
        var followers = _nodes.Select(n => new FeedFollower(n, key)).ToList();
        var following = followers.Select(f => Task.Run(() => f.RunAsync(stopFollowing.Token))).ToList();

        // The workload: each campaign created, started and three study tasks completed, by 32 clients at once.
        var campaigns = new ConcurrentDictionary<int, string>();
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, CampaignCount));
        var killAt = CampaignCount * CampaignWorkload.CommandsPerCampaign * 2 / 5;
        var workers = Enumerable.Range(0, ClientCount).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var n))
            {
                campaigns[n] = await CampaignWorkload.RunCampaignAsync(client, "cluster-", n, token);
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

        await using var db = Context();
        await ClusterChecks.AssertEachCommandAppliedOnceAsync(db, client, "cluster-", CampaignCount * CampaignWorkload.CommandsPerCampaign, token);
        Assert.Equal(CampaignCount, await db.Campaigns.CountAsync(token));
        var ids = campaigns.Values.Select(CampaignSteps.IdOf).ToList();
        await ClusterChecks.AssertChainsIntactAsync(client, _nodes, ids, token);
        await ClusterChecks.AssertFollowersSawEachEntryOnceAsync(db, followers, stopFollowing, following, output, token);
        await ClusterChecks.AssertRemindedOnceAsync(db, ids, token);
        await ClusterChecks.AssertWebhooksReceivedOnceAsync(db, receiver, secret, SubscribedKinds, output, token);

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

    private CampaignDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(builder, DatabaseProvider.PostgreSql, ConnectionString);
        return new CampaignDbContext(builder.Options);
    }
}
