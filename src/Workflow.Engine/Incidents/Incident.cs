namespace Workflow.Engine.Incidents;

/// <summary>
/// A faulted activity instance waiting for an operator (Camunda's incident): it stays open until a retry goes through,
/// it is skipped with a reason, or its phase workflow ends without it. The campaign's state holds only open ones; the
/// ledger keeps every incident's whole story.
/// </summary>
/// <param name="Id">1, 2, 3… within the campaign, in the order the faults happened.</param>
/// <param name="Round">The phase round the fault happened in; an incident never outlives its round.</param>
/// <param name="Connection">The connection the token came in by, so a retry enters the activity the same way.</param>
/// <param name="Code">The latest fault's code (a retry that faults again replaces it).</param>
/// <param name="Attempts">How many times the activity instance has run and faulted: 1, then one more per retry.</param>
public sealed record Incident(
    string Id, string PhaseId, int Round, string ActivityId, int Iteration, int? Connection,
    string Code, string Message, DateTimeOffset OpenedAt, DateTimeOffset FaultedAt, int Attempts);

/// <summary>The stable codes of refused incident commands.</summary>
public static class IncidentCodes
{
    public const string NotFound = "incident.not_found";
    public const string AlreadyResolved = "incident.already_resolved";
    public const string SkipReasonRequired = "incident.skip_reason_required";

    /// <summary>Skipping needs a port to leave by: the activity has no Done port (a decision), and none was named.</summary>
    public const string CannotSkip = "incident.cannot_skip";

    /// <summary>The outcome named for a skip is not a port of the activity.</summary>
    public const string OutcomeInvalid = "incident.outcome_invalid";
}
