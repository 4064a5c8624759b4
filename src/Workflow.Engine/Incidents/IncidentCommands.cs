namespace Workflow.Engine.Incidents;

/// <summary>Run an open incident's activity instance again against the campaign's current data.</summary>
public sealed record RetryIncident(string Actor, string IncidentId, string? Reason = null, string? OnBehalfOf = null);

/// <summary>
/// Treat an open incident's activity instance as completed, for a reason. <see cref="Outcome"/> is the port it leaves by:
/// Done when left out, which a decision does not have (it must be told True or False).
/// </summary>
public sealed record SkipIncident(string Actor, string IncidentId, string? Reason, string? Outcome = null, string? OnBehalfOf = null);
