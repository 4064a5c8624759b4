using Stateless;
using Stateless.Graph;
using Stateless.Reflection;
using Workflow.Engine.Compilation;

namespace Workflow.Engine.Campaigns;

/// <summary>
/// The Stateless machine over a template's phases. It is built per command (a couple of
/// microseconds), with the campaign's state outside it and a snapshot for its guards.
/// </summary>
internal sealed class PhaseMachine
{
    public const string NotSuspended = "the campaign is not suspended";
    public const string IsSuspended = "the campaign is suspended";
    public const string WorkflowFinished = "the phase workflow has reached its end";
    public const string GatesMet = "every exit gate of the phase is met";
    public const string EarlierPhase = "the target is an earlier phase of this template";

    private readonly StateMachine<string, CampaignTrigger> _machine;
    private readonly StateMachine<string, CampaignTrigger>.TriggerWithParameters<string> _sendBack;

    public PhaseMachine(CompiledTemplate template, Func<string> read, Action<string> write, PhaseSnapshot snapshot)
    {
        _machine = new StateMachine<string, CampaignTrigger>(read, write);
        _sendBack = _machine.SetTriggerParameters<string>(CampaignTrigger.SendBack);
        var phases = template.Phases;
        _machine.Configure(CampaignStates.NotStarted)
            .Permit(CampaignTrigger.Start, phases[0].Id)
            .Permit(CampaignTrigger.Cancel, CampaignStates.Cancelled);

        var notSuspended = Guard(() => !snapshot.Suspended, NotSuspended);
        var finished = Guard(() => snapshot.WorkflowFinished, WorkflowFinished);
        var gatesMet = Guard(() => snapshot.GatesMet, GatesMet);
        foreach (var phase in phases)
        {
            var state = _machine.Configure(phase.Id)
                .PermitReentryIf(CampaignTrigger.Suspend, () => !snapshot.Suspended, NotSuspended)
                .PermitReentryIf(CampaignTrigger.Resume, () => snapshot.Suspended, IsSuspended)
                .Permit(CampaignTrigger.Cancel, CampaignStates.Cancelled);
            if (phase.Index < phases.Length - 1) state.PermitIf(CampaignTrigger.Advance, phases[phase.Index + 1].Id, notSuspended, finished, gatesMet);
            else state.PermitIf(CampaignTrigger.Complete, CampaignStates.Completed, notSuspended, finished, gatesMet);
            if (phase.Index == 0) continue;
            var earlier = new DynamicStateInfos();
            foreach (var target in phases.Take(phase.Index)) earlier.Add(target.Id, $"sent back to {target.Id}");
            var index = phase.Index;
            state.PermitDynamicIf(_sendBack, target => target, earlier,
                Tuple.Create<Func<string, bool>, string>(_ => !snapshot.Suspended, NotSuspended),
                Tuple.Create<Func<string, bool>, string>(target => template.FindPhase(target) is { } p && p.Index < index, EarlierPhase));
        }
    }

    /// <summary>Whether the trigger may fire now, and if not, the descriptions of the guards that failed.</summary>
    public bool CanFire(CampaignTrigger trigger, string? target, out ICollection<string> unmet)
    {
        if (trigger == CampaignTrigger.SendBack) return _machine.CanFire(_sendBack, target ?? "", out unmet);
        return _machine.CanFire(trigger, out unmet);
    }

    public void Fire(CampaignTrigger trigger, string? target)
    {
        if (trigger == CampaignTrigger.SendBack) _machine.Fire(_sendBack, target ?? "");
        else _machine.Fire(trigger);
    }

    public StateMachineInfo Info => _machine.GetInfo();

    public static string Mermaid(CompiledTemplate template) => MermaidGraph.Format(Describe(template).Info);

    public static string Dot(CompiledTemplate template) => UmlDotGraph.Format(Describe(template).Info);

    private static PhaseMachine Describe(CompiledTemplate template)
    {
        var state = CampaignStates.NotStarted;
        return new PhaseMachine(template, () => state, s => state = s, new PhaseSnapshot(false, false, [], []));
    }

    private static Tuple<Func<bool>, string> Guard(Func<bool> guard, string description) => Tuple.Create(guard, description);
}
