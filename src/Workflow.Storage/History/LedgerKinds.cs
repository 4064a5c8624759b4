namespace Workflow.Storage.History;

/// <summary>
/// Every kind of ledger entry the server writes (EntryDescription, the definitions stream, the
/// timers): what feed filters and webhook subscriptions may name. A test keeps it equal to the sources.
/// </summary>
public static class LedgerKinds
{
    public static readonly IReadOnlySet<string> All = new SortedSet<string>(StringComparer.Ordinal)
    {
        "campaign.created", "campaign.event", "campaign.variablesSet", "phase.transitioned", "gates.evaluated",
        "workflow.started", "workflow.completed", "workflow.cancelled", "workflow.event",
        "task.activated", "task.completed", "task.reassigned", "task.cancelled",
        "activity.completed", "activity.faulted", "join.arrived", "variable.set", "finding.recorded", "notification.requested",
        // An incident's story: opened by a fault, retried (failing again or resolved), skipped, or withdrawn with its phase.
        "incident.opened", "incident.retried", "incident.retry_failed", "incident.resolved", "incident.skipped", "incident.withdrawn",
        // Written by the timers (reminders, escalations, time-outs, delays, phase deadlines).
        "task.reminded", "task.escalated", "task.timed_out", "delay.started", "delay.elapsed", "phase.deadline_scheduled", "phase.deadline_passed",
        // Written by the anchoring: signed checkpoints of the other streams, for external sinks.
        "ledger.anchored",
        "definition.draftCreated", "definition.draftUpdated", "definition.draftDeleted", "definition.published", "definition.retracted", "definition.imported",
        // The administration stream: the organization tree, groups, memberships and role grants.
        "organization.created", "organization.updated", "organization.moved", "organization.deleted", "group.created", "group.deleted",
        "group.memberAdded", "group.memberChanged", "group.memberRemoved", "role.granted", "role.revoked",
    };
}
