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
        var added = new Dictionary<(string, int, string), WorkItem>();
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
                added[(e.PhaseId, e.Round, activated.TaskId)] = item;
                db.WorkItems.Add(item);
                continue;
            }
            var (taskId, change) = e.Event switch
            {
                TaskCompleted c => (c.TaskId, (Action<WorkItem>)(w =>
                {
                    w.Status = "completed";
                    w.EndedAt = c.At.UtcDateTime;
                    w.Outcome = c.Outcome;
                    w.ResultJson = c.Result.GetRawText();
                    w.CompletedBy = c.Actor;
                    w.OnBehalfOf = c.OnBehalfOf;
                    w.Comment = c.Comment;
                })),
                TaskCancelled x => (x.TaskId, w => { w.Status = "cancelled"; w.EndedAt = x.At.UtcDateTime; }),
                TaskReassigned r => (r.TaskId, w => w.Assignee = r.To),
                TaskEscalated x => (x.TaskId, w => { w.EscalatedTo = x.To; w.EscalatedAt = x.At.UtcDateTime; }),
                TaskReminded r => (r.TaskId, w => w.Reminders = r.Number),
                TaskTimedOut o => (o.TaskId, w => w.Outcome = Engine.Activities.ActivityDescriptor.TimeoutPort),
                _ => (null, null),
            };
            if (taskId is null || change is null) continue;
            var row = added.GetValueOrDefault((e.PhaseId, e.Round, taskId))
                      ?? await db.WorkItems.SingleOrDefaultAsync(
                          w => w.CampaignId == campaignId && w.PhaseId == e.PhaseId && w.Round == e.Round && w.TaskId == taskId, cancellationToken);
            if (row is not null) change(row);
        }
    }
}
