using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Workflow.Engine.Activities;
using Workflow.Engine.Compilation;
using Workflow.Engine.Expressions;
using Workflow.Engine.Values;

namespace Workflow.Engine.Flowchart;

/// <summary>
/// One command's worth of interpretation. Decides each event, applies it at once (so later
/// decisions see it), and moves tokens along connections until every branch waits for a person.
/// </summary>
internal sealed partial class Step(CompiledWorkflow workflow, WorkflowInstance? state, DateTimeOffset now)
{
    /// <summary>A guard against loops of automatic activities, which validation already forbids.</summary>
    private const int MaxAutomaticRuns = 10_000;

    private readonly ImmutableArray<WorkflowEvent>.Builder _events = ImmutableArray.CreateBuilder<WorkflowEvent>();
    private readonly Queue<(int Connection, int Target)> _tokens = new();
    private WorkflowInstance? _state = state;
    private int _automaticRuns;

    /// <summary>The connection the activity being entered was reached by, for the fault it may record.</summary>
    private int? _entering;

    private WorkflowInstance State => _state!;

    public void Emit(WorkflowEvent e)
    {
        _events.Add(e);
        _state = WorkflowEvolver.Apply(_state, e);
    }

    public StepResult Finish()
    {
        while (_tokens.Count > 0 && State.Status == WorkflowStatus.Running)
        {
            var (connection, target) = _tokens.Dequeue();
            Enter(workflow.Activities[target], connection);
        }
        return new StepResult(State, _events.ToImmutable(), null);
    }

    public void Leave(CompiledActivity activity, int iteration, string? port, JsonElement? result, JsonElement? observed)
    {
        Emit(new ActivityCompleted(now, activity.Id, iteration, port, result, observed));
        if (port is not null && activity.Outgoing.TryGetValue(port, out var outgoing))
            foreach (var token in outgoing) _tokens.Enqueue(token);
    }

    public StepResult Complete(CompleteTask command)
    {
        if (Refusal(command.TaskId) is { } refused) return refused;
        var task = State.Tasks[command.TaskId];
        var activity = workflow.Find(task.ActivityId)!;
        var check = ResultChecker.Check(activity.Descriptor, command.Outcome, command.Result);
        if (!check.IsValid)
            return new StepResult(State, [], new Rejection(RejectionCodes.ResultInvalid,
                $"The result for task instance '{task.Id}' is not valid: {string.Join(" ", check.Errors.Select(e => e.Message))}",
                new Dictionary<string, string> { ["taskId"] = task.Id, ["activityType"] = activity.Descriptor.TypeName },
                check.Errors));

        Emit(new TaskCompleted(now, task.Id, check.Port, check.Result, command.Actor, command.OnBehalfOf, command.Comment));
        RecordFindings(task, check.Result);
        var units = State.Tasks.Values.Where(t => t.ActivityId == task.ActivityId && t.Iteration == task.Iteration).ToList();
        if (units.Any(t => t.Status == TaskInstanceStatus.Active)) return Finish();
        var result = task.Unit is null
            ? check.Result
            : JsonValues.Array(units.Where(t => t.Status == TaskInstanceStatus.Completed).OrderBy(t => t.Unit).Select(t => t.Result!.Value));
        Leave(activity, task.Iteration, task.Unit is null ? check.Port : ActivityDescriptor.DonePort, result, null);
        return Finish();
    }

    public StepResult Reassign(ReassignTask command)
    {
        if (Refusal(command.TaskId) is { } refused) return refused;
        var assignee = command.Assignee.Trim();
        if (assignee.Length == 0)
            return FlowchartInterpreter.Refuse(State, RejectionCodes.AssigneeInvalid,
                $"Task instance '{command.TaskId}' cannot be given to nobody; name a person or a role.", ("taskId", command.TaskId));
        Emit(new TaskReassigned(now, command.TaskId, State.Tasks[command.TaskId].Assignee, assignee, command.Actor, command.Reason));
        return Finish();
    }

    public StepResult Cancel(CancelWorkflow command)
    {
        CancelActive($"The phase workflow was cancelled by {command.Actor}.");
        Emit(new WorkflowCancelled(now, command.Actor, command.Reason));
        return Finish();
    }

    private StepResult? Refusal(string taskId)
    {
        if (!State.Tasks.TryGetValue(taskId, out var task) && Superseded(taskId) is { } latest)
            return FlowchartInterpreter.Refuse(State, RejectionCodes.TaskNotActive,
                $"Task instance '{taskId}' is already ended (its activity has gone on to iteration {latest}); it cannot be changed.",
                ("taskId", taskId), ("status", "Ended"));
        if (task is null)
            return FlowchartInterpreter.Refuse(State, RejectionCodes.TaskNotFound,
                $"There is no task instance '{taskId}' in this phase workflow.", ("taskId", taskId));
        if (IsDelay(task))
            return FlowchartInterpreter.Refuse(State, RejectionCodes.TaskIsTimer,
                $"'{taskId}' is a delay, not a task: it moves on by itself when its time comes.", ("taskId", taskId));
        if (task.Status == TaskInstanceStatus.Active) return null;
        var when = task.EndedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "";
        return FlowchartInterpreter.Refuse(State, RejectionCodes.TaskNotActive,
            $"Task instance '{taskId}' is already {task.Status.ToString().ToLowerInvariant()} (since {when}); it cannot be changed.",
            ("taskId", taskId), ("status", task.Status.ToString()));
    }

    /// <summary>
    /// The latest iteration of the activity, when the id names an older one the state no longer keeps (it ended and was
    /// superseded, see <see cref="WorkflowEvolver"/>); null when the id names no instance this workflow ever had.
    /// </summary>
    private int? Superseded(string taskId)
    {
        if (!TaskInstanceIds.TryParse(taskId, out var activityId, out var iteration, out _)) return null;
        var latest = State.Tasks.Values.Where(t => t.ActivityId == activityId).Select(t => t.Iteration).DefaultIfEmpty(0).Max();
        return iteration >= 1 && iteration < latest ? latest : null;
    }

    /// <param name="iteration">The iteration to run; null for the next one (a retry runs the faulted one again).</param>
    private void Enter(CompiledActivity activity, int connection, int? iteration = null)
    {
        _entering = connection;
        switch (activity.Kind)
        {
            case ActivityKind.Task:
                Activate(activity, iteration);
                break;
            case ActivityKind.End:
                Emit(new ActivityCompleted(now, activity.Id, State.IterationOf(activity.Id) + 1, null, null, null));
                CancelActive($"The phase workflow reached its end '{activity.Id}'.");
                Emit(new WorkflowCompleted(now, activity.Id));
                break;
            case ActivityKind.Automatic when ++_automaticRuns > MaxAutomaticRuns:
                Fault(activity, iteration ?? State.IterationOf(activity.Id) + 1, "flow.step_limit",
                    $"More than {MaxAutomaticRuns} automatic activities ran in one step; '{activity.Id}' was stopped.");
                break;
            case ActivityKind.Automatic:
                AutomaticActivities.Run(this, activity, connection, iteration ?? State.IterationOf(activity.Id) + 1);
                break;
        }
    }

    private void Activate(CompiledActivity activity, int? again)
    {
        var iteration = again ?? State.IterationOf(activity.Id) + 1;
        if (!activity.IsMultiInstance)
        {
            ActivateUnit(activity, iteration, null, null);
            return;
        }
        var items = activity.Input(InputNames.ForEach)!.Evaluate(Scope());
        if (!items.Succeeded || items.Value.ValueKind != JsonValueKind.Array)
        {
            Fault(activity, iteration, items.ErrorCode ?? "expression.not_array",
                items.ErrorMessage ?? $"The 'forEach' of '{activity.Id}' must give an array.");
            return;
        }
        var unit = 0;
        foreach (var item in items.Value.EnumerateArray()) ActivateUnit(activity, iteration, unit++, item.Clone());
        if (unit == 0) Leave(activity, iteration, ActivityDescriptor.DonePort, JsonValues.EmptyArray, null);
    }

    private void ActivateUnit(CompiledActivity activity, int iteration, int? unit, JsonElement? item)
    {
        var scope = Scope(item, unit);
        var assignee = activity.Input(InputNames.Assignee) is { } a && a.Evaluate(scope) is { Succeeded: true } who
            ? JsonValues.AsString(who.Value)
            : null;
        Emit(new TaskActivated(now, TaskInstanceIds.Format(activity.Id, iteration, unit), activity.Id, activity.Descriptor.TypeName,
            iteration, unit, item, string.IsNullOrWhiteSpace(assignee) ? null : assignee, DueAt(activity, scope), activity.LiteralInputs));
    }

    private DateTimeOffset? DueAt(CompiledActivity activity, ExpressionScope scope)
    {
        if (activity.Input(InputNames.DueDate) is { } dueDate
            && JsonValues.AsString(dueDate.Evaluate(scope).Value) is { } text
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (activity.Input(InputNames.DueInDays) is { } days
            && days.Evaluate(scope) is { Succeeded: true, Value.ValueKind: JsonValueKind.Number } count)
            return now.AddDays(count.Value.GetDouble());
        return null;
    }

    private void RecordFindings(TaskInstance task, JsonElement result)
    {
        if (!result.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array) return;
        var index = 0;
        foreach (var finding in findings.EnumerateArray())
        {
            var id = $"{task.Id}/{++index}";
            var stored = JsonValues.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("sourceTaskId", task.Id);
                foreach (var property in finding.EnumerateObject()) property.WriteTo(writer);
                writer.WriteEndObject();
            });
            Emit(new FindingRecorded(now, id, task.Id, stored));
        }
    }

    internal void CancelActive(string reason, Func<TaskInstance, bool>? which = null)
    {
        foreach (var task in State.ActiveTasks.ToList())
            if (which is null || which(task)) Emit(new TaskCancelled(now, task.Id, reason));
    }

    internal void Fault(CompiledActivity activity, int iteration, string code, string message) =>
        Emit(new ActivityFaulted(now, activity.Id, iteration, code, message, _entering));

    internal void Enqueue((int Connection, int Target) token) => _tokens.Enqueue(token);

    internal void DropTokens(Func<int, bool> target)
    {
        var kept = _tokens.Where(t => !target(t.Target)).ToList();
        _tokens.Clear();
        foreach (var token in kept) _tokens.Enqueue(token);
    }

    internal ExpressionScope Scope(JsonElement? item = null, int? index = null) =>
        new(State.Inputs, State.Variables, State.Results, State.Findings, item, index);

    internal WorkflowInstance Current => State;

    internal CompiledWorkflow Workflow => workflow;

    internal DateTimeOffset Now => now;
}
