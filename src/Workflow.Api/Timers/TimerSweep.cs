using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Api.Campaigns;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Storage;
using Workflow.Storage.Timers;

namespace Workflow.Api.Timers;

/// <summary>
/// Fires the timers that are due by the app's clock, each in its own campaign command: the ledger
/// entry, the timer row removed or advanced (by <see cref="TimerProjection"/>) and the snapshot are one
/// transaction, committed under the campaign's version check. The engine accepts a firing only once (the state
/// records it), so two sweepers on two nodes, or a sweep re-run after a crash, write it once.
/// </summary>
public sealed class TimerSweep(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TimerOptions> options, TimerStatus status, ILogger<TimerSweep> logger)
{
    public const string Actor = "system:timers";

    /// <summary>Fires what is due now; returns how many firings were written.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fired = 0;
        List<TimerRow> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
            due = await db.Timers.AsNoTracking().Where(t => !t.Held && t.DueAt <= now)
                .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(options.Value.Scheduler.BatchSize).ToListAsync(cancellationToken);
        }
        foreach (var timer in due)
        {
            try
            {
                if (await FireAsync(timer, cancellationToken)) fired++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One bad timer must not stop the others; it stays and is tried again at the next sweep.
                logger.LogError(exception, "Timer {TimerId} ({Kind} of {TaskId} in campaign {CampaignId}) failed to fire.", timer.Id, timer.Kind, timer.TaskId, timer.CampaignId);
            }
        }
        status.Swept(clock.GetUtcNow(), fired);
        return fired;
    }

    private async Task<bool> FireAsync(TimerRow timer, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var commands = scope.ServiceProvider.GetRequiredService<CampaignCommands>();
        var settings = options.Value;
        var recipients = ImmutableArray<string>.Empty;
        if (timer.Kind == TimerRow.PhaseDeadline)
        {
            var creator = await db.Campaigns.AsNoTracking().Where(c => c.Id == timer.CampaignId).Select(c => c.CreatedBy).SingleOrDefaultAsync(cancellationToken);
            recipients = [.. new[] { creator }.Concat(settings.PhaseDeadline.Notify).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!).Distinct(StringComparer.Ordinal)];
        }
        var actor = new RequestActor(Actor, null, null, $"timer:{timer.Id}:{timer.Number}");
        var outcome = await commands.ExecuteAsync(timer.CampaignId, null, actor, "",
            (template, state, now) =>
            {
                var result = Decide(template, state, timer, recipients, now);
                if (result.Accepted && settings.Testing.HoldBeforeCommit > TimeSpan.Zero)
                {
                    // Test-only: the process can be killed here, with the firing decided but not committed.
                    Console.Out.WriteLine($"timers: holding firing of timer {timer.Id} ({timer.Kind} {timer.TaskId}) before commit");
                    Console.Out.Flush();
                    Thread.Sleep(settings.Testing.HoldBeforeCommit);
                }
                return result;
            },
            _ => throw new InvalidOperationException("Timer firings carry no Idempotency-Key, so they store no response."), cancellationToken);
        switch (outcome)
        {
            case CommandApplied:
                return true;
            case CommandRefused { Refusal.Code: CampaignRefusalCodes.Suspended }:
                await db.Timers.Where(t => t.CampaignId == timer.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Held, true), cancellationToken);
                return false;
            case CommandRefused or CampaignMissing:
                // Nothing to do (fired by another node meanwhile, or its task ended): drop it unless it moved on since it was read.
                await db.Timers.Where(t => t.Id == timer.Id && t.Number == timer.Number && t.DueAt == timer.DueAt).ExecuteDeleteAsync(cancellationToken);
                return false;
            default:
                return false; // lost too many races: the next sweep tries again
        }
    }

    /// <summary>The engine command a timer stands for, decided on the campaign's committed state (the commit checks it is still that).</summary>
    private static CampaignResult Decide(
        Engine.Compilation.CompiledTemplate template, CampaignInstance state, TimerRow timer, ImmutableArray<string> recipients, DateTimeOffset now)
    {
        if (timer.Kind == TimerRow.PhaseDeadline)
            return CampaignEngine.PassPhaseDeadline(template, state, timer.PhaseId, timer.Round, recipients, now);
        if (state.State != timer.PhaseId || state.Round != timer.Round)
            return new CampaignResult(null, [], new CampaignRefusal(RejectionCodes.TimerStale,
                $"The timer belongs to phase '{timer.PhaseId}' round {timer.Round}; the campaign is in '{state.State}' round {state.Round}.",
                new Dictionary<string, string> { ["taskId"] = timer.TaskId }, [], [], [], []));
        var command = timer.Kind switch
        {
            TimerRow.Reminder => new FireTimer(Actor, TimerKind.Reminder, timer.TaskId, timer.Number,
                ReminderSchedule.FromJson(timer.Payload)?.StageAt(now.UtcDateTime) ?? "due"),
            TimerRow.Escalation => new FireTimer(Actor, TimerKind.Escalation, timer.TaskId, EscalateTo: EscalationPayload.FromJson(timer.Payload)?.To),
            TimerRow.Timeout => new FireTimer(Actor, TimerKind.Timeout, timer.TaskId),
            _ => new FireTimer(Actor, TimerKind.Delay, timer.TaskId),
        };
        return CampaignEngine.Execute(template, state, command, now);
    }
}

/// <summary>What /health/ready reports about the scheduler: whether it runs, clustered or not, and the last sweep.</summary>
public sealed class TimerStatus
{
    private long _lastSweepTicks;
    private int _lastFired;

    public bool Clustered { get; init; }

    public bool Enabled { get; init; }

    public DateTimeOffset? LastSweepAt => Interlocked.Read(ref _lastSweepTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public int LastFired => Volatile.Read(ref _lastFired);

    internal void Swept(DateTimeOffset at, int fired)
    {
        Volatile.Write(ref _lastFired, fired);
        Interlocked.Exchange(ref _lastSweepTicks, at.UtcTicks);
    }
}
