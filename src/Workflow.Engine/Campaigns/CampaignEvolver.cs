using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Incidents;

namespace Workflow.Engine.Campaigns;

/// <summary>Applies campaign events to state; the only code that changes a <see cref="CampaignInstance"/>.</summary>
public static class CampaignEvolver
{
    public static CampaignInstance Replay(IEnumerable<CampaignEvent> events)
    {
        CampaignInstance? state = null;
        foreach (var e in events) state = Apply(state, e);
        return state ?? throw new ArgumentException("There are no events to replay: a campaign starts with CampaignCreated.", nameof(events));
    }

    public static CampaignInstance Apply(CampaignInstance? state, CampaignEvent e)
    {
        if (e is CampaignCreated created)
            return new CampaignInstance(created.Template, CampaignStates.NotStarted, false, created.Inputs, 0, null, [], 1);
        if (state is null) throw new InvalidOperationException($"A {e.GetType().Name} event cannot come before CampaignCreated.");
        var next = e switch
        {
            PhaseTransitioned t => Transition(state, t.Transition),
            GatesEvaluated => state,
            CampaignVariablesSet v => state with { Variables = state.Variables.SetItems(v.Values) },
            PhaseDeadlineScheduled d => state with { PhaseDeadline = d.DueAt, PhaseDeadlinePassedAt = null },
            PhaseDeadlinePassed p => state with { PhaseDeadlinePassedAt = p.At },
            PhaseWorkflowEvent w => state with { Workflow = WorkflowEvolver.Apply(w.Event is WorkflowStarted ? null : state.Workflow, w.Event) },
            IncidentOpened o => Incidents.IncidentEvolver.Open(state, o),
            IncidentRetried or IncidentRetryFailed or IncidentResolved or IncidentSkipped or IncidentWithdrawn => Incidents.IncidentEvolver.Apply(state, e),
            _ => throw new InvalidOperationException($"Unknown event {e.GetType().Name}."),
        };
        return next with { EventCount = state.EventCount + 1 };
    }

    private static CampaignInstance Transition(CampaignInstance state, TransitionRecord t)
    {
        var transitions = state.Transitions.Add(t);
        return t.Trigger switch
        {
            CampaignTrigger.Suspend => state with { Suspended = true, Transitions = transitions },
            CampaignTrigger.Resume => state with { Suspended = false, Transitions = transitions },
            CampaignTrigger.Start or CampaignTrigger.Advance or CampaignTrigger.SendBack => state with
            {
                State = t.To,
                Round = transitions.Count(x => x.To == t.To && x.Trigger is CampaignTrigger.Start or CampaignTrigger.Advance or CampaignTrigger.SendBack),
                Workflow = null,
                Transitions = transitions,
                PhaseDeadline = null,
                PhaseDeadlinePassedAt = null,
            },
            _ => state with { State = t.To, Suspended = false, Transitions = transitions, PhaseDeadline = null, PhaseDeadlinePassedAt = null },
        };
    }

    /// <summary>The findings carried by the campaign so far.</summary>
    public static ImmutableArray<JsonElement> Findings(CampaignInstance state) =>
        state.Variables.TryGetValue(Compilation.TemplateCompiler.FindingsVariable, out var findings) && findings.ValueKind == JsonValueKind.Array
            ? [.. findings.EnumerateArray()]
            : [];
}
