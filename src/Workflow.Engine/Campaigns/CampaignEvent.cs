using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Engine.Definitions;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Gates;
using Workflow.Engine.Incidents;

namespace Workflow.Engine.Campaigns;

/// <summary>Something that happened to a campaign; the ledger stores these in order.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CampaignCreated), "campaignCreated")]
[JsonDerivedType(typeof(PhaseTransitioned), "phaseTransitioned")]
[JsonDerivedType(typeof(GatesEvaluated), "gatesEvaluated")]
[JsonDerivedType(typeof(CampaignVariablesSet), "campaignVariablesSet")]
[JsonDerivedType(typeof(PhaseWorkflowEvent), "phaseWorkflowEvent")]
[JsonDerivedType(typeof(PhaseDeadlineScheduled), "phaseDeadlineScheduled")]
[JsonDerivedType(typeof(PhaseDeadlinePassed), "phaseDeadlinePassed")]
[JsonDerivedType(typeof(IncidentOpened), "incidentOpened")]
[JsonDerivedType(typeof(IncidentRetried), "incidentRetried")]
[JsonDerivedType(typeof(IncidentRetryFailed), "incidentRetryFailed")]
[JsonDerivedType(typeof(IncidentResolved), "incidentResolved")]
[JsonDerivedType(typeof(IncidentSkipped), "incidentSkipped")]
[JsonDerivedType(typeof(IncidentWithdrawn), "incidentWithdrawn")]
public abstract record CampaignEvent(DateTimeOffset At);

/// <summary>The campaign was created from a template version with these inputs (defaults filled in).</summary>
public sealed record CampaignCreated(
    DateTimeOffset At, DefinitionIdentity Template, string Actor, ImmutableSortedDictionary<string, JsonElement> Inputs) : CampaignEvent(At);

/// <summary>A trigger fired.</summary>
public sealed record PhaseTransitioned(DateTimeOffset At, TransitionRecord Transition) : CampaignEvent(At);

/// <summary>The exit gates of a phase as they stood when it was left, with the values they saw.</summary>
public sealed record GatesEvaluated(DateTimeOffset At, string PhaseId, ImmutableArray<GateResult> Gates) : CampaignEvent(At);

/// <summary>Campaign variables set from a phase's outputs when it was left.</summary>
public sealed record CampaignVariablesSet(
    DateTimeOffset At, string PhaseId, ImmutableSortedDictionary<string, JsonElement> Values) : CampaignEvent(At);

/// <summary>An event of the current phase's workflow instance.</summary>
public sealed record PhaseWorkflowEvent(DateTimeOffset At, string PhaseId, int Round, WorkflowEvent Event) : CampaignEvent(At);

/// <summary>The phase just entered is due at <see cref="DueAt"/> (its template's deadline).</summary>
public sealed record PhaseDeadlineScheduled(DateTimeOffset At, string PhaseId, int Round, DateTimeOffset DueAt) : CampaignEvent(At);

/// <summary>The current phase's deadline passed (the host's timer said so); the recipients are notified.</summary>
public sealed record PhaseDeadlinePassed(
    DateTimeOffset At, string PhaseId, int Round, DateTimeOffset DueAt, ImmutableArray<string> Recipients) : CampaignEvent(At);
