using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Definitions;

namespace Workflow.Engine.Flowchart;

/// <summary>Where a phase workflow instance is.</summary>
public enum WorkflowStatus
{
    Running,
    Completed,
    Cancelled,
}

/// <summary>
/// The state of one phase workflow instance. Immutable, and nothing but the fold of its events
/// (<see cref="WorkflowEvolver.Apply"/>), so replaying the ledger rebuilds it exactly.
/// </summary>
public sealed record WorkflowInstance(
    DefinitionIdentity Workflow,
    WorkflowStatus Status,
    ImmutableSortedDictionary<string, JsonElement> Inputs,
    ImmutableSortedDictionary<string, JsonElement> Variables,
    ImmutableSortedDictionary<string, TaskInstance> Tasks,
    ImmutableSortedDictionary<string, int> Iterations,
    ImmutableSortedDictionary<string, ImmutableSortedSet<int>> JoinArrivals,
    ImmutableSortedDictionary<string, JsonElement> Results,
    ImmutableArray<JsonElement> Findings,
    ImmutableArray<ActivityFault> Faults,
    long EventCount)
{
    /// <summary>The task instances still waiting for someone, in the order they were activated.</summary>
    public IEnumerable<TaskInstance> ActiveTasks => Tasks.Values.Where(t => t.Status == TaskInstanceStatus.Active).OrderBy(t => t.Sequence);

    /// <summary>The latest iteration the activity has reached, 0 if never.</summary>
    public int IterationOf(string activityId) => Iterations.GetValueOrDefault(activityId);
}
