using System.Text.Json;

namespace Workflow.Engine.Flowchart;

/// <summary>What became of a task instance.</summary>
public enum TaskInstanceStatus
{
    Active,
    Completed,
    Cancelled,
}

/// <summary>
/// One run of a task activity: for one iteration of the flow through it and, for a multi-instance
/// activity, one unit (one party group, one finding). Its id names all three, so a late retry of
/// the first draft can never complete the second.
/// </summary>
public sealed record TaskInstance(
    string Id,
    string ActivityId,
    int Iteration,
    int? Unit,
    long Sequence,
    TaskInstanceStatus Status,
    string? Assignee,
    DateTimeOffset ActivatedAt,
    DateTimeOffset? DueAt,
    JsonElement? Item,
    DateTimeOffset? EndedAt = null,
    string? Outcome = null,
    JsonElement? Result = null,
    string? CompletedBy = null,
    string? Comment = null,
    int Reminders = 0,
    string? EscalatedTo = null,
    DateTimeOffset? EscalatedAt = null)
{
    /// <summary>Active and past its due time. Time is a parameter: the engine never reads a clock.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == TaskInstanceStatus.Active && DueAt is { } due && due < now;
}
