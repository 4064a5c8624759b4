using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Storage;
using Workflow.Storage.Tasks;

namespace Workflow.Api.Campaigns;

/// <summary>
/// Keeps the task-instance rows (the worklist) in step with a command's task events, in the same transaction: each row
/// ends up with what the engine's task instance held, so it can stand in for it once the snapshot lets go of it.
/// </summary>
internal static class WorkItemProjection
{
    public static async Task ApplyAsync(CampaignDbContext db, Guid campaignId, IEnumerable<CampaignEvent> events, CancellationToken cancellationToken)
    {
        var items = new Dictionary<(string, int, string), WorkItem>();
        var changes = new List<((string, int, string) Key, Action<WorkItem> Change)>();
        foreach (var e in events.OfType<PhaseWorkflowEvent>())
        {
            if (e.Event is TaskActivated activated)
            {
                var item = new WorkItem
                {
                    CampaignId = campaignId, PhaseId = e.PhaseId, Round = e.Round, TaskId = activated.TaskId,
                    ActivityId = activated.ActivityId, ActivityType = activated.ActivityType, Assignee = activated.Assignee,
                    Status = "active", ActivatedAt = activated.At.UtcDateTime, DueAt = activated.DueAt?.UtcDateTime,
                    ItemJson = activated.Item?.GetRawText(),
                };
                items[(e.PhaseId, e.Round, activated.TaskId)] = item;
                db.WorkItems.Add(item);
                continue;
            }
            if (Change(e.Event) is var (taskId, change)) changes.Add(((e.PhaseId, e.Round, taskId), change));
        }
        if (changes.Count == 0) return;
        // The rows the command changes, in one query: a command touches a handful of tasks of one phase round.
        var wanted = changes.Select(c => c.Key).Where(k => !items.ContainsKey(k)).Distinct().ToList();
        if (wanted.Count > 0)
        {
            var phases = wanted.Select(k => k.Item1).Distinct().ToList();
            var rounds = wanted.Select(k => k.Item2).Distinct().ToList();
            var taskIds = wanted.Select(k => k.Item3).Distinct().ToList();
            var rows = await db.WorkItems.Where(w => w.CampaignId == campaignId && phases.Contains(w.PhaseId) && rounds.Contains(w.Round)
                                                     && taskIds.Contains(w.TaskId)).ToListAsync(cancellationToken);
            foreach (var row in rows) items.TryAdd((row.PhaseId, row.Round, row.TaskId), row);
        }
        foreach (var (key, change) in changes)
            if (items.GetValueOrDefault(key) is { } row) change(row);
    }

    private static (string TaskId, Action<WorkItem> Change)? Change(WorkflowEvent e) => e switch
    {
        TaskCompleted c => (c.TaskId, w =>
        {
            w.Status = "completed";
            w.EndedAt = c.At.UtcDateTime;
            w.Outcome = c.Outcome;
            w.ResultJson = c.Result.GetRawText();
            w.CompletedBy = c.Actor;
            w.OnBehalfOf = c.OnBehalfOf;
            w.Comment = c.Comment;
        }),
        TaskCancelled x => (x.TaskId, w => { w.Status = "cancelled"; w.EndedAt = x.At.UtcDateTime; }),
        TaskReassigned r => (r.TaskId, w => w.Assignee = r.To),
        TaskEscalated x => (x.TaskId, w => { w.EscalatedTo = x.To; w.EscalatedAt = x.At.UtcDateTime; }),
        TaskReminded r => (r.TaskId, w => w.Reminders = r.Number),
        TaskTimedOut o => (o.TaskId, w => w.Outcome = Engine.Activities.ActivityDescriptor.TimeoutPort),
        _ => null,
    };
}
