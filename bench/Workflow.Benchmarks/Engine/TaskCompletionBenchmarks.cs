using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Engine.Flowchart;

namespace Workflow.Benchmarks.Engine;

/// <summary>
/// One task completion in the seed's analysis phase (the three parallel tasks after the
/// mobilization meeting, the last of which fires a join and a fork). The baseline parses and
/// compiles the definition for the step, as an engine without a compiled cache would; the
/// difference is what compiling once buys.
/// </summary>
[MemoryDiagnoser]
public class TaskCompletionBenchmarks
{
    private static readonly DateTimeOffset Now = new(2023, 6, 10, 9, 0, 0, TimeSpan.Zero);
    private string _json = "";
    private CompiledWorkflow _workflow = null!;
    private WorkflowInstance _beforeLastOfThree = null!;
    private CompleteTask _command = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "phases", "analysis-phase.json"));
        _workflow = WorkflowCompiler.Compile(DefinitionParser.Parse(_json).Workflow!).Workflow!;
        var inputs = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""
            {"partyGroups": [{"id": "g1", "name": "一", "leader": "a"}, {"id": "g2", "name": "二", "leader": "b"}],
             "teamMembers": ["chen", "liu"], "satisfactionThreshold": 0.8, "formReturnRateThreshold": 0.6,
             "minimumTalks": 40, "minimumRulesIssued": 4}
            """)!;
        var state = FlowchartInterpreter.Start(_workflow, inputs, "bench", Now).State;
        state = Complete(state, "mobilizationMeeting:1", """{"heldOn": "2023-06-10"}""");
        state = Complete(state, "heartToHeartTalks:1", """{"talksHeld": 80}""");
        _beforeLastOfThree = Complete(state, "studyAndRules:1", """{"documentsPlanned": 6, "documentsIssued": 4}""");
        _command = new CompleteTask("bench", "collectOpinions:1", null, JsonDocument.Parse("""
            {"suggestionsReceived": 25, "suggestionsResolved": 21, "suggestionsPending": 4, "formsIssued": 180, "formsReturned": 125}
            """).RootElement.Clone());
    }

    [Benchmark(Baseline = true, Description = "parse + compile the definition, then complete")]
    public StepResult CompileEachStep()
    {
        var workflow = WorkflowCompiler.Compile(DefinitionParser.Parse(_json).Workflow!).Workflow!;
        return FlowchartInterpreter.Execute(workflow, _beforeLastOfThree, _command, Now);
    }

    [Benchmark(Description = "complete on the compiled definition")]
    public StepResult Compiled() => FlowchartInterpreter.Execute(_workflow, _beforeLastOfThree, _command, Now);

    private WorkflowInstance Complete(WorkflowInstance state, string taskId, string result) =>
        FlowchartInterpreter.Execute(_workflow, state, new CompleteTask("bench", taskId, null, JsonDocument.Parse(result).RootElement.Clone()), Now).State;
}
