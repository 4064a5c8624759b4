namespace Workflow.Storage.Timers;

/// <summary>
/// A durable timer: something that must happen to a campaign at a time (remind, escalate, time out
/// a task; end a delay; pass a phase deadline). Written by projection in the command's own
/// transaction; fired by the sweep, which removes or advances the row in the firing's transaction.
/// </summary>
public sealed class TimerRow
{
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";
    public const string Timeout = "timeout";
    public const string Delay = "delay";
    public const string PhaseDeadline = "phaseDeadline";

    /// <summary>Sweep order among timers due at the same time.</summary>
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    /// <summary>reminder, escalation, timeout, delay or phaseDeadline.</summary>
    public required string Kind { get; set; }

    public required string PhaseId { get; set; }
    public int Round { get; set; }

    /// <summary>The task instance (or delay) it is for; empty for a phase deadline.</summary>
    public required string TaskId { get; set; }

    /// <summary>When it fires next (UTC).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>For reminders, the number the next one will have (1, 2, …); the engine accepts only that one.</summary>
    public int Number { get; set; }

    /// <summary>What the firing needs (the schedule of a task's reminders, an escalation's target), as JSON.</summary>
    public string? Payload { get; set; }

    /// <summary>True while the campaign is suspended: a held timer is not swept.</summary>
    public bool Held { get; set; }

    public DateTime CreatedAt { get; set; }
}
