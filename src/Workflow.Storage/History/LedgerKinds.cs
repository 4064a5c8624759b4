namespace Workflow.Storage.History;

/// <summary>Every kind of ledger entry the server writes, for checking filters (a test keeps it equal to the sources).</summary>
public static class LedgerKinds
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "campaign.created", "campaign.event", "campaign.variablesSet", "phase.transitioned", "gates.evaluated",
        "workflow.started", "workflow.completed", "workflow.cancelled", "workflow.event",
        "task.activated", "task.completed", "task.reassigned", "task.cancelled",
        "activity.completed", "activity.faulted", "join.arrived", "variable.set", "finding.recorded", "notification.requested",
        "definition.draftCreated", "definition.draftUpdated", "definition.draftDeleted", "definition.published", "definition.retracted",
    };
}
