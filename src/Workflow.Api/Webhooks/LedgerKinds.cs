using Workflow.Api.Definitions;

namespace Workflow.Api.Webhooks;

/// <summary>The ledger kinds the server writes (see EntryDescription and DefinitionLedger): what a subscription may ask for.</summary>
public static class LedgerKinds
{
    public static readonly IReadOnlySet<string> All = new SortedSet<string>(StringComparer.Ordinal)
    {
        "campaign.created", "phase.transitioned", "gates.evaluated", "campaign.variablesSet", "campaign.event",
        "workflow.started", "task.activated", "task.completed", "task.reassigned", "task.cancelled",
        "activity.completed", "activity.faulted", "join.arrived", "variable.set", "finding.recorded",
        "notification.requested", "workflow.completed", "workflow.cancelled", "workflow.event",
        // Written by the timers (reminders, escalations, time-outs, phase deadlines).
        "task.reminded", "task.escalated", "task.timed_out", "phase.deadline_passed",
        DefinitionLedger.DraftCreated, DefinitionLedger.DraftUpdated, DefinitionLedger.DraftDeleted,
        DefinitionLedger.Published, DefinitionLedger.Retracted, DefinitionLedger.Imported,
    };
}
