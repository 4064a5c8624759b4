using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using Workflow.Api.Audit.Anchoring;
using Workflow.Api.History;
using Workflow.Api.Telemetry;
using Workflow.Storage;
using Workflow.Storage.Outbox;

namespace Workflow.Api.Webhooks;

/// <summary>
/// Turns outbox rows into deliveries for the subscriptions they match, then sends the due
/// deliveries, signed per Standard Webhooks. Every node runs one; claims (short transactions that
/// lease a row to this node) keep two nodes from sending the same delivery.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> options, IOptions<AnchoringOptions> anchoring, WorkflowTelemetry telemetry,
    ILogger<WebhookDispatcher> logger)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each send has its own timeout from the options
    };

    /// <summary>Names this node in its claims.</summary>
    public string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private WebhookOptions Options => options.Value;

    /// <summary>The webhook-id of an entry: the same on every attempt, so a receiver can drop repeats.</summary>
    public static string MessageId(Guid campaignId, long sequence) => $"msg_{campaignId:N}_{sequence.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One pass: fan out everything waiting, then send until nothing more is due now. Returns the number of sends attempted.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        while (await FanOutAsync(db, cancellationToken)) { }
        var sent = 0;
        // Sending an entry can make its campaign's next entry due, so claim again until nothing is due.
        for (var round = 0; round < 1000; round++)
        {
            var claimed = await ClaimAsync(db, cancellationToken);
            if (claimed.Count == 0) break;
            // Each claimed delivery is the oldest pending one of its campaign for its subscription, so they are independent and
            // go out side by side (one slow receiver does not hold up the rest); each send has its own context.
            var attempts = new System.Collections.Concurrent.ConcurrentBag<Attempt>();
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken },
                async (id, token) =>
                {
                    await using var sendScope = scopes.CreateAsyncScope();
                    if (await SendAsync(sendScope.ServiceProvider.GetRequiredService<CampaignDbContext>(), id, token) is { } attempt) attempts.Add(attempt);
                });
            // The outcomes in one transaction: one commit (one fsync on SQLite) per batch, not one per delivery.
            await RecordAsync(db, attempts, cancellationToken);
            sent += claimed.Count;
        }
        return sent;
    }

    /// <summary>What is still to send: entries not yet fanned out, and deliveries waiting for an attempt (due or backing off).</summary>
    public async Task<(long Outbox, long Pending)> DepthAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        return (await db.Outbox.LongCountAsync(cancellationToken),
            await db.WebhookDeliveries.LongCountAsync(d => d.Status == DeliveryStatus.Pending, cancellationToken));
    }

    private async Task<bool> FanOutAsync(CampaignDbContext db, CancellationToken cancellationToken)
    {
        // A plain read first: an idle node does not take a write transaction (on SQLite, the database's write lock) every pass.
        if (!await db.Outbox.AnyAsync(cancellationToken)) return false;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            if (!await DeliveryClaims.TryLockFanOutAsync(db, token)) return false;
            var batch = await db.Outbox.OrderBy(o => o.Id).Take(Options.BatchSize).ToListAsync(token);
            if (batch.Count == 0) return false;
            // Subscriptions are few (an admin makes each); the entries matched against them are a bounded batch.
            var subscriptions = await db.WebhookSubscriptions.AsNoTracking().ToListAsync(token);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var message in batch)
            foreach (var subscription in subscriptions.Where(s => Matches(s, message)))
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    SubscriptionId = subscription.Id, CampaignId = message.CampaignId, Sequence = message.Sequence, Kind = message.Kind,
                    Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                });
            db.Outbox.RemoveRange(batch);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            db.ChangeTracker.Clear();
            return batch.Count == Options.BatchSize;
        }, cancellationToken);
    }

    private static bool Matches(WebhookSubscription subscription, OutboxMessage message) =>
        subscription.Kinds.Split(',').Contains(message.Kind, StringComparer.Ordinal)
        && (subscription.CampaignId is null || subscription.CampaignId == message.CampaignId)
        && (subscription.Organization is null || subscription.Organization == message.Organization);

    private async Task<List<long>> ClaimAsync(CampaignDbContext db, CancellationToken cancellationToken)
    {
        var due = clock.GetUtcNow().UtcDateTime;
        if (!await db.WebhookDeliveries.AnyAsync(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= due, cancellationToken)) return [];
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = clock.GetUtcNow().UtcDateTime;
            // No more than this node can send (each send timing out, so many at a time) before its lease ends, so a claim does not lapse mid-batch.
            var limit = (int)Math.Clamp(Options.Concurrency * (Options.ClaimLease / Options.RequestTimeout), 1, Options.BatchSize);
            var ids = await DeliveryClaims.DueAsync(db, now, limit, token);
            if (ids.Count == 0) return ids;
            var until = now + Options.ClaimLease;
            await db.WebhookDeliveries.Where(d => ids.Contains(d.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, Node).SetProperty(d => d.ClaimedUntil, until), token);
            await transaction.CommitAsync(token);
            return ids;
        }, cancellationToken);
    }

    /// <summary>What one send came to, written back with the rest of its batch.</summary>
    private sealed record Attempt(
        long Id, DeliveryStatus Outcome, int Attempts, DateTime NextAttemptAt, int? StatusCode, string? Error, DateTime? CompletedAt);

    private async Task RecordAsync(CampaignDbContext db, IReadOnlyCollection<Attempt> attempts, CancellationToken cancellationToken)
    {
        if (attempts.Count == 0) return;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            foreach (var a in attempts)
                // Only while the claim is still ours: a node that lost its lease does not overwrite the one that took over.
                await db.WebhookDeliveries.Where(d => d.Id == a.Id && d.ClaimedBy == Node).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, a.Outcome).SetProperty(d => d.Attempts, a.Attempts).SetProperty(d => d.NextAttemptAt, a.NextAttemptAt)
                    .SetProperty(d => d.LastStatusCode, a.StatusCode).SetProperty(d => d.LastError, a.Error)
                    .SetProperty(d => d.CompletedAt, a.CompletedAt).SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null),
                    token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    private async Task<Attempt?> SendAsync(CampaignDbContext db, long id, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var entry = await db.History.AsNoTracking()
            .SingleOrDefaultAsync(h => h.CampaignId == delivery.CampaignId && h.Sequence == delivery.Sequence, cancellationToken);
        if (subscription is null || entry is null) return null; // deleted meanwhile (the delivery goes with its subscription)

        var attempt = delivery.Attempts + 1;
        int? status = null;
        string? error = null;
        var url = new Uri(subscription.Url);
        // A file URL is an anchor folder, which only the operator's configuration can name (the API takes http(s) only).
        var refused = url.IsFile ? !anchoring.Value.IsSink(url) : !Options.IsAllowed(url) && !anchoring.Value.IsSink(url);
        var payload = JsonSerializer.Serialize(new WebhookBody(entry.Kind, entry.At, HistoryEndpoints.View(entry)), JsonSerializerOptions.Web);
        var messageId = MessageId(entry.CampaignId, entry.Sequence);
        if (refused)
            error = url.IsFile ? $"The folder {url.LocalPath} is no longer in Anchoring:Sinks." : $"The host {url.Host} is no longer in Webhooks:AllowedHosts (nor the URL in Anchoring:Sinks).";
        else if (url.IsFile)
            error = await WriteFileAsync(url.LocalPath, messageId, payload, cancellationToken);
        else
        {
            var timestamp = clock.GetUtcNow();
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", messageId);
            request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", new StandardWebhook(subscription.Secret).Sign(messageId, timestamp, payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.RequestTimeout);
            try
            {
                using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)response.StatusCode;
                // A redirect is not followed: the receiver must be at the address the admin registered.
                if (status is < 200 or >= 300) error = $"The receiver answered {status}.";
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                error = exception is OperationCanceledException ? $"No answer within {Options.RequestTimeout.TotalSeconds:0} s." : exception.Message;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = error is null ? DeliveryStatus.Succeeded
            : attempt >= Options.MaxAttempts || refused ? DeliveryStatus.Dead : DeliveryStatus.Pending;
        var next = outcome == DeliveryStatus.Pending ? now + Options.Delay(attempt, Random.Shared.NextDouble()) : delivery.NextAttemptAt;
        DateTime? completed = outcome == DeliveryStatus.Pending ? null : now;
        telemetry.DeliveryAttempted(outcome switch { DeliveryStatus.Succeeded => "succeeded", DeliveryStatus.Dead => "dead", _ => "retrying" });
        if (error is not null) logger.LogInformation("Webhook delivery {Id} attempt {Attempt} failed: {Error}", id, attempt, error);
        return new Attempt(id, outcome, attempt, next, status, error is { Length: > 1000 } ? error[..1000] : error, completed);
    }

    /// <summary>
    /// A folder sink's delivery: the body as a file named by its webhook-id, written whole or not at all
    /// (a temporary file renamed over), so a repeat overwrites it with the same content.
    /// </summary>
    private static async Task<string?> WriteFileAsync(string folder, string messageId, string payload, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, messageId + ".json");
            var temporary = target + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            await File.WriteAllTextAsync(temporary, payload, cancellationToken);
            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"The folder could not be written: {exception.Message}";
        }
    }

    /// <summary>The body every delivery carries: the ledger kind, when it happened, and the entry as GET /api/v1/events shows it.</summary>
    public sealed record WebhookBody(string Type, DateTime Timestamp, HistoryEndpoints.LedgerEntryView Data);
}

/// <summary>The dispatcher's loop on this node.</summary>
public sealed class WebhookDispatcherService(
    WebhookDispatcher dispatcher, DispatcherStatus status, FeedWatcher feed, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookDispatcherService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        if (interval <= TimeSpan.Zero) return;
        status.Running = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var seen = feed.Head;
            try
            {
                var sent = await dispatcher.DispatchOnceAsync(stoppingToken);
                status.Passed(clock.GetUtcNow(), sent, await dispatcher.DepthAsync(stoppingToken));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database hiccup must not stop the loop; the outbox keeps what was not sent.
                logger.LogWarning(exception, "Webhook dispatch pass failed; trying again.");
            }
            try
            {
                // Woken early when the feed moves past what this pass saw (a commit on any server, seen within 100 ms), so a
                // delivery does not wait out the interval; the interval still paces retries and back-offs.
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var moved = feed.WaitPastAsync(seen, interval, wake.Token);
                await Task.WhenAny(moved, Task.Delay(interval, clock, wake.Token));
                await wake.CancelAsync();
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>
/// What /health/ready says of this node's dispatcher: whether its loop runs, its last pass, and the
/// outbox's depth it last measured, which is also the <c>workflow.outbox.depth</c> gauge.
/// </summary>
public sealed class DispatcherStatus
{
    private long _lastPassTicks;
    private long _outbox;
    private long _pending;

    public DispatcherStatus(WorkflowTelemetry telemetry) =>
        telemetry.Meter.CreateObservableGauge("workflow.outbox.depth", () => LastPassAt is null ? [] : new[]
        {
            new Measurement<long>(Interlocked.Read(ref _outbox), new KeyValuePair<string, object?>("stage", "outbox")),
            new Measurement<long>(Interlocked.Read(ref _pending), new KeyValuePair<string, object?>("stage", "delivery")),
        }, "{entry}", "Entries not yet fanned out to subscriptions (stage=outbox) and deliveries waiting for an attempt (stage=delivery), as this node's dispatcher last counted them");

    public bool Running { get; set; }

    public int LastSent { get; private set; }

    public DateTimeOffset? LastPassAt => Interlocked.Read(ref _lastPassTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public long OutboxDepth => Interlocked.Read(ref _outbox);

    public long PendingDeliveries => Interlocked.Read(ref _pending);

    public void Passed(DateTimeOffset at, int sent, (long Outbox, long Pending) depth)
    {
        LastSent = sent;
        Interlocked.Exchange(ref _outbox, depth.Outbox);
        Interlocked.Exchange(ref _pending, depth.Pending);
        Interlocked.Exchange(ref _lastPassTicks, at.UtcTicks);
    }
}
