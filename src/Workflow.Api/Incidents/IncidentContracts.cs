namespace Workflow.Api.Incidents;

/// <summary>Run the faulted step again; the reason (optional) is recorded with the retry.</summary>
public sealed record RetryIncidentRequest(string? Reason);

/// <summary>
/// Treat the faulted step as completed, for a reason (required, recorded). <see cref="Outcome"/> is the port it leaves by:
/// Done when left out; a decision has no Done and must be given True or False.
/// </summary>
public sealed record SkipIncidentRequest(string? Reason, string? Outcome);

/// <summary>One thing that happened to an incident, from its ledger entry.</summary>
/// <param name="Kind">incident.opened, incident.retried, incident.retry_failed, incident.resolved, incident.skipped or incident.withdrawn.</param>
public sealed record IncidentActionView(long Sequence, string Kind, DateTime At, string Actor, string? OnBehalfOf, string? Reason);

/// <summary>
/// A faulted activity instance and what became of it. <see cref="Status"/> is open or resolved; a resolved one says how
/// (<see cref="Resolution"/>: retried, skipped or withdrawn, the last when its phase workflow ended without it).
/// </summary>
/// <param name="Code">The latest fault's code; a retry that faults again replaces it.</param>
/// <param name="Attempts">How many times the step has run: 1, then one more per retry.</param>
/// <param name="Outcome">For a skipped incident, the port the step was left by.</param>
public sealed record IncidentView(
    string Id, string PhaseId, int Round, string ActivityId, int Iteration, string Status, string? Resolution,
    string Code, string Message, int Attempts, DateTime OpenedAt, DateTime? ResolvedAt, string? ResolvedBy, string? Outcome,
    IReadOnlyList<IncidentActionView> Actions);
