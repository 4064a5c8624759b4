using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using CoreInstance = WorkflowCore.Models.WorkflowInstance;

namespace Workflow.Benchmarks.Engine;

/// <summary>
/// One step in memory, beside WorkflowCore (a peer .NET engine) doing one step through its own executor: it runs the
/// genesis step of a two-step workflow and builds the pointer to the next, with its in-memory providers and no host
/// loop, so neither side pays for persistence or queues. Ours completes the study summary (a human task with a schema-
/// checked result) inside the seed campaign, which activates the review after it.
/// </summary>
[MemoryDiagnoser]
public class StepPeerBenchmarks
{
    private ServiceProvider _services = null!;
    private IWorkflowExecutor _executor = null!;
    private IExecutionPointerFactory _pointers = null!;
    private WorkflowDefinition _definition = null!;
    private CompiledTemplate _template = null!;
    private CampaignInstance _beforeSummary = null!;
    private CompleteTask _summary = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddLogging().AddWorkflow().BuildServiceProvider();
        var registry = _services.GetRequiredService<IWorkflowRegistry>();
        registry.RegisterWorkflow(new TwoSteps());
        _definition = registry.GetDefinition(nameof(TwoSteps), 1);
        _executor = _services.GetRequiredService<IWorkflowExecutor>();
        _pointers = _services.GetRequiredService<IExecutionPointerFactory>();
        if (WorkflowCoreStep().Result.ExecutionPointers.Count != 2)
            throw new InvalidOperationException("WorkflowCore did not run its first step.");

        _template = SeedCampaign.Template();
        var ready = SeedCampaign.ReadyToAdvance(_template);
        // The same campaign one step earlier: rebuilt rather than rewound, so the state is one the engine produced.
        _beforeSummary = SeedCampaign.UpTo(_template, "studySummary:1");
        _summary = new CompleteTask("bench", "studySummary:1", null, JsonDocument.Parse("""
            {"documents": [{"uri": "https://docs.example/study-summary.pdf", "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}]}
            """).RootElement.Clone());
        if (Ours().State?.Workflow?.ActiveTasks.SingleOrDefault()?.Id != "summaryApproval:1" || ready.Workflow is null)
            throw new InvalidOperationException("Completing the study summary did not open its review.");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "WorkflowCore 3.22: executor runs one step")]
    public async Task<CoreInstance> WorkflowCoreStep()
    {
        var instance = new CoreInstance
        {
            Id = "bench",
            WorkflowDefinitionId = _definition.Id,
            Version = _definition.Version,
            Status = WorkflowCore.Models.WorkflowStatus.Runnable,
            CreateTime = DateTime.UtcNow,
            ExecutionPointers = new ExecutionPointerCollection { _pointers.BuildGenesisPointer(_definition) },
        };
        await _executor.Execute(instance);
        return instance;
    }

    [Benchmark(Description = "ours: complete a task, activate the next")]
    public CampaignResult Ours() => CampaignEngine.Execute(_template, _beforeSummary, _summary, SeedCampaign.Day0.AddDays(1));

    private sealed class TwoSteps : IWorkflow
    {
        public string Id => nameof(TwoSteps);
        public int Version => 1;
        public void Build(IWorkflowBuilder<object> builder) => builder.StartWith<Noop>().Then<Noop>();
    }

    private sealed class Noop : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }
}
