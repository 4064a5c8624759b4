namespace Workflow.Storage.History;

/// <summary>
/// One ledger entry: what happened to a campaign, who did it (and for whom), why, under which
/// definition version, and the hash chain that makes rewriting it detectable.
/// </summary>
public sealed class HistoryEntry
{
    /// <summary>Global order across campaigns, for the events feed.</summary>
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    /// <summary>1, 2, 3… per campaign, without gaps (unique with the campaign).</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public required string Actor { get; set; }
    public string? OnBehalfOf { get; set; }
    public string? Reason { get; set; }
    public string? IdempotencyKey { get; set; }
    public string? CorrelationId { get; set; }
    /// <summary>The campaign's organization, copied so auditors can filter by it with an index.</summary>
    public string? Organization { get; set; }

    /// <summary>The state before and after: the phase for transitions, the task's status for task actions.</summary>
    public string? BeforeState { get; set; }

    public string? AfterState { get; set; }

    /// <summary>Documents the entry points at, as a JSON array of <c>{uri, sha256}</c>.</summary>
    public string? Evidence { get; set; }

    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public string? PhaseId { get; set; }
    public string? TaskId { get; set; }

    /// <summary>The engine event as JSON.</summary>
    public required string Payload { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
