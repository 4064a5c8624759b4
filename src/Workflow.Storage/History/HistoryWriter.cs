using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Serialization;
using Workflow.Storage.Campaigns;

namespace Workflow.Storage.History;

/// <summary>
/// Turns a command's engine events into ledger entries: numbered on from the campaign's last
/// sequence, chained on from its head hash, and the head moved forward on the campaign row,
/// so all of it is written in the command's own transaction.
/// </summary>
public static class HistoryWriter
{
    public static IReadOnlyList<HistoryEntry> Append(CampaignRow campaign, CompiledTemplate template, IEnumerable<CampaignEvent> events, EntryContext context)
    {
        var entries = new List<HistoryEntry>();
        foreach (var e in events)
        {
            var (kind, phase, task, reason) = Describe(e);
            var workflow = phase is not null ? template.FindPhase(phase)?.Workflow.Identity : null;
            var entry = new HistoryEntry
            {
                CampaignId = campaign.Id,
                Sequence = campaign.HistoryCount + 1,
                At = context.At,
                Kind = kind,
                Actor = context.Actor,
                OnBehalfOf = context.OnBehalfOf,
                Reason = reason,
                IdempotencyKey = context.IdempotencyKey,
                CorrelationId = context.CorrelationId,
                DefinitionId = workflow?.DefinitionId ?? template.Identity.DefinitionId,
                DefinitionVersion = workflow?.Version ?? template.Identity.Version,
                PhaseId = phase,
                TaskId = task,
                Payload = JsonSerializer.Serialize(e, EngineJson.Options),
                PreviousHash = campaign.HistoryHead,
                Hash = "",
            };
            entry.Hash = HistoryChain.Hash(entry);
            campaign.HistoryCount = entry.Sequence;
            campaign.HistoryHead = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>The ledger kind, phase, task and reason of an engine event.</summary>
    public static (string Kind, string? Phase, string? Task, string? Reason) Describe(CampaignEvent e) => e switch
    {
        CampaignCreated => ("campaign.created", null, null, null),
        PhaseTransitioned t => ("phase.transitioned", CampaignStates.IsPhase(t.Transition.From) ? t.Transition.From : null, null, t.Transition.Reason),
        GatesEvaluated g => ("gates.evaluated", g.PhaseId, null, null),
        CampaignVariablesSet v => ("campaign.variablesSet", v.PhaseId, null, null),
        PhaseWorkflowEvent w => w.Event switch
        {
            WorkflowStarted => ("workflow.started", w.PhaseId, null, null),
            TaskActivated a => ("task.activated", w.PhaseId, a.TaskId, null),
            TaskCompleted c => ("task.completed", w.PhaseId, c.TaskId, c.Comment),
            TaskReassigned r => ("task.reassigned", w.PhaseId, r.TaskId, r.Reason),
            TaskCancelled x => ("task.cancelled", w.PhaseId, x.TaskId, x.Reason),
            ActivityCompleted a => ("activity.completed", w.PhaseId, null, null),
            ActivityFaulted f => ("activity.faulted", w.PhaseId, null, f.Message),
            JoinArrived => ("join.arrived", w.PhaseId, null, null),
            VariableSet => ("variable.set", w.PhaseId, null, null),
            FindingRecorded f => ("finding.recorded", w.PhaseId, f.SourceTaskId, null),
            NotificationRequested => ("notification.requested", w.PhaseId, null, null),
            WorkflowCompleted => ("workflow.completed", w.PhaseId, null, null),
            WorkflowCancelled c => ("workflow.cancelled", w.PhaseId, null, c.Reason),
            _ => ("workflow.event", w.PhaseId, null, null),
        },
        _ => ("campaign.event", null, null, null),
    };
}
