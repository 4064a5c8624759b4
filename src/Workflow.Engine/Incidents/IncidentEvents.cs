using Workflow.Engine.Campaigns;

namespace Workflow.Engine.Incidents;

/// <summary>An activity instance of the current phase faulted (the activity.faulted entry before it says how).</summary>
public sealed record IncidentOpened(DateTimeOffset At, Incident Incident) : CampaignEvent(At);

/// <summary>An operator ran the faulted activity instance again; <see cref="Attempt"/> counts this run.</summary>
public sealed record IncidentRetried(
    DateTimeOffset At, string IncidentId, string Actor, string? OnBehalfOf, string? Reason, int Attempt) : CampaignEvent(At);

/// <summary>The retry faulted again: the incident stays open with the new fault.</summary>
public sealed record IncidentRetryFailed(DateTimeOffset At, string IncidentId, string Code, string Message) : CampaignEvent(At);

/// <summary>The retry went through: the activity ran and the flow went on from it.</summary>
public sealed record IncidentResolved(DateTimeOffset At, string IncidentId, string Actor) : CampaignEvent(At);

/// <summary>An operator treated the faulted activity instance as completed: it left by <see cref="Port"/> without running.</summary>
public sealed record IncidentSkipped(
    DateTimeOffset At, string IncidentId, string Actor, string? OnBehalfOf, string Reason, string Port) : CampaignEvent(At);

/// <summary>The phase workflow ended (reached an end on another branch, or was cancelled) with the incident still open.</summary>
public sealed record IncidentWithdrawn(DateTimeOffset At, string IncidentId, string Reason) : CampaignEvent(At);
