using BenchmarkDotNet.Attributes;
using Stateless;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;

namespace Workflow.Benchmarks.Engine;

/// <summary>
/// The seed campaign advancing from study to analysis, beside raw Stateless doing only the state change. Ours rebuilds the
/// same Stateless machine per command too, and on top evaluates both exit gates (JavaScript), records the transition and
/// starts the analysis phase's flowchart (its mobilization meeting); the baseline is what Stateless alone costs.
/// </summary>
[MemoryDiagnoser]
public class PhaseTransitionBenchmarks
{
    private static readonly string[] Phases = ["study", "analysis", "rectification"];
    private CompiledTemplate _template = null!;
    private CampaignInstance _ready = null!;
    private readonly TriggerCommand _advance = new("bench", CampaignTrigger.Advance, "转入分析检查阶段");

    [GlobalSetup]
    public void Setup()
    {
        _template = SeedCampaign.Template();
        _ready = SeedCampaign.ReadyToAdvance(_template);
        if (!CampaignEngine.Fire(_template, _ready, _advance, SeedCampaign.Day0.AddDays(1)).Accepted)
            throw new InvalidOperationException("The study phase is not ready to advance.");
    }

    [Benchmark(Baseline = true, Description = "raw Stateless: build the phase machine, Fire(Advance)")]
    public string RawStateless()
    {
        var state = "study";
        var machine = new StateMachine<string, CampaignTrigger>(() => state, s => state = s);
        bool suspended = false, finished = true, gatesMet = true;
        var sendBack = machine.SetTriggerParameters<string>(CampaignTrigger.SendBack);
        machine.Configure("$notStarted").Permit(CampaignTrigger.Start, Phases[0]).Permit(CampaignTrigger.Cancel, "$cancelled");
        for (var i = 0; i < Phases.Length; i++)
        {
            var phase = machine.Configure(Phases[i])
                .PermitReentryIf(CampaignTrigger.Suspend, () => !suspended, "not suspended")
                .PermitReentryIf(CampaignTrigger.Resume, () => suspended, "suspended")
                .Permit(CampaignTrigger.Cancel, "$cancelled");
            if (i < Phases.Length - 1)
                phase.PermitIf(CampaignTrigger.Advance, Phases[i + 1], Tuple.Create<Func<bool>, string>(() => !suspended, "not suspended"),
                    Tuple.Create<Func<bool>, string>(() => finished, "finished"), Tuple.Create<Func<bool>, string>(() => gatesMet, "gates met"));
            else
                phase.PermitIf(CampaignTrigger.Complete, "$completed", () => !suspended && finished && gatesMet, "done");
            if (i > 0) phase.PermitDynamicIf(sendBack, target => target, _ => !suspended, "not suspended");
        }
        machine.Fire(CampaignTrigger.Advance);
        return state;
    }

    /// <summary>The part of ours that is the study phase's two exit gates (JavaScript, in the sandbox), to show where the time goes.</summary>
    [Benchmark(Description = "of which: the study phase's 2 exit gates evaluated")]
    public System.Collections.Immutable.ImmutableArray<Workflow.Engine.Gates.GateResult> GatesOnly() =>
        Workflow.Engine.Gates.GateEvaluator.Evaluate(_template.FindPhase("study")!.Gates, _ready.Workflow!);

    [Benchmark(Description = "CampaignEngine.Fire(Advance): guards, 2 gates, transition, next phase started")]
    public CampaignResult Ours() => CampaignEngine.Fire(_template, _ready, _advance, SeedCampaign.Day0.AddDays(1));
}
