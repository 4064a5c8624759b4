using System.Text.Json;
using Workflow.Engine.Activities;
using Workflow.Engine.Compilation;
using Workflow.Engine.Expressions;
using Workflow.Engine.Values;

namespace Workflow.Engine.Flowchart;

/// <summary>The activities that run the moment a token reaches them: decisions, forks, joins, variables, notifications.</summary>
internal static class AutomaticActivities
{
    public static void Run(Step step, CompiledActivity activity, int connection, int iteration)
    {
        switch (activity.Descriptor.TypeName)
        {
            case "Elsa.FlowDecision":
                Decide(step, activity, iteration);
                break;
            case "Elsa.FlowFork":
                step.Emit(new ActivityCompleted(step.Now, activity.Id, iteration, null, null, null));
                foreach (var port in ConnectionResolver.Ports(activity))
                    if (activity.Outgoing.TryGetValue(port, out var outgoing))
                        foreach (var token in outgoing) step.Enqueue(token);
                break;
            case "Elsa.FlowJoin":
                Join(step, activity, connection, iteration);
                break;
            case "Elsa.SetVariable":
                SetVariable(step, activity, iteration);
                break;
            case TimerActivities.DelayType:
                step.EnterDelay(activity, iteration);
                break;
            case "Campaign.Notification":
                Notify(step, activity, iteration);
                break;
            default:
                step.Fault(activity, iteration, "flow.activity_unsupported", $"The interpreter cannot run '{activity.Descriptor.TypeName}'.");
                break;
        }
    }

    private static void Decide(Step step, CompiledActivity activity, int iteration)
    {
        var condition = activity.Input(InputNames.Condition)!;
        var scope = step.Scope();
        var outcome = condition.EvaluateBoolean(scope);
        if (!outcome.Succeeded)
        {
            step.Fault(activity, iteration, outcome.ErrorCode!, $"The condition of '{activity.Id}' failed: {outcome.ErrorMessage}");
            return;
        }
        var port = outcome.Value.ValueKind == JsonValueKind.True ? "True" : "False";
        step.Leave(activity, iteration, port, null, Observed(condition, scope));
    }

    private static void Join(Step step, CompiledActivity join, int connection, int iteration)
    {
        if (join.IsWaitAll)
        {
            var arrived = step.Current.JoinArrivals.GetValueOrDefault(join.Id);
            if (join.Inbound.All(c => c == connection || (arrived?.Contains(c) ?? false)))
            {
                step.Leave(join, iteration, ActivityDescriptor.DonePort, null, null);
                return;
            }
            step.Emit(new JoinArrived(step.Now, join.Id, connection, step.Workflow.ConnectionSources[connection]));
            return;
        }
        // WaitAny: the first branch wins; the others' pending tasks are withdrawn so they cannot arrive later.
        var losers = join.CancelledWhenJoined.Select(i => step.Workflow.Activities[i].Id).ToHashSet(StringComparer.Ordinal);
        step.CancelActive($"The join '{join.Id}' fired on the first branch to arrive.", t => losers.Contains(t.ActivityId));
        step.DropTokens(target => join.CancelledWhenJoined.Contains(target) || target == join.Index);
        step.Leave(join, iteration, ActivityDescriptor.DonePort, null, null);
    }

    private static void SetVariable(Step step, CompiledActivity activity, int iteration)
    {
        var name = JsonValues.AsString(activity.Input(InputNames.Variable)!.Literal)!;
        var value = activity.Input(InputNames.Value)!.Evaluate(step.Scope());
        if (!value.Succeeded)
        {
            step.Fault(activity, iteration, value.ErrorCode!, $"The value for '{name}' in '{activity.Id}' failed: {value.ErrorMessage}");
            return;
        }
        step.Emit(new VariableSet(step.Now, name, value.Value));
        step.Leave(activity, iteration, ActivityDescriptor.DonePort, null, null);
    }

    private static void Notify(Step step, CompiledActivity activity, int iteration)
    {
        var scope = step.Scope();
        var recipients = activity.Input(InputNames.Recipients)?.Evaluate(scope) is { Succeeded: true } r ? r.Value : JsonValues.Null;
        var subject = activity.Input(InputNames.Subject)?.Evaluate(scope) is { Succeeded: true } s ? JsonValues.AsString(s.Value) : null;
        var message = activity.Input(InputNames.Message)?.Evaluate(scope) is { Succeeded: true } m ? JsonValues.AsString(m.Value) : null;
        step.Emit(new NotificationRequested(step.Now, activity.Id, iteration, recipients, subject, message));
        step.Leave(activity, iteration, ActivityDescriptor.DonePort, null, null);
    }

    /// <summary>The values an expression read, by path, so the ledger shows why a decision went the way it did.</summary>
    internal static JsonElement? Observed(CompiledValue value, ExpressionScope scope)
    {
        if (value.Expression is not { } expression || expression.ReadPaths.IsEmpty) return null;
        return JsonValues.Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var path in expression.ReadPaths)
            {
                writer.WritePropertyName(path.ToString());
                if (scope.TryResolve(path, out var seen)) seen.WriteTo(writer);
                else writer.WriteNullValue();
            }
            writer.WriteEndObject();
        });
    }
}
