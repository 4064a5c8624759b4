using System.Text.Json;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Flowchart;

/// <summary>Runs one phase workflow instance directly through the interpreter, keeping every event.</summary>
internal sealed class Running
{
    private readonly List<WorkflowEvent> _events = [];

    public Running(CompiledWorkflow workflow, object? inputs = null, DateTimeOffset? at = null)
    {
        Workflow = workflow;
        Now = at ?? new DateTimeOffset(2023, 6, 10, 9, 0, 0, TimeSpan.Zero);
        var bound = inputs is null
            ? new Dictionary<string, JsonElement>()
            : JsonData.Of(inputs).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var start = FlowchartInterpreter.Start(workflow, bound, "starter", Now);
        State = start.State;
        _events.AddRange(start.Events);
    }

    public CompiledWorkflow Workflow { get; }

    public WorkflowInstance State { get; private set; }

    public IReadOnlyList<WorkflowEvent> Events => _events;

    public DateTimeOffset Now { get; set; }

    public IReadOnlyList<string> Active => [.. State.ActiveTasks.Select(t => t.Id)];

    public StepResult Do(WorkflowCommand command)
    {
        var result = FlowchartInterpreter.Execute(Workflow, State, command, Now);
        if (result.Accepted)
        {
            State = result.State;
            _events.AddRange(result.Events);
        }
        return result;
    }

    public StepResult Complete(string taskId, object? result = null, string? outcome = null)
    {
        var step = Do(new CompleteTask("tester", taskId, outcome, JsonData.Of(result ?? new { heldOn = "2023-06-10" })));
        Assert.True(step.Accepted, step.Rejection?.Message);
        return step;
    }
}
