using System.Collections.Immutable;
using System.Text.Json;

namespace Workflow.Engine.Flowchart;

/// <summary>
/// Applies events to state. This is the only code that changes a <see cref="WorkflowInstance"/>:
/// the interpreter decides events and then applies them here, and replay does the same.
/// </summary>
public static class WorkflowEvolver
{
    private static readonly ImmutableSortedDictionary<string, JsonElement> NoValues = ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Rebuilds an instance from its events, in order.</summary>
    public static WorkflowInstance Replay(IEnumerable<WorkflowEvent> events)
    {
        WorkflowInstance? state = null;
        foreach (var e in events) state = Apply(state, e);
        return state ?? throw new ArgumentException("There are no events to replay: an instance starts with a WorkflowStarted event.", nameof(events));
    }

    public static WorkflowInstance Apply(WorkflowInstance? state, WorkflowEvent e)
    {
        if (e is WorkflowStarted started)
            return new WorkflowInstance(
                started.Workflow, WorkflowStatus.Running, started.Inputs, started.Variables,
                ImmutableSortedDictionary.Create<string, TaskInstance>(StringComparer.Ordinal),
                ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal),
                ImmutableSortedDictionary.Create<string, ImmutableSortedSet<int>>(StringComparer.Ordinal),
                NoValues, [], [], 1);
        if (state is null) throw new InvalidOperationException($"A {e.GetType().Name} event cannot come before WorkflowStarted.");
        var next = e switch
        {
            TaskActivated a => state with
            {
                Tasks = state.Tasks.Add(a.TaskId, new TaskInstance(
                    a.TaskId, a.ActivityId, a.Iteration, a.Unit, state.EventCount, TaskInstanceStatus.Active, a.Assignee, a.At, a.DueAt, a.Item)),
                Iterations = state.Iterations.SetItem(a.ActivityId, Math.Max(a.Iteration, state.IterationOf(a.ActivityId))),
            },
            TaskCompleted c => WithTask(state, c.TaskId, t => t with
            {
                Status = TaskInstanceStatus.Completed, EndedAt = c.At, Outcome = c.Outcome, Result = c.Result, CompletedBy = c.Actor, Comment = c.Comment,
            }),
            TaskReassigned r => WithTask(state, r.TaskId, t => t with { Assignee = r.To }),
            TaskCancelled x => WithTask(state, x.TaskId, t => t with { Status = TaskInstanceStatus.Cancelled, EndedAt = x.At }),
            ActivityCompleted done => state with
            {
                Iterations = state.Iterations.SetItem(done.ActivityId, Math.Max(done.Iteration, state.IterationOf(done.ActivityId))),
                Results = done.Result is { } result ? state.Results.SetItem(done.ActivityId, result) : state.Results,
                JoinArrivals = state.JoinArrivals.Remove(done.ActivityId),
            },
            ActivityFaulted f => state with
            {
                Faults = state.Faults.Add(new ActivityFault(f.ActivityId, f.Iteration, f.Code, f.Message, f.At)),
                Iterations = state.Iterations.SetItem(f.ActivityId, Math.Max(f.Iteration, state.IterationOf(f.ActivityId))),
            },
            JoinArrived j => state with
            {
                JoinArrivals = state.JoinArrivals.SetItem(j.JoinId,
                    (state.JoinArrivals.GetValueOrDefault(j.JoinId) ?? ImmutableSortedSet<int>.Empty).Add(j.Connection)),
            },
            VariableSet v => state with { Variables = state.Variables.SetItem(v.Name, v.Value) },
            FindingRecorded f => state with { Findings = state.Findings.Add(f.Finding) },
            NotificationRequested => state,
            DelayStarted d => state with
            {
                Tasks = state.Tasks.Add(d.TaskId, new TaskInstance(
                    d.TaskId, d.ActivityId, d.Iteration, null, state.EventCount, TaskInstanceStatus.Active, null, d.At, d.DueAt, null)),
                Iterations = state.Iterations.SetItem(d.ActivityId, Math.Max(d.Iteration, state.IterationOf(d.ActivityId))),
            },
            DelayElapsed d => WithTask(state, d.TaskId, t => t with { Status = TaskInstanceStatus.Completed, EndedAt = d.At, Outcome = Activities.ActivityDescriptor.DonePort }),
            TaskReminded r => WithTask(state, r.TaskId, t => t with { Reminders = r.Number }),
            TaskEscalated x => WithTask(state, x.TaskId, t => t with { EscalatedTo = x.To, EscalatedAt = x.At }),
            // The TaskCancelled that follows withdraws it; the outcome says why.
            TaskTimedOut o => WithTask(state, o.TaskId, t => t with { Outcome = Activities.ActivityDescriptor.TimeoutPort }),
            WorkflowCompleted => state with { Status = WorkflowStatus.Completed },
            WorkflowCancelled => state with { Status = WorkflowStatus.Cancelled },
            _ => throw new InvalidOperationException($"Unknown event {e.GetType().Name}."),
        };
        return next with { EventCount = state.EventCount + 1 };
    }

    private static WorkflowInstance WithTask(WorkflowInstance state, string taskId, Func<TaskInstance, TaskInstance> change) =>
        state.Tasks.TryGetValue(taskId, out var task)
            ? state with { Tasks = state.Tasks.SetItem(taskId, change(task)) }
            : throw new InvalidOperationException($"The event names task instance '{taskId}', which this workflow instance does not have.");
}
