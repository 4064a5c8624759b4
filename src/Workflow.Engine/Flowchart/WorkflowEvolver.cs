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
            TaskActivated a => Prune(Cleared(state, a.ActivityId, a.Iteration) with
            {
                Tasks = state.Tasks.Add(a.TaskId, new TaskInstance(
                    a.TaskId, a.ActivityId, a.Iteration, a.Unit, state.EventCount, TaskInstanceStatus.Active, a.Assignee, a.At, a.DueAt, a.Item)),
                Iterations = state.Iterations.SetItem(a.ActivityId, Math.Max(a.Iteration, state.IterationOf(a.ActivityId))),
            }, a.ActivityId),
            TaskCompleted c => WithTask(state, c.TaskId, t => t with
            {
                Status = TaskInstanceStatus.Completed, EndedAt = c.At, Outcome = c.Outcome, Result = c.Result, CompletedBy = c.Actor, Comment = c.Comment,
            }),
            TaskReassigned r => WithTask(state, r.TaskId, t => t with { Assignee = r.To }),
            TaskCancelled x => Prune(WithTask(state, x.TaskId, t => t with { Status = TaskInstanceStatus.Cancelled, EndedAt = x.At }), state.Tasks[x.TaskId].ActivityId),
            ActivityCompleted done => Prune(Cleared(state, done.ActivityId, done.Iteration) with
            {
                Iterations = state.Iterations.SetItem(done.ActivityId, Math.Max(done.Iteration, state.IterationOf(done.ActivityId))),
                Results = done.Result is { } result ? state.Results.SetItem(done.ActivityId, result) : state.Results,
                JoinArrivals = state.JoinArrivals.Remove(done.ActivityId),
            }, done.ActivityId),
            ActivityFaulted f => state with
            {
                Faults = Cleared(state, f.ActivityId, f.Iteration).Faults.Add(new ActivityFault(f.ActivityId, f.Iteration, f.Code, f.Message, f.At)),
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
            DelayStarted d => Prune(state with
            {
                Tasks = state.Tasks.Add(d.TaskId, new TaskInstance(
                    d.TaskId, d.ActivityId, d.Iteration, null, state.EventCount, TaskInstanceStatus.Active, null, d.At, d.DueAt, null)),
                Iterations = state.Iterations.SetItem(d.ActivityId, Math.Max(d.Iteration, state.IterationOf(d.ActivityId))),
            }, d.ActivityId),
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

    /// <summary>
    /// The state with every activity pruned as <see cref="Prune"/> does after each event: what a snapshot written
    /// before instances were pruned becomes, and what replaying its ledger gives.
    /// </summary>
    public static WorkflowInstance Compact(WorkflowInstance state) =>
        state.Tasks.Values.Select(t => t.ActivityId).Distinct(StringComparer.Ordinal).Aggregate(state, Prune);

    /// <summary>
    /// Drops the ended instances of an activity that a newer iteration has superseded, once no unit of their iteration
    /// is still open. Nothing the engine decides reads them (gates and expressions read <see cref="WorkflowInstance.Results"/>,
    /// the latest result per activity); they live on in the ledger and the task-instance table. Each activity keeps its
    /// latest iteration, so the state grows with the definition, never with how often a loop went round. Run when an
    /// instance is added (a newer iteration), cancelled, or its activity completes (a multi-instance task has gathered its
    /// units' results by then).
    /// </summary>
    private static WorkflowInstance Prune(WorkflowInstance state, string activityId)
    {
        var instances = state.Tasks.Values.Where(t => t.ActivityId == activityId).ToList();
        if (instances.Count < 2) return state;
        var latest = instances.Max(t => t.Iteration);
        var open = instances.Where(t => t.Status == TaskInstanceStatus.Active).Select(t => t.Iteration).ToHashSet();
        var superseded = instances.Where(t => t.Iteration < latest && !open.Contains(t.Iteration)).Select(t => t.Id).ToList();
        return superseded.Count == 0 ? state : state with { Tasks = state.Tasks.RemoveRange(superseded) };
    }

    /// <summary>
    /// Without the fault of that activity instance: it ran after all (a retry went through, or it was skipped), or it
    /// faulted again and the new fault takes its place. Before incidents an iteration never ran twice, so older ledgers
    /// replay as they did.
    /// </summary>
    private static WorkflowInstance Cleared(WorkflowInstance state, string activityId, int iteration) =>
        state.Faults.Any(f => f.ActivityId == activityId && f.Iteration == iteration)
            ? state with { Faults = state.Faults.RemoveAll(f => f.ActivityId == activityId && f.Iteration == iteration) }
            : state;

    private static WorkflowInstance WithTask(WorkflowInstance state, string taskId, Func<TaskInstance, TaskInstance> change) =>
        state.Tasks.TryGetValue(taskId, out var task)
            ? state with { Tasks = state.Tasks.SetItem(taskId, change(task)) }
            : throw new InvalidOperationException($"The event names task instance '{taskId}', which this workflow instance does not have.");
}
