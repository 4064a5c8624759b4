using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Definitions;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Incidents;

namespace Workflow.Engine.Campaigns;

/// <summary>
/// A campaign's whole state, kept outside the phase machine (which reads and writes
/// <see cref="State"/> through accessors). Like a workflow instance, it is the fold of its events.
/// </summary>
/// <param name="State">A phase id, or one of <see cref="CampaignStates"/>.</param>
/// <param name="Suspended">Beside the phase, so resuming returns exactly to the phase and tasks left.</param>
/// <param name="Variables">The template's inputs, the phases' outputs, and the findings carried forward.</param>
/// <param name="Round">How many times the current phase has been entered (sending back enters it again).</param>
/// <param name="Workflow">The current phase's workflow instance.</param>
/// <param name="Incidents">The open incidents by id, all of the current phase round; null when there are none.</param>
/// <param name="IncidentCount">How many incidents the campaign has had: the last id given.</param>
public sealed record CampaignInstance(
    DefinitionIdentity Template,
    string State,
    bool Suspended,
    ImmutableSortedDictionary<string, JsonElement> Variables,
    int Round,
    WorkflowInstance? Workflow,
    ImmutableArray<TransitionRecord> Transitions,
    long EventCount,
    DateTimeOffset? PhaseDeadline = null,
    DateTimeOffset? PhaseDeadlinePassedAt = null,
    ImmutableSortedDictionary<string, Incident>? Incidents = null,
    int IncidentCount = 0)
{
    /// <summary>The open incidents, oldest first.</summary>
    public IEnumerable<Incident> OpenIncidents =>
        Incidents?.Values.OrderBy(i => i.Id.Length).ThenBy(i => i.Id, StringComparer.Ordinal) ?? Enumerable.Empty<Incident>();

    public bool IsFinished => State is CampaignStates.Completed or CampaignStates.Cancelled;
}
