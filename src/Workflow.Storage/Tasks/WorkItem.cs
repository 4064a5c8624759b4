namespace Workflow.Storage.Tasks;

/// <summary>
/// A task instance, one row per instance ever activated, kept in step with the campaign's snapshot in the same
/// transaction: the cross-campaign worklist is a plain indexed query over it, and it is where an instance lives
/// on with its result once the snapshot lets go of it (a newer iteration of its activity superseded it).
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

    /// <summary>For a unit of a multi-instance task, the item it is for (JSON: a party group, a member).</summary>
    public string? ItemJson { get; set; }

    /// <summary>The port the instance left by (the outcome chosen, or Timeout).</summary>
    public string? Outcome { get; set; }

    /// <summary>The checked result (JSON) of a completed instance.</summary>
    public string? ResultJson { get; set; }

    public string? CompletedBy { get; set; }
    public string? OnBehalfOf { get; set; }
    public string? Comment { get; set; }

    /// <summary>How many reminders the instance has had.</summary>
    public int Reminders { get; set; }
}
