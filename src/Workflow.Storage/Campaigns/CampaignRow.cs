namespace Workflow.Storage.Campaigns;

/// <summary>
/// A campaign as stored: searchable columns, the engine state as a JSON snapshot (so loading never
/// replays the history), the version that guards concurrent writers, and the head of its ledger.
/// </summary>
public sealed class CampaignRow : History.IHistoryHead
{
    public const int NameMaxLength = 400;
    public const int OrganizationMaxLength = 200;

    /// <summary>The storage key, in creation order: what list paging walks.</summary>
    public long Number { get; set; }

    /// <summary>The public id, used in URLs and the ledger.</summary>
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Organization { get; set; }
    public required string TemplateId { get; set; }
    public int TemplateVersion { get; set; }

    /// <summary>The phase id, or one of the engine's <c>$</c> states.</summary>
    public required string State { get; set; }

    /// <summary>notStarted, running, suspended, completed or cancelled: what list filters use.</summary>
    public required string Status { get; set; }

    public required string StateJson { get; set; }

    /// <summary>Application-managed concurrency token; also the ETag.</summary>
    public long Version { get; set; }

    /// <summary>The sequence of the newest history entry (0 when there is none).</summary>
    public long HistoryCount { get; set; }

    /// <summary>The hash of the newest history entry: the head of the chain.</summary>
    public required string HistoryHead { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}
