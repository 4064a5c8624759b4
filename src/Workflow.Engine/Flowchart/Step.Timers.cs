using System.Collections.Immutable;
using Workflow.Engine.Activities;
using Workflow.Engine.Compilation;
using Workflow.Engine.Values;

namespace Workflow.Engine.Flowchart;

/// <summary>
/// Timers in a step: delays are reached here, and a <see cref="FireTimer"/> command moves a delay
/// on, reminds, escalates or times out a task. Each firing is accepted once (the state says whether
/// it happened already), so a timer that fires twice, on two nodes or after a crash, changes nothing the second time.
/// </summary>
internal sealed partial class Step
{
    public StepResult Fire(FireTimer command)
    {
        if (!State.Tasks.TryGetValue(command.TaskId, out var task) || task.Status != TaskInstanceStatus.Active)
            return Stale(command, "the task instance is no longer waiting");
        var activity = workflow.Find(task.ActivityId)!;
        var delay = IsDelay(task);
        if (delay != (command.Kind == TimerKind.Delay)) return Stale(command, "the timer does not fit the activity");
        switch (command.Kind)
        {
            case TimerKind.Delay:
                Emit(new DelayElapsed(now, task.Id, task.DueAt ?? now));
                Leave(activity, task.Iteration, ActivityDescriptor.DonePort, null, null);
                break;
            case TimerKind.Reminder:
                if (command.Number != task.Reminders + 1) return Stale(command, $"reminder {command.Number} is not the next (the task had {task.Reminders})");
                Emit(new TaskReminded(now, task.Id, command.Number, command.Stage ?? "due", task.DueAt, Recipients(task.Assignee)));
                break;
            case TimerKind.Escalation:
                if (task.EscalatedTo is not null) return Stale(command, $"the task was escalated to {task.EscalatedTo} already");
                if (string.IsNullOrWhiteSpace(command.EscalateTo)) return Stale(command, "the escalation names nobody");
                var to = command.EscalateTo.Trim();
                Emit(new TaskEscalated(now, task.Id, to, task.DueAt, Recipients(to, task.Assignee)));
                break;
            case TimerKind.Timeout:
                // Every unit of a multi-instance task shares the due time: they time out together, and the activity leaves once.
                var units = State.ActiveTasks.Where(t => t.ActivityId == task.ActivityId && t.Iteration == task.Iteration).ToList();
                foreach (var unit in units)
                {
                    Emit(new TaskTimedOut(now, unit.Id, unit.DueAt, Recipients(unit.Assignee)));
                    Emit(new TaskCancelled(now, unit.Id, $"Not done by its due time; '{activity.Id}' left by {ActivityDescriptor.TimeoutPort}."));
                }
                Leave(activity, task.Iteration, ActivityDescriptor.TimeoutPort, null, null);
                break;
        }
        return Finish();
    }

    /// <summary>Reaching a delay: it waits until its time, or goes on at once when that time has passed.</summary>
    internal void EnterDelay(CompiledActivity activity, int iteration)
    {
        var scope = Scope();
        DateTimeOffset? due = null;
        if (activity.Input(InputNames.DateTime)?.Evaluate(scope) is { Succeeded: true } until)
        {
            if (!Durations.TryParseInstant(JsonValues.AsString(until.Value), out var at))
            {
                Fault(activity, iteration, "flow.delay_invalid", $"The dateTime of '{activity.Id}' is not a time: {until.Value.GetRawText()}.");
                return;
            }
            due = at;
        }
        else if (activity.Input(InputNames.TimeSpan)?.Evaluate(scope) is { Succeeded: true } span)
        {
            if (!Durations.TryParse(JsonValues.AsString(span.Value), out var duration))
            {
                Fault(activity, iteration, "flow.delay_invalid", $"The timeSpan of '{activity.Id}' is not a duration: {span.Value.GetRawText()}.");
                return;
            }
            due = now + duration;
        }
        if (due is not { } dueAt)
        {
            Fault(activity, iteration, "flow.delay_invalid", $"The delay '{activity.Id}' has neither a timeSpan nor a dateTime it could evaluate.");
            return;
        }
        if (dueAt <= now)
        {
            Leave(activity, iteration, ActivityDescriptor.DonePort, null, null);
            return;
        }
        Emit(new DelayStarted(now, TaskInstanceIds.Format(activity.Id, iteration, null), activity.Id, iteration, dueAt));
    }

    private bool IsDelay(TaskInstance task) => workflow.Find(task.ActivityId)?.Descriptor.TypeName == TimerActivities.DelayType;

    private StepResult Stale(FireTimer command, string why) =>
        FlowchartInterpreter.Refuse(State, RejectionCodes.TimerStale,
            $"The {command.Kind.ToString().ToLowerInvariant()} timer of '{command.TaskId}' has nothing to do: {why}.",
            ("taskId", command.TaskId), ("kind", command.Kind.ToString()));

    private static ImmutableArray<string> Recipients(params string?[] names) =>
        [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).Distinct(StringComparer.Ordinal)];
}
