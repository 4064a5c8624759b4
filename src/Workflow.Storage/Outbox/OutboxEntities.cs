namespace Workflow.Storage.Outbox;

/// <summary>
/// A ledger entry waiting to be fanned out to webhook subscriptions. Written in the command's own
/// transaction (see <see cref="LedgerOutbox"/>), one row per entry whatever the number of
/// subscriptions, and deleted once the dispatcher has turned it into deliveries.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The entry, by its stream and sequence: the entry's own id is not known before the insert.</summary>
    public Guid CampaignId { get; set; }

    public long Sequence { get; set; }
    public required string Kind { get; set; }
    public string? Organization { get; set; }
    public DateTime At { get; set; }
}

/// <summary>Where an admin wants ledger entries sent, signed with the subscription's secret.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public required string Url { get; set; }

    /// <summary>The ledger kinds sent, comma-separated.</summary>
    public required string Kinds { get; set; }

    public Guid? CampaignId { get; set; }
    public string? Organization { get; set; }

    /// <summary>The signing secret (<c>whsec_</c> + base64); the receiver needs it to verify, so it is kept as it is, not hashed.</summary>
    public required string Secret { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum DeliveryStatus
{
    Pending = 0,
    Succeeded = 1,
    Dead = 2,
}

/// <summary>One entry to one subscription: its attempts, its lease while a node sends it, and its outcome.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid CampaignId { get; set; }
    public long Sequence { get; set; }
    public required string Kind { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The node sending it now, and until when its claim holds (after that another node may take it over).</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>An in-app notification for one principal, derived from a ledger entry.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string Principal { get; set; }
    public DateTime At { get; set; }

    /// <summary>assignment, reminder, escalation, timeout, deadline or notification.</summary>
    public required string Kind { get; set; }

    public Guid CampaignId { get; set; }
    public long Sequence { get; set; }
    public string? TaskId { get; set; }
    public string? Subject { get; set; }
    public bool Read { get; set; }
}
