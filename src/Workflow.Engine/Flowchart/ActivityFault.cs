namespace Workflow.Engine.Flowchart;

/// <summary>An automatic activity that could not run (its expression failed); the branch stops there, visibly.</summary>
public sealed record ActivityFault(string ActivityId, int Iteration, string Code, string Message, DateTimeOffset At);
