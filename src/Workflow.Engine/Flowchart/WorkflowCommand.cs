using System.Text.Json;

namespace Workflow.Engine.Flowchart;

/// <summary>Something a person asks of a running phase workflow. The actor is who asks, already authenticated.</summary>
public abstract record WorkflowCommand(string Actor);

/// <summary>Complete a task instance with an outcome (a port, for reviews) and a structured result.</summary>
public sealed record CompleteTask(
    string Actor, string TaskId, string? Outcome, JsonElement? Result, string? Comment = null, string? OnBehalfOf = null) : WorkflowCommand(Actor);

/// <summary>Give an active task instance to someone else.</summary>
public sealed record ReassignTask(string Actor, string TaskId, string Assignee, string? Reason = null) : WorkflowCommand(Actor);

/// <summary>Stop the instance; active tasks are cancelled.</summary>
public sealed record CancelWorkflow(string Actor, string? Reason) : WorkflowCommand(Actor);

/// <summary>
/// Run a faulted activity instance again, at the same iteration and from the connection its token came in by, against the
/// instance's current inputs, variables and results. The campaign's incidents send it (see Incidents.IncidentEngine).
/// </summary>
public sealed record RetryActivity(string Actor, string ActivityId, int Iteration, int? Connection) : WorkflowCommand(Actor);

/// <summary>Treat a faulted activity instance as completed: it leaves by <see cref="Port"/> without running.</summary>
public sealed record SkipActivity(string Actor, string ActivityId, int Iteration, string Port) : WorkflowCommand(Actor);

/// <summary>What a timer is for.</summary>
public enum TimerKind
{
    Reminder,
    Escalation,
    Timeout,
    Delay,
}

/// <summary>
/// A timer of the host came due (the host's sweep sends it, with the time as every command has).
/// Accepted once per firing: a reminder only when it is the task's next one (<see cref="Number"/>),
/// an escalation only when the task is not escalated yet, a timeout or delay only while the task waits.
/// </summary>
public sealed record FireTimer(
    string Actor, TimerKind Kind, string TaskId, int Number = 0, string? Stage = null, string? EscalateTo = null) : WorkflowCommand(Actor);
