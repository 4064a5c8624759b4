using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Definitions;
using Workflow.Engine.Expressions;
using Workflow.Engine.Flowchart;

namespace Workflow.Engine.Gates;

/// <summary>
/// Evaluates gates against a phase workflow's state. This is where the work happens; the phase
/// machine's guards only read the snapshot made here.
/// </summary>
public static class GateEvaluator
{
    public static ImmutableArray<GateResult> Evaluate(IEnumerable<CompiledGate> gates, WorkflowInstance instance) =>
        [.. gates.Select(g => Evaluate(g, instance))];

    public static GateResult Evaluate(CompiledGate gate, WorkflowInstance instance)
    {
        var scope = new ExpressionScope(instance.Inputs, instance.Variables, instance.Results, instance.Findings);
        var expression = gate.Condition.Expression;
        var observed = Observe(expression, scope);
        var source = gate.Definition.Condition is ExpressionValue e ? e.Source : gate.Condition.Literal?.GetRawText() ?? "";

        var missing = expression?.ReadActivities.Where(a => !instance.Results.ContainsKey(a)).ToList() ?? [];
        if (missing.Count > 0)
        {
            var waiting = missing.SelectMany(a => WaitingOn(instance, a)).ToImmutableArray();
            return Result(gate, source, GateState.Pending, waiting, observed,
                $"Waiting for {string.Join(", ", waiting)} to be completed.");
        }
        var outcome = gate.Condition.EvaluateBoolean(scope);
        if (!outcome.Succeeded)
            return Result(gate, source, GateState.Error, [], observed, $"{outcome.ErrorCode}: {outcome.ErrorMessage}");
        var met = outcome.Value.ValueKind == JsonValueKind.True;
        return Result(gate, source, met ? GateState.Met : GateState.Unmet, [], observed,
            met ? null : $"The condition '{source}' is false for the values seen.");
    }

    /// <summary>The active task instances of an activity, or the activity itself if the flow has not reached it.</summary>
    private static IEnumerable<string> WaitingOn(WorkflowInstance instance, string activityId)
    {
        var active = instance.ActiveTasks.Where(t => t.ActivityId == activityId).Select(t => t.Id).ToList();
        return active.Count > 0 ? active : [activityId];
    }

    private static ImmutableSortedDictionary<string, JsonElement?> Observe(CompiledExpression? expression, ExpressionScope scope)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, JsonElement?>(StringComparer.Ordinal);
        if (expression is null) return values.ToImmutable();
        foreach (var path in expression.ReadPaths)
            values[path.ToString()] = scope.TryResolve(path, out var value) ? value : null;
        return values.ToImmutable();
    }

    private static GateResult Result(
        CompiledGate gate, string source, GateState state, ImmutableArray<string> waiting,
        ImmutableSortedDictionary<string, JsonElement?> observed, string? message) =>
        new(gate.Definition.Id, gate.Definition.Name, gate.Definition.DisplayNames, gate.Definition.Description,
            source, state, waiting, observed, message);
}
