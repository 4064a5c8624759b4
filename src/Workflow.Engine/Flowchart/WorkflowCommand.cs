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
