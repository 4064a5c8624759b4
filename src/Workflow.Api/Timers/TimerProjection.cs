using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Values;
using Workflow.Storage;
using Workflow.Storage.Timers;

namespace Workflow.Api.Timers;

/// <summary>
/// Keeps the timers table in step with a command's events, in the command's own transaction (as the
/// worklist is kept): a task with a due time gets its reminder, escalation and timeout timers, a delay
/// and a phase deadline theirs; a fired, completed or withdrawn one loses them; suspending holds them.
/// Only the campaign's own timers are read (a few per open task), never its history.
/// </summary>
public sealed class TimerProjection(IOptions<TimerOptions> options)
{
    public async Task ApplyAsync(CampaignDbContext db, Guid campaignId, IEnumerable<CampaignEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<TimerRow>? timers = null;
        async Task<List<TimerRow>> Timers() => timers ??= await db.Timers.Where(t => t.CampaignId == campaignId).ToListAsync(cancellationToken);
        void Add(TimerRow row)
        {
            timers!.Add(row);
            db.Timers.Add(row);
        }
        void Remove(Func<TimerRow, bool> which)
        {
            foreach (var row in timers!.Where(which).ToList())
            {
                timers!.Remove(row);
                db.Timers.Remove(row);
            }
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case PhaseWorkflowEvent { Event: TaskActivated a } w when a.DueAt is { } due:
                    await Timers();
                    foreach (var row in ForTask(campaignId, w.PhaseId, w.Round, a, due.UtcDateTime, now.UtcDateTime)) Add(row);
                    break;
                case PhaseWorkflowEvent { Event: DelayStarted d } w:
                    await Timers();
                    Add(Row(campaignId, TimerRow.Delay, w.PhaseId, w.Round, d.TaskId, d.DueAt.UtcDateTime, now.UtcDateTime));
                    break;
                case PhaseWorkflowEvent { Event: TaskCompleted or TaskCancelled or DelayElapsed or TaskTimedOut } w:
                    var taskId = w.Event switch
                    {
                        TaskCompleted c => c.TaskId, TaskCancelled x => x.TaskId, DelayElapsed d => d.TaskId, TaskTimedOut o => o.TaskId, _ => "",
                    };
                    await Timers();
                    Remove(t => t.PhaseId == w.PhaseId && t.Round == w.Round && t.TaskId == taskId);
                    break;
                case PhaseWorkflowEvent { Event: TaskReminded r } w:
                    var reminder = (await Timers()).SingleOrDefault(t => t.Kind == TimerRow.Reminder && t.PhaseId == w.PhaseId && t.Round == w.Round && t.TaskId == r.TaskId);
                    if (reminder is null) break;
                    if (ReminderSchedule.FromJson(reminder.Payload)?.NextAfter(now.UtcDateTime) is { } next)
                    {
                        reminder.DueAt = next;
                        reminder.Number = r.Number + 1;
                    }
                    else Remove(t => ReferenceEquals(t, reminder));
                    break;
                case PhaseWorkflowEvent { Event: TaskEscalated x } w:
                    await Timers();
                    Remove(t => t.Kind == TimerRow.Escalation && t.PhaseId == w.PhaseId && t.Round == w.Round && t.TaskId == x.TaskId);
                    break;
                case PhaseDeadlineScheduled d:
                    await Timers();
                    Add(Row(campaignId, TimerRow.PhaseDeadline, d.PhaseId, d.Round, "", d.DueAt.UtcDateTime, now.UtcDateTime));
                    break;
                case PhaseDeadlinePassed p:
                    await Timers();
                    Remove(t => t.Kind == TimerRow.PhaseDeadline && t.PhaseId == p.PhaseId && t.Round == p.Round);
                    break;
                case PhaseTransitioned { Transition.Trigger: CampaignTrigger.Suspend }:
                    // Suspended, nothing fires; on resume, what fell due meanwhile fires at the next sweep.
                    foreach (var row in await Timers()) row.Held = true;
                    break;
                case PhaseTransitioned { Transition.Trigger: CampaignTrigger.Resume }:
                    foreach (var row in await Timers()) row.Held = false;
                    break;
                case PhaseTransitioned:
                    // Leaving a phase (or the campaign ending) ends its deadline; its tasks' timers go with their TaskCancelled events.
                    await Timers();
                    Remove(t => t.Kind == TimerRow.PhaseDeadline);
                    break;
            }
        }
    }

    private IEnumerable<TimerRow> ForTask(Guid campaignId, string phaseId, int round, TaskActivated task, DateTime due, DateTime now)
    {
        var settings = options.Value;
        var inputs = task.Inputs;
        if (settings.Reminders.Enabled)
        {
            var schedule = new ReminderSchedule(
                due,
                Duration(inputs, "remindBeforeDue") ?? settings.Reminders.BeforeDue,
                Duration(inputs, "remindOverdueEvery") ?? settings.Reminders.OverdueEvery,
                (int?)Number(inputs, "remindOverdueMax") ?? settings.Reminders.OverdueMax);
            if (schedule.NextAfter(now) is { } first)
            {
                var row = Row(campaignId, TimerRow.Reminder, phaseId, round, task.TaskId, first, now);
                row.Number = 1;
                row.Payload = schedule.ToJson();
                yield return row;
            }
        }
        var escalateTo = Text(inputs, "escalateTo") ?? settings.Escalation.To;
        if (!string.IsNullOrWhiteSpace(escalateTo))
        {
            var after = Number(inputs, "escalateAfterDays") ?? settings.Escalation.AfterDays;
            var row = Row(campaignId, TimerRow.Escalation, phaseId, round, task.TaskId, due.AddDays(after), now);
            row.Payload = new EscalationPayload(escalateTo.Trim()).ToJson();
            yield return row;
        }
        if (inputs.ValueKind == JsonValueKind.Object && inputs.TryGetProperty("timeout", out var timeout) && timeout.ValueKind == JsonValueKind.True)
            yield return Row(campaignId, TimerRow.Timeout, phaseId, round, task.TaskId, due, now);
    }

    private static TimerRow Row(Guid campaignId, string kind, string phaseId, int round, string taskId, DateTime due, DateTime now) => new()
    {
        CampaignId = campaignId, Kind = kind, PhaseId = phaseId, Round = round, TaskId = taskId, DueAt = due, CreatedAt = now,
    };

    private static string? Text(JsonElement inputs, string name) =>
        inputs.ValueKind == JsonValueKind.Object && inputs.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement inputs, string name) =>
        inputs.ValueKind == JsonValueKind.Object && inputs.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static TimeSpan? Duration(JsonElement inputs, string name) => Durations.TryParse(Text(inputs, name), out var d) ? d : null;
}
