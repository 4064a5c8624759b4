using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Webhooks;
using Workflow.Api.Webhooks;
using Workflow.Storage;
using Workflow.Storage.Outbox;
using Workflow.Storage.Providers;
using Workflow.Storage.Timers;
using Xunit.Abstractions;

namespace Workflow.Api.Tests.Cluster;

/// <summary>
/// The embedded default as an operator runs it: one API process on a SQLite file, clients driving
/// campaigns with an Idempotency-Key on every command, a feed follower and a webhook listener, and the
/// process SIGKILLed while the file holds reminders not yet fired and entries not yet delivered, then
/// started again on the same file. Afterwards nothing acknowledged is lost or applied twice, every chain
/// verifies, what was pending at the kill was delivered by the restarted process, and every reminder,
/// webhook and feed entry arrived exactly once.
/// </summary>
public sealed class SingleNodeSqliteKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int CampaignCount = 24;
    private const int ClientCount = 8;
    private const string KeyPrefix = "sqlite-kill-";
    private static readonly string[] SubscribedKinds = ["campaign.created", "task.completed", "task.reminded"];

    private static readonly Dictionary<string, string?> Environment = new()
    {
        // No connection string: the default file, campaigns.db in the node's data folder, which survives the restart.
        ["Storage__Provider"] = "Sqlite",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Webhooks__AllowedHosts__0"] = "127.0.0.1",
        // Looked for every second, so entries wait in the outbox between passes and a kill finds some there.
        ["Webhooks__PollInterval"] = "00:00:01",
        // A delivery the killed process had claimed is sent again once its claim lapses (2 min by default).
        ["Webhooks__ClaimLease"] = "00:00:04",
        ["Webhooks__RequestTimeout"] = "00:00:01",
        // The study summary (due in 5 days) is reminded 8 s after it opens: pending at the kill, due while the process is down or soon after.
        ["Timers__Reminders__BeforeDue"] = "4.23:59:52",
        ["Timers__Scheduler__SweepInterval"] = "00:00:00.500",
    };

    private readonly ClusterNode _node = new(0, Environment);

    private string ConnectionString => $"Data Source={Path.Combine(_node.DataFolder, "campaigns.db")};Pooling=False";

    /// <summary>What the file held undone at the kill: entries of the subscribed kinds not yet delivered, and first reminders not yet fired.</summary>
    private sealed record Pending(IReadOnlyList<(Guid Campaign, long Sequence)> Webhooks, IReadOnlyList<(Guid Campaign, DateTime DueAt)> Reminders);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task OneSqliteProcess_SigkilledWithRemindersAndWebhooksPending_DeliversThemAfterTheRestart_AndLosesNothing()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var token = timeout.Token;

        var (exitCode, printed, error) = await ApiProcess.RunAsync(
            new Dictionary<string, string?>(Environment) { ["Storage__DataFolder"] = _node.DataFolder }, ["create-key", "--principal", "sqlite-admin", "--roles", "admin"]);
        Assert.True(exitCode == 0, error);
        var key = printed.Trim().Split('\n')[^1].Trim();
        await _node.StartAsync();
        output.WriteLine($"{clock.Elapsed}: up");

        using var client = new ClusterClient([_node], key);
        await using var receiver = new WebhookReceiver();
        var subscription = await client.PostAsync(_node, "/api/v1/webhooks/subscriptions",
            new { url = receiver.Url, kinds = SubscribedKinds }, token, expected: System.Net.HttpStatusCode.Created);
        var secret = subscription.GetProperty("secret").GetString()!;
        using var stopFollowing = CancellationTokenSource.CreateLinkedTokenSource(token);
        // Nothing pending before the workload; the read also builds EF's model here, not in the moment before the kill.
        var before = await PendingAsync(token);
        Assert.True(before.Webhooks.Count == 0 && before.Reminders.Count == 0, "work pending before the workload");
        var follower = new FeedFollower(_node, key);
        var following = Task.Run(() => follower.RunAsync(stopFollowing.Token));

        var campaigns = new ConcurrentDictionary<int, string>();
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, CampaignCount));
        var killAt = CampaignCount * CampaignWorkload.CommandsPerCampaign * 2 / 5;
        var workers = Enumerable.Range(0, ClientCount).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var n)) campaigns[n] = await CampaignWorkload.RunCampaignAsync(client, KeyPrefix, n, token);
        }, token)).ToList();

        Pending atKill = new([], []);
        DateTime killedAt = default, restartedAt = default;
        int receivedBeforeRestart = 0, acknowledgedAtKill = 0;
        var chaos = Task.Run(async () =>
        {
            while (client.Acknowledged.Count < killAt) await Task.Delay(10, token);
            output.WriteLine($"{clock.Elapsed}: {client.Acknowledged.Count} acknowledged, waiting for the file to show pending work");
            // Killed once the file shows both kinds of work pending, so the kill is known to cut into them.
            var waitUntil = DateTime.UtcNow.AddSeconds(20);
            while (await PendingAsync(token) is { } now && (now.Webhooks.Count == 0 || now.Reminders.Count == 0) && DateTime.UtcNow < waitUntil)
                await Task.Delay(50, token);
            await _node.KillAsync();
            killedAt = DateTime.UtcNow;
            acknowledgedAtKill = client.Acknowledged.Count;
            atKill = await PendingAsync(token); // what the dead process left in the file is the truth
            output.WriteLine($"{clock.Elapsed}: SIGKILLed after {acknowledgedAtKill} acknowledged commands; "
                             + $"{atKill.Webhooks.Count} entries undelivered, {atKill.Reminders.Count} reminders unfired");
            // Down until the first pending reminder is due, so the restarted process finds it overdue.
            if (atKill.Reminders.Count > 0)
            {
                var wait = atKill.Reminders.Min(r => r.DueAt) - DateTime.UtcNow + TimeSpan.FromMilliseconds(300);
                if (wait > TimeSpan.Zero) await Task.Delay(wait < TimeSpan.FromSeconds(10) ? wait : TimeSpan.FromSeconds(10), token);
            }
            receivedBeforeRestart = receiver.Requests.Count;
            restartedAt = DateTime.UtcNow;
            await _node.StartAsync();
            output.WriteLine($"{clock.Elapsed}: started again on the same file");
        }, token);

        await Task.WhenAll(workers);
        await chaos;
        output.WriteLine($"{clock.Elapsed}: {client.Acknowledged.Count} commands acknowledged, {client.ConnectionFailures} sent again after a connection failure");

        Assert.True(acknowledgedAtKill < CampaignCount * CampaignWorkload.CommandsPerCampaign, "the kill came after the workload, not in it");
        Assert.NotEmpty(atKill.Webhooks);
        Assert.NotEmpty(atKill.Reminders);
        Assert.Contains(atKill.Reminders, r => r.DueAt < restartedAt);

        await using var db = Context();
        await ClusterChecks.AssertEachCommandAppliedOnceAsync(db, client, KeyPrefix, CampaignCount * CampaignWorkload.CommandsPerCampaign, token);
        Assert.Equal(CampaignCount, await db.Campaigns.CountAsync(token));
        var ids = campaigns.Values.Select(CampaignSteps.IdOf).ToList();
        await ClusterChecks.AssertChainsIntactAsync(client, [_node], ids, token);
        await ClusterChecks.AssertFollowersSawEachEntryOnceAsync(db, [follower], stopFollowing, [following], output, token);
        var reminded = await ClusterChecks.AssertRemindedOnceAsync(db, ids, token);
        await ClusterChecks.AssertWebhooksReceivedOnceAsync(db, receiver, secret, SubscribedKinds, output, token);

        // What was pending at the kill was done by the restarted process: each reminder fired after the kill, each entry sent after the restart.
        foreach (var (campaign, _) in atKill.Reminders)
            Assert.True(reminded.Single(r => r.Campaign == campaign).At > killedAt, $"campaign {campaign}'s reminder was pending at the kill but written before it");
        var sentAfterRestart = receiver.Requests.Skip(receivedBeforeRestart).Select(r => r.Headers["webhook-id"]).ToHashSet();
        foreach (var (campaign, sequence) in atKill.Webhooks)
            Assert.True(sentAfterRestart.Contains(WebhookDispatcher.MessageId(campaign, sequence)), $"entry {campaign}/{sequence} was pending at the kill but not sent after the restart");

        output.WriteLine($"{clock.Elapsed}: done");
        // About 40 s on an idle machine; the bound is for a loaded one, where each process start alone can take 30 s.
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"the run took {clock.Elapsed}");
    }

    /// <summary>Read straight from the SQLite file, as the process left it.</summary>
    private async Task<Pending> PendingAsync(CancellationToken token)
    {
        await using var db = Context();
        var outbox = await db.Outbox.AsNoTracking().Where(o => SubscribedKinds.Contains(o.Kind)).Select(o => new { o.CampaignId, o.Sequence }).ToListAsync(token);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Pending)
            .Select(d => new { d.CampaignId, d.Sequence }).ToListAsync(token);
        // A reminder row whose next number is 1 has not fired yet (a fired one moves on to the overdue reminders).
        var reminders = await db.Timers.AsNoTracking().Where(t => t.Kind == TimerRow.Reminder && t.TaskId == "studySummary:1" && t.Number == 1)
            .Select(t => new { t.CampaignId, t.DueAt }).ToListAsync(token);
        return new Pending(
            outbox.Concat(deliveries).Select(e => (e.CampaignId, e.Sequence)).Distinct().ToList(),
            reminders.Select(r => (r.CampaignId, r.DueAt)).ToList());
    }

    private CampaignDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(builder, DatabaseProvider.Sqlite, ConnectionString);
        return new CampaignDbContext(builder.Options);
    }
}
