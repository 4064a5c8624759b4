namespace Workflow.Storage.Tasks;

/// <summary>
/// A task instance as the cross-campaign worklist sees it, kept in step with the campaign's
/// snapshot in the same transaction, so the worklist is a plain indexed query.
/// </summary>
public sealed class WorkItem
{
    public const int AssigneeMaxLength = 200;

    /// <summary>Activation order across campaigns: what the worklist pages by.</summary>
    public long Id { get; set; }

    public Guid CampaignId { get; set; }
    public required string PhaseId { get; set; }
    public int Round { get; set; }
    public required string TaskId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public string? Assignee { get; set; }

    /// <summary>active, completed or cancelled.</summary>
    public required string Status { get; set; }

    public DateTime ActivatedAt { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>Whom an overdue task was escalated to (a person or role), and when; the target's worklist shows it too.</summary>
    public string? EscalatedTo { get; set; }

    public DateTime? EscalatedAt { get; set; }
}
