using Workflow.Engine.Texts;
using System.Collections.Immutable;
using System.Diagnostics;
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
    /// <summary>
    /// Evaluates a phase's gates in order. Once <see cref="GateLimits.TimeoutsPerEvaluation"/> of them have run into the
    /// expression time limit, the rest are reported without running: counted in time-outs, so a loaded machine or a cold start
    /// never fails an ordinary gate. <see cref="GateLimits.EvaluationTime"/> is the wall-clock backstop for many conditions
    /// that each stay just under the limit.
    /// </summary>
    public static ImmutableArray<GateResult> Evaluate(IEnumerable<CompiledGate> gates, WorkflowInstance instance)
    {
        var timeouts = 0;
        var started = Stopwatch.GetTimestamp();
        var results = ImmutableArray.CreateBuilder<GateResult>();
        foreach (var gate in gates)
        {
            if (timeouts >= GateLimits.TimeoutsPerEvaluation || Stopwatch.GetElapsedTime(started) >= GateLimits.EvaluationTime)
            {
                results.Add(NotRun(gate));
                continue;
            }
            var result = Evaluate(gate, instance, out var timedOut);
            if (timedOut) timeouts++;
            results.Add(result);
        }
        return results.ToImmutable();
    }

    private static GateResult NotRun(CompiledGate gate) =>
        Result(gate, Source(gate), GateState.Error, [], ImmutableSortedDictionary<string, JsonElement?>.Empty,
            EngineText.Of("gate.not_run", ("code", GateLimits.BudgetExhausted), ("timeouts", GateLimits.TimeoutsPerEvaluation),
                ("seconds", GateLimits.EvaluationTime.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));

    private static string Source(CompiledGate gate) =>
        gate.Definition.Condition is ExpressionValue e ? e.Source : gate.Condition.Literal?.GetRawText() ?? "";

    public static GateResult Evaluate(CompiledGate gate, WorkflowInstance instance) => Evaluate(gate, instance, out _);

    private static GateResult Evaluate(CompiledGate gate, WorkflowInstance instance, out bool timedOut)
    {
        timedOut = false;
        var scope = new ExpressionScope(instance.Inputs, instance.Variables, instance.Results, instance.Findings);
        var expression = gate.Condition.Expression;
        var observed = Observe(expression, scope);
        var source = Source(gate);

        var missing = expression?.ReadActivities.Where(a => !instance.Results.ContainsKey(a)).ToList() ?? [];
        if (missing.Count > 0)
        {
            var waiting = missing.SelectMany(a => WaitingOn(instance, a)).ToImmutableArray();
            return Result(gate, source, GateState.Pending, waiting, observed, EngineText.Of("gate.pending", ("tasks", string.Join(", ", waiting))));
        }
        var outcome = gate.Condition.EvaluateBoolean(scope);
        timedOut = outcome.ErrorCode is ExpressionErrorCodes.Timeout or ExpressionErrorCodes.RegexTimeout;
        if (!outcome.Succeeded)
            return Result(gate, source, GateState.Error, [], observed, EngineText.Of("gate.error", ("code", outcome.ErrorCode ?? ""), ("error", outcome.ErrorMessage ?? "")));
        var met = outcome.Value.ValueKind == JsonValueKind.True;
        return Result(gate, source, met ? GateState.Met : GateState.Unmet, [], observed,
            met ? null : EngineText.Of("gate.unmet", ("condition", source)));
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
        ImmutableSortedDictionary<string, JsonElement?> observed, EngineText? text) =>
        new(gate.Definition.Id, gate.Definition.Name, gate.Definition.DisplayNames, gate.Definition.Description,
            source, state, waiting, observed, text?.Render(EngineTexts.English)) { Text = text, Descriptions = gate.Definition.Descriptions };
}
