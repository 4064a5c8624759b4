using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Incidents;
using Workflow.Engine.Values;

namespace Workflow.Storage.History;

/// <summary>The ledger columns an engine event fills: kind, phase, task, reason, the state before and after, and evidence.</summary>
public sealed record EntryDescription(string Kind, string? Phase, string? Task, string? Reason, string? Before, string? After, string? Evidence)
{
    public static EntryDescription Of(CampaignEvent e) => e switch
    {
        CampaignCreated => new("campaign.created", null, null, null, null, CampaignStates.NotStarted, null),
        PhaseTransitioned t => new("phase.transitioned", CampaignStates.IsPhase(t.Transition.From) ? t.Transition.From : null, null,
            t.Transition.Reason, t.Transition.From + Suffix(t.Transition.Trigger, before: true), t.Transition.To + Suffix(t.Transition.Trigger, before: false), null),
        GatesEvaluated g => new("gates.evaluated", g.PhaseId, null, null, null, null, null),
        CampaignVariablesSet v => new("campaign.variablesSet", v.PhaseId, null, null, null, null, null),
        PhaseWorkflowEvent w => Of(w.PhaseId, w.Event),
        PhaseDeadlineScheduled d => new("phase.deadline_scheduled", d.PhaseId, null, null, null, null, null),
        PhaseDeadlinePassed d => new("phase.deadline_passed", d.PhaseId, null, null, null, null, null),
        IncidentOpened o => new("incident.opened", o.Incident.PhaseId, null, o.Incident.Message, null, "open", null),
        IncidentRetried r => new("incident.retried", null, null, r.Reason, "open", "retrying", null),
        IncidentRetryFailed f => new("incident.retry_failed", null, null, f.Message, "retrying", "open", null),
        IncidentResolved => new("incident.resolved", null, null, null, "retrying", "resolved", null),
        IncidentSkipped x => new("incident.skipped", null, null, x.Reason, "open", "skipped", null),
        IncidentWithdrawn x => new("incident.withdrawn", null, null, x.Reason, "open", "withdrawn", null),
        _ => new("campaign.event", null, null, null, null, null, null),
    };

    private static EntryDescription Of(string phase, WorkflowEvent e) => e switch
    {
        WorkflowStarted => new("workflow.started", phase, null, null, null, "running", null),
        TaskActivated a => new("task.activated", phase, a.TaskId, null, null, "active", null),
        TaskCompleted c => new("task.completed", phase, c.TaskId, c.Comment, "active", "completed", Documents(c.Result)),
        TaskReassigned r => new("task.reassigned", phase, r.TaskId, r.Reason, r.From, r.To, null),
        TaskCancelled x => new("task.cancelled", phase, x.TaskId, x.Reason, "active", "cancelled", null),
        ActivityCompleted => new("activity.completed", phase, null, null, null, null, null),
        ActivityFaulted f => new("activity.faulted", phase, null, f.Message, null, "faulted", null),
        JoinArrived => new("join.arrived", phase, null, null, null, null, null),
        VariableSet => new("variable.set", phase, null, null, null, null, null),
        FindingRecorded f => new("finding.recorded", phase, f.SourceTaskId, null, null, null, null),
        NotificationRequested => new("notification.requested", phase, null, null, null, null, null),
        WorkflowCompleted => new("workflow.completed", phase, null, null, "running", "completed", null),
        WorkflowCancelled c => new("workflow.cancelled", phase, null, c.Reason, "running", "cancelled", null),
        DelayStarted d => new("delay.started", phase, d.TaskId, null, null, "waiting", null),
        DelayElapsed d => new("delay.elapsed", phase, d.TaskId, null, "waiting", "completed", null),
        TaskReminded r => new("task.reminded", phase, r.TaskId, null, null, null, null),
        TaskEscalated x => new("task.escalated", phase, x.TaskId, null, null, x.To, null),
        TaskTimedOut o => new("task.timed_out", phase, o.TaskId, null, "active", "timedOut", null),
        _ => new("workflow.event", phase, null, null, null, null, null),
    };

    /// <summary>Suspension is a flag beside the phase; the states say so, so "analysis" → "analysis (suspended)" reads right.</summary>
    private static string Suffix(CampaignTrigger trigger, bool before) => (trigger, before) switch
    {
        (CampaignTrigger.Suspend, false) or (CampaignTrigger.Resume, true) => " (suspended)",
        _ => "",
    };

    /// <summary>Every document a result points at (any object with a uri and a sha256), as evidence references.</summary>
    private static string? Documents(JsonElement result)
    {
        var found = new List<(string Uri, string Sha256)>();
        Collect(result, found);
        if (found.Count == 0) return null;
        return JsonValues.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var (uri, sha256) in found)
            {
                writer.WriteStartObject();
                writer.WriteString("uri", uri);
                writer.WriteString("sha256", sha256);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }).GetRawText();
    }

    private static void Collect(JsonElement value, List<(string, string)> found)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (value.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String
                    && value.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String)
                    found.Add((uri.GetString()!, sha.GetString()!.ToLowerInvariant()));
                foreach (var property in value.EnumerateObject()) Collect(property.Value, found);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) Collect(item, found);
                break;
        }
    }
}
