using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.Outbox;
using Workflow.Storage.Providers;

namespace Workflow.Api.Webhooks;

/// <summary>
/// The provider-specific parts of the dispatcher: which due deliveries this node may take (rows
/// another node holds are skipped, not waited for) and the lock that lets one node at a time fan the
/// outbox out. A delivery is due only when no earlier entry of its campaign is still pending for the
/// same subscription, so entries reach a subscriber in their campaign's order.
/// </summary>
internal static class DeliveryClaims
{
    private const long FanOutLockKey = 0x5765_6268_6F6F_6B31; // "Webhook1"

    /// <summary>Inside the caller's transaction: whether this node may fan out now. Serialized so that an entry's delivery is never committed before an earlier entry's of the same campaign.</summary>
    public static async Task<bool> TryLockFanOutAsync(CampaignDbContext db, CancellationToken cancellationToken)
    {
        var provider = DatabaseProviders.Of(db);
        if (provider == DatabaseProvider.PostgreSql)
            return (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({FanOutLockKey}) AS \"Value\"").ToListAsync(cancellationToken)).Single();
        if (provider == DatabaseProvider.SqlServer)
            return (await db.Database.SqlQuery<int>($"""
                DECLARE @result int;
                EXEC @result = sp_getapplock @Resource = N'webhook-fan-out', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 0;
                SELECT @result AS Value
                """).ToListAsync(cancellationToken)).Single() >= 0;
        // SQLite: one node, and its writes are serialized anyway.
        return true;
    }

    /// <summary>Inside the caller's transaction: the ids of up to <paramref name="limit"/> due deliveries, locked for this transaction on the server databases.</summary>
    public static async Task<List<long>> DueAsync(CampaignDbContext db, DateTime now, int limit, CancellationToken cancellationToken)
    {
        var provider = DatabaseProviders.Of(db);
        const int pending = (int)DeliveryStatus.Pending;
        if (provider == DatabaseProvider.PostgreSql)
            return await db.Database.SqlQuery<long>($"""
                SELECT d."Id" AS "Value" FROM webhook_deliveries d
                WHERE d."Status" = {pending} AND d."NextAttemptAt" <= {now} AND (d."ClaimedUntil" IS NULL OR d."ClaimedUntil" < {now})
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p."SubscriptionId" = d."SubscriptionId"
                      AND p."CampaignId" = d."CampaignId" AND p."Sequence" < d."Sequence" AND p."Status" = {pending})
                ORDER BY d."Id" LIMIT {limit}
                FOR UPDATE OF d SKIP LOCKED
                """).ToListAsync(cancellationToken);
        if (provider == DatabaseProvider.SqlServer)
            return await db.Database.SqlQuery<long>($"""
                SELECT TOP ({limit}) d.[Id] AS [Value] FROM [webhook_deliveries] d WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE d.[Status] = {pending} AND d.[NextAttemptAt] <= {now} AND (d.[ClaimedUntil] IS NULL OR d.[ClaimedUntil] < {now})
                  AND NOT EXISTS (SELECT 1 FROM [webhook_deliveries] p WHERE p.[SubscriptionId] = d.[SubscriptionId]
                      AND p.[CampaignId] = d.[CampaignId] AND p.[Sequence] < d.[Sequence] AND p.[Status] = {pending})
                ORDER BY d.[Id]
                """).ToListAsync(cancellationToken);
        return await db.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now)
                && !db.WebhookDeliveries.Any(p => p.SubscriptionId == d.SubscriptionId && p.CampaignId == d.CampaignId
                    && p.Sequence < d.Sequence && p.Status == DeliveryStatus.Pending))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
