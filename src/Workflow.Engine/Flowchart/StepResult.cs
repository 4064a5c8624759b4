using System.Collections.Immutable;
using Workflow.Engine.Activities;

namespace Workflow.Engine.Flowchart;

/// <summary>
/// What a command did: the new state and the events it caused, or why it was refused
/// (in which case the state is the one given, unchanged).
/// </summary>
public sealed record StepResult(WorkflowInstance State, ImmutableArray<WorkflowEvent> Events, Rejection? Rejection)
{
    public bool Accepted => Rejection is null;
}

/// <summary>Why a command was refused: a stable code, a sentence naming the task and state, and the values used.</summary>
public sealed record Rejection(
    string Code, string Message, IReadOnlyDictionary<string, string> Arguments, ImmutableArray<ResultFieldError> FieldErrors = default);

/// <summary>The stable codes of refused workflow commands.</summary>
public static class RejectionCodes
{
    public const string WorkflowNotRunning = "workflow.not_running";
    public const string TaskNotFound = "task.not_found";
    public const string TaskNotActive = "task.not_active";
    public const string ResultInvalid = "task.result_invalid";
    public const string AssigneeInvalid = "task.assignee_invalid";
    public const string InputsInvalid = "workflow.inputs_invalid";
    public const string TaskIsTimer = "task.is_timer";
    public const string TimerStale = "timer.stale";
    public const string ActivityNotFaulted = "activity.not_faulted";
}
