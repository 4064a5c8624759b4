using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Engine.Definitions;

namespace Workflow.Engine.Flowchart;

/// <summary>
/// Something that happened in a phase workflow instance. Events carry every value that was
/// decided (the port a decision took, the assignee and due time computed), so applying them
/// needs no expression and gives the same state every time.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(WorkflowStarted), "workflowStarted")]
[JsonDerivedType(typeof(TaskActivated), "taskActivated")]
[JsonDerivedType(typeof(TaskCompleted), "taskCompleted")]
[JsonDerivedType(typeof(TaskReassigned), "taskReassigned")]
[JsonDerivedType(typeof(TaskCancelled), "taskCancelled")]
[JsonDerivedType(typeof(ActivityCompleted), "activityCompleted")]
[JsonDerivedType(typeof(ActivityFaulted), "activityFaulted")]
[JsonDerivedType(typeof(JoinArrived), "joinArrived")]
[JsonDerivedType(typeof(VariableSet), "variableSet")]
[JsonDerivedType(typeof(FindingRecorded), "findingRecorded")]
[JsonDerivedType(typeof(NotificationRequested), "notificationRequested")]
[JsonDerivedType(typeof(WorkflowCompleted), "workflowCompleted")]
[JsonDerivedType(typeof(WorkflowCancelled), "workflowCancelled")]
[JsonDerivedType(typeof(DelayStarted), "delayStarted")]
[JsonDerivedType(typeof(DelayElapsed), "delayElapsed")]
[JsonDerivedType(typeof(TaskReminded), "taskReminded")]
[JsonDerivedType(typeof(TaskEscalated), "taskEscalated")]
[JsonDerivedType(typeof(TaskTimedOut), "taskTimedOut")]
public abstract record WorkflowEvent(DateTimeOffset At);

/// <summary>The instance began, with the inputs bound from the campaign and the variables' initial values.</summary>
public sealed record WorkflowStarted(
    DateTimeOffset At, DefinitionIdentity Workflow, string Actor,
    ImmutableSortedDictionary<string, JsonElement> Inputs, ImmutableSortedDictionary<string, JsonElement> Variables) : WorkflowEvent(At);

/// <summary>A task instance is waiting for its assignee. <see cref="Inputs"/> are the activity's literal inputs.</summary>
public sealed record TaskActivated(
    DateTimeOffset At, string TaskId, string ActivityId, string ActivityType, int Iteration, int? Unit,
    JsonElement? Item, string? Assignee, DateTimeOffset? DueAt, JsonElement Inputs) : WorkflowEvent(At);

/// <summary>A person completed a task instance with an outcome and a checked result.</summary>
public sealed record TaskCompleted(
    DateTimeOffset At, string TaskId, string Outcome, JsonElement Result, string Actor, string? OnBehalfOf, string? Comment) : WorkflowEvent(At);

/// <summary>A task instance was given to someone else.</summary>
public sealed record TaskReassigned(
    DateTimeOffset At, string TaskId, string? From, string To, string Actor, string? Reason) : WorkflowEvent(At);

/// <summary>A task instance was withdrawn (the phase ended, a WaitAny join fired, the campaign was cancelled).</summary>
public sealed record TaskCancelled(DateTimeOffset At, string TaskId, string Reason) : WorkflowEvent(At);

/// <summary>
/// An activity finished one iteration and left by <see cref="Port"/>. For tasks, <see cref="Result"/> is the
/// result gates read (an array of unit results for a multi-instance task); for automatic activities,
/// <see cref="Observed"/> holds the values their expression read.
/// </summary>
public sealed record ActivityCompleted(
    DateTimeOffset At, string ActivityId, int Iteration, string? Port, JsonElement? Result, JsonElement? Observed) : WorkflowEvent(At);

/// <summary>
/// An automatic activity's expression failed; the branch stops there. <see cref="Connection"/> is the connection the token
/// came in by (null in events written before incidents could be retried), so a retry enters the activity the same way.
/// </summary>
public sealed record ActivityFaulted(
    DateTimeOffset At, string ActivityId, int Iteration, string Code, string Message, int? Connection = null) : WorkflowEvent(At);

/// <summary>A branch reached a join that is still waiting for others.</summary>
public sealed record JoinArrived(DateTimeOffset At, string JoinId, int Connection, string From) : WorkflowEvent(At);

/// <summary>A workflow variable changed.</summary>
public sealed record VariableSet(DateTimeOffset At, string Name, JsonElement Value) : WorkflowEvent(At);

/// <summary>A finding (an opinion or a problem) was recorded from a task result.</summary>
public sealed record FindingRecorded(DateTimeOffset At, string FindingId, string SourceTaskId, JsonElement Finding) : WorkflowEvent(At);

/// <summary>A notification should be sent; delivering it is the host's job.</summary>
public sealed record NotificationRequested(
    DateTimeOffset At, string ActivityId, int Iteration, JsonElement Recipients, string? Subject, string? Message) : WorkflowEvent(At);

/// <summary>The flow reached an end.</summary>
public sealed record WorkflowCompleted(DateTimeOffset At, string EndActivityId) : WorkflowEvent(At);

/// <summary>The instance was cancelled.</summary>
public sealed record WorkflowCancelled(DateTimeOffset At, string Actor, string? Reason) : WorkflowEvent(At);

/// <summary>A delay was reached; it waits (as a task instance nobody can complete) until <see cref="DueAt"/>.</summary>
public sealed record DelayStarted(DateTimeOffset At, string TaskId, string ActivityId, int Iteration, DateTimeOffset DueAt) : WorkflowEvent(At);

/// <summary>A delay's time came (the host's timer said so); the flow leaves it by Done.</summary>
public sealed record DelayElapsed(DateTimeOffset At, string TaskId, DateTimeOffset DueAt) : WorkflowEvent(At);

/// <summary>
/// A reminder about an open task: <see cref="Stage"/> is beforeDue, due or overdue; <see cref="Number"/> counts the
/// task's reminders from 1. <see cref="Recipients"/> are whom to notify (the assignee when the reminder fired).
/// </summary>
public sealed record TaskReminded(
    DateTimeOffset At, string TaskId, int Number, string Stage, DateTimeOffset? DueAt, ImmutableArray<string> Recipients) : WorkflowEvent(At);

/// <summary>An overdue task was escalated to a person or role; the recipients are the target and the assignee.</summary>
public sealed record TaskEscalated(
    DateTimeOffset At, string TaskId, string To, DateTimeOffset? DueAt, ImmutableArray<string> Recipients) : WorkflowEvent(At);

/// <summary>A task with the timeout option was not done by its due time; it is withdrawn and its activity leaves by Timeout.</summary>
public sealed record TaskTimedOut(DateTimeOffset At, string TaskId, DateTimeOffset? DueAt, ImmutableArray<string> Recipients) : WorkflowEvent(At);
