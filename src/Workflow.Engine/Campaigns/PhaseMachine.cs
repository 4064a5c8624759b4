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

        var notSuspended = Guard(() => !snapshot.Suspended, PhaseGuards.NotSuspended);
        var finished = Guard(() => snapshot.WorkflowFinished, PhaseGuards.WorkflowFinished);
        var gatesMet = Guard(() => snapshot.GatesMet, PhaseGuards.GatesMet);
        foreach (var phase in phases)
        {
            var state = _machine.Configure(phase.Id)
                .PermitReentryIf(CampaignTrigger.Suspend, () => !snapshot.Suspended, PhaseGuards.NotSuspended)
                .PermitReentryIf(CampaignTrigger.Resume, () => snapshot.Suspended, PhaseGuards.IsSuspended)
                .Permit(CampaignTrigger.Cancel, CampaignStates.Cancelled);
            if (phase.Index < phases.Length - 1) state.PermitIf(CampaignTrigger.Advance, phases[phase.Index + 1].Id, notSuspended, finished, gatesMet);
            else state.PermitIf(CampaignTrigger.Complete, CampaignStates.Completed, notSuspended, finished, gatesMet);
            if (phase.Index == 0) continue;
            var earlier = new DynamicStateInfos();
            foreach (var target in phases.Take(phase.Index)) earlier.Add(target.Id, $"sent back to {target.Id}");
            var index = phase.Index;
            state.PermitDynamicIf(_sendBack, target => target, earlier,
                Tuple.Create<Func<string, bool>, string>(_ => !snapshot.Suspended, PhaseGuards.NotSuspended),
                Tuple.Create<Func<string, bool>, string>(target => template.FindPhase(target) is { } p && p.Index < index, PhaseGuards.EarlierPhase));
        }
    }

    /// <summary>Whether the trigger may fire now, and if not, the descriptions of the guards that failed.</summary>
    public bool CanFire(CampaignTrigger trigger, string? target, out ICollection<string> unmet)
    {
        // Stateless leaves the list null when the trigger is not configured in the state at all.
        var permitted = trigger == CampaignTrigger.SendBack
            ? _machine.CanFire(_sendBack, target ?? "", out var unmetGuards)
            : _machine.CanFire(trigger, out unmetGuards);
        unmet = unmetGuards ?? [];
        return permitted;
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
