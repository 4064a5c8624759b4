using System.Collections.Immutable;
using Workflow.Engine.Campaigns;

namespace Workflow.Engine.Incidents;

/// <summary>How incident events change a campaign: the open ones are kept, a resolved one leaves the state (not the ledger).</summary>
internal static class IncidentEvolver
{
    public static CampaignInstance Open(CampaignInstance state, IncidentOpened opened) => state with
    {
        Incidents = (state.Incidents ?? ImmutableSortedDictionary.Create<string, Incident>(StringComparer.Ordinal))
            .Add(opened.Incident.Id, opened.Incident),
        IncidentCount = state.IncidentCount + 1,
    };

    public static CampaignInstance Apply(CampaignInstance state, CampaignEvent e) => e switch
    {
        IncidentRetried r => Change(state, r.IncidentId, i => i with { Attempts = r.Attempt }),
        IncidentRetryFailed f => Change(state, f.IncidentId, i => i with { Code = f.Code, Message = f.Message, FaultedAt = f.At }),
        IncidentResolved x => Close(state, x.IncidentId),
        IncidentSkipped x => Close(state, x.IncidentId),
        IncidentWithdrawn x => Close(state, x.IncidentId),
        _ => throw new InvalidOperationException($"{e.GetType().Name} is not an incident event."),
    };

    private static CampaignInstance Change(CampaignInstance state, string id, Func<Incident, Incident> change) =>
        state.Incidents is { } open && open.TryGetValue(id, out var incident)
            ? state with { Incidents = open.SetItem(id, change(incident)) }
            : throw new InvalidOperationException($"The event names incident '{id}', which is not open.");

    /// <summary>Back to null when none is left, so a campaign without open incidents is stored as one that never had any.</summary>
    private static CampaignInstance Close(CampaignInstance state, string id)
    {
        if (state.Incidents is not { } open || !open.ContainsKey(id))
            throw new InvalidOperationException($"The event names incident '{id}', which is not open.");
        var left = open.Remove(id);
        return state with { Incidents = left.IsEmpty ? null : left };
    }
}
