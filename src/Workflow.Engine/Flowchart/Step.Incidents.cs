using Workflow.Engine.Values;

namespace Workflow.Engine.Flowchart;

/// <summary>Retrying and skipping a faulted activity instance: what an operator does about an incident.</summary>
internal sealed partial class Step
{
    /// <summary>
    /// Enters the activity again at the faulted iteration, as its token did: it reads the state as it is now, so data
    /// changed since (a result recorded on another branch) counts. A fault again is recorded again, in place of the first.
    /// </summary>
    public StepResult Retry(RetryActivity command)
    {
        if (NotFaulted(command.ActivityId, command.Iteration) is { } refused) return refused;
        // -1 when the fault was recorded before faults kept their connection: only a join reads it, and then as "none".
        Enter(workflow.Find(command.ActivityId)!, command.Connection ?? -1, command.Iteration);
        return Finish();
    }

    /// <summary>
    /// Leaves the activity by the port given without running it. A multi-instance task whose item list failed leaves
    /// with no unit results, as an empty list would; the caller has checked the port is one the activity has.
    /// </summary>
    public StepResult Skip(SkipActivity command)
    {
        if (NotFaulted(command.ActivityId, command.Iteration) is { } refused) return refused;
        var activity = workflow.Find(command.ActivityId)!;
        Leave(activity, command.Iteration, command.Port, activity.IsMultiInstance ? JsonValues.EmptyArray : null, null);
        return Finish();
    }

    private StepResult? NotFaulted(string activityId, int iteration) =>
        workflow.Find(activityId) is not null && State.Faults.Any(f => f.ActivityId == activityId && f.Iteration == iteration)
            ? null
            : FlowchartInterpreter.Refuse(State, RejectionCodes.ActivityNotFaulted,
                $"'{activityId}' (iteration {iteration}) has no fault to retry or skip in this phase workflow.",
                ("activityId", activityId), ("iteration", iteration.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
