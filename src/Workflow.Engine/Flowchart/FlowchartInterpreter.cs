using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Compilation;

namespace Workflow.Engine.Flowchart;

/// <summary>
/// Runs phase workflows. Deterministic and free of I/O: given a state, a command and the time,
/// it returns the new state and the events that explain it. Refusals are results, not exceptions.
/// </summary>
public static class FlowchartInterpreter
{
    /// <summary>Starts an instance: the flow leaves the start and runs until every branch waits for a person.</summary>
    public static StepResult Start(
        CompiledWorkflow workflow, IReadOnlyDictionary<string, JsonElement> inputs, string actor, DateTimeOffset now)
    {
        var bound = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, inputs);
        var variables = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, workflow.InitialVariables);
        var step = new Step(workflow, null, now);
        step.Emit(new WorkflowStarted(now, workflow.Identity, actor, bound, variables));
        step.Leave(workflow.Activities[workflow.Start], iteration: 1, port: Activities.ActivityDescriptor.DonePort, result: null, observed: null);
        return step.Finish();
    }

    /// <summary>Applies one command to a running instance.</summary>
    public static StepResult Execute(CompiledWorkflow workflow, WorkflowInstance state, WorkflowCommand command, DateTimeOffset now)
    {
        if (state.Status != WorkflowStatus.Running)
            return Refuse(state, RejectionCodes.WorkflowNotRunning,
                $"The phase workflow is {state.Status.ToString().ToLowerInvariant()}; it takes no more commands.",
                ("status", state.Status.ToString()));
        var step = new Step(workflow, state, now);
        return command switch
        {
            CompleteTask complete => step.Complete(complete),
            ReassignTask reassign => step.Reassign(reassign),
            CancelWorkflow cancel => step.Cancel(cancel),
            FireTimer timer => step.Fire(timer),
            RetryActivity retry => step.Retry(retry),
            SkipActivity skip => step.Skip(skip),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    internal static StepResult Refuse(WorkflowInstance state, string code, string message, params (string Key, string Value)[] arguments) =>
        new(state, [], new Rejection(code, message, arguments.ToDictionary(a => a.Key, a => a.Value)));
}
