using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Timers;

/// <summary>
/// Reminders, escalation, delays, timeouts and phase deadlines, driven by a clock the test moves and the sweep the
/// scheduled job runs: each fires at its time, once, however often the sweep runs; completing, reassigning,
/// suspending and cancelling change what fires.
/// </summary>
public abstract class TimerRuleTests(TimerApiFactory api)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private async Task<(HttpClient Client, string Url, Guid Id)> StartedAsync()
    {
        var client = await api.ClientAsync("operator.wang", Roles.All);
        var created = await client.PostJsonAsync("/api/v1/campaigns", TimerDefinitions.NewCampaign($"timers-{Guid.NewGuid():N}"));
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        var url = created.Header("Location")!;
        await CampaignSteps.FireAsync(client, url, "start");
        return (client, url, CampaignSteps.IdOf(url));
    }

    /// <summary>Moves the clock and sweeps twice: the second sweep must find nothing more to fire.</summary>
    private async Task AdvanceAndSweepAsync(TimeSpan by)
    {
        api.Clock.Advance(by);
        await api.SweepAsync();
        Assert.Equal(0, await api.SweepAsync());
    }

    private static JsonElement Payload(HistoryEntry entry) => JsonDocument.Parse(entry.Payload).RootElement.Clone();

    private static JsonElement Event(HistoryEntry entry) => Payload(entry).GetProperty("event");

    private static string[] Recipients(JsonElement owner) => [.. owner.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()!)];

    private static async Task<JsonElement> TaskAsync(HttpClient client, string url, string taskId)
    {
        var progress = await client.GetJsonAsync($"{url}/progress");
        Assert.Equal(HttpStatusCode.OK, progress.Status);
        return progress.Json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == taskId);
    }

    [Fact]
    public async Task EveryRule_FiresAtItsTime_Once()
    {
        var (client, url, id) = await StartedAsync();
        var started = api.Clock.GetUtcNow();
        await AdvanceAndSweepAsync(TimeSpan.FromHours(1));
        Assert.Empty(await api.EntriesAsync(id, "task.reminded", "task.escalated", "task.timed_out", "delay.elapsed", "phase.deadline_passed"));

        // Day 1: the report's reminder a day before it is due; the quick task falls due and times out into the late task.
        await AdvanceAndSweepAsync(Day - TimeSpan.FromHours(1));
        var reminders = await api.EntriesAsync(id, "task.reminded");
        var first = Assert.Single(reminders, r => r.TaskId == "report:1");
        Assert.Equal("beforeDue", Event(first).GetProperty("stage").GetString());
        Assert.Equal(["alice"], Recipients(Event(first)));
        Assert.Equal("system:timers", first.Actor);
        var timedOut = Assert.Single(await api.EntriesAsync(id, "task.timed_out"));
        Assert.Equal("quick:1", timedOut.TaskId);
        Assert.Equal(["carol"], Recipients(Event(timedOut)));
        var quick = await TaskAsync(client, url, "quick:1");
        Assert.Equal("cancelled", quick.GetProperty("status").GetString());
        Assert.Equal("Timeout", quick.GetProperty("outcome").GetString());
        Assert.Equal("active", (await TaskAsync(client, url, "late:1")).GetProperty("status").GetString());
        Assert.Equal("dave", (await TaskAsync(client, url, "late:1")).GetProperty("assignee").GetString());

        // Day 2: due. Day 3: overdue, and the three-day delay ends, activating the task after it.
        await AdvanceAndSweepAsync(Day);
        await AdvanceAndSweepAsync(Day);
        var elapsed = Assert.Single(await api.EntriesAsync(id, "delay.elapsed"));
        Assert.Equal("wait:1", elapsed.TaskId);
        Assert.Equal("active", (await TaskAsync(client, url, "afterWait:1")).GetProperty("status").GetString());
        Assert.Empty(await api.EntriesAsync(id, "task.escalated"));

        // Day 4: the second (last) overdue reminder, and two days overdue the report escalates to the supervisor.
        await AdvanceAndSweepAsync(Day);
        var escalated = Assert.Single(await api.EntriesAsync(id, "task.escalated"));
        Assert.Equal("supervisor", Event(escalated).GetProperty("to").GetString());
        Assert.Equal(["supervisor", "alice"], Recipients(Event(escalated)));
        var report = await TaskAsync(client, url, "report:1");
        Assert.Equal("supervisor", report.GetProperty("escalatedTo").GetString());
        Assert.Equal(started + 4 * Day, report.GetProperty("escalatedAt").GetDateTimeOffset());
        Assert.Equal(4, report.GetProperty("reminders").GetInt32());

        // The worklist: escalated=true, and on the supervisor's list as well as alice's.
        var escalatedRows = await client.GetJsonAsync("/api/v1/tasks?escalated=true&assignee=supervisor");
        var row = Assert.Single(escalatedRows.Json.GetProperty("items").EnumerateArray(), r => r.GetProperty("campaignId").GetGuid() == id);
        Assert.Equal("report:1", row.GetProperty("taskId").GetString());
        Assert.Equal("alice", row.GetProperty("assignee").GetString());
        Assert.Equal("supervisor", row.GetProperty("escalatedTo").GetString());
        var notEscalated = await client.GetJsonAsync("/api/v1/tasks?escalated=false&assignee=alice");
        Assert.DoesNotContain(notEscalated.Json.GetProperty("items").EnumerateArray(), r => r.GetProperty("campaignId").GetGuid() == id);

        // Day 5: no more reminders (at most two overdue), and the phase deadline passes; its notice goes to the campaign's creator.
        var progress = await client.GetJsonAsync($"{url}/progress");
        Assert.Equal(started + 5 * Day, progress.Json.GetProperty("phaseDeadline").GetDateTimeOffset());
        await AdvanceAndSweepAsync(Day);
        var deadline = Assert.Single(await api.EntriesAsync(id, "phase.deadline_passed"));
        Assert.Equal("work", deadline.PhaseId);
        Assert.Equal(["operator.wang"], Recipients(Payload(deadline)));
        await AdvanceAndSweepAsync(3 * Day);

        reminders = await api.EntriesAsync(id, "task.reminded");
        Assert.Equal(["beforeDue", "due", "overdue", "overdue"],
            reminders.Where(r => r.TaskId == "report:1").Select(r => Event(r).GetProperty("stage").GetString()));
        Assert.Equal([1, 2, 3, 4], reminders.Where(r => r.TaskId == "report:1").Select(r => Event(r).GetProperty("number").GetInt32()));
        Assert.Single(await api.EntriesAsync(id, "task.escalated"));
        Assert.Single(await api.EntriesAsync(id, "task.timed_out"));
        Assert.Single(await api.EntriesAsync(id, "delay.elapsed"));
        Assert.Single(await api.EntriesAsync(id, "phase.deadline_passed"));
        var verified = await client.GetJsonAsync($"/api/v1/audit/campaigns/{id}/verify");
        Assert.True(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
    }

    [Fact]
    public async Task CompletingBeforeDue_CancelsItsTimers_AndReassigningMovesReminders()
    {
        var (client, url, id) = await StartedAsync();
        await CampaignSteps.CompleteAsync(client, url, "report:1", SeedData.Meeting("2026-12-01"));
        var reassigned = await client.PostJsonAsync($"{url}/tasks/quick:1/reassign", new { assignee = "erin", reason = "carol is away" });
        Assert.Equal(HttpStatusCode.OK, reassigned.Status);
        Assert.Empty(await api.DbAsync(db => db.Timers.Where(t => t.CampaignId == id && t.TaskId == "report:1").ToListAsync()));

        await AdvanceAndSweepAsync(Day);
        await AdvanceAndSweepAsync(5 * Day);
        Assert.DoesNotContain(await api.EntriesAsync(id, "task.reminded", "task.escalated"), e => e.TaskId == "report:1");
        var timedOut = Assert.Single(await api.EntriesAsync(id, "task.timed_out"));
        Assert.Equal(["erin"], Recipients(Event(timedOut)));
    }

    [Fact]
    public async Task SuspendedCampaign_FiresNothing_UntilResumed_AndCancelledNeverAgain()
    {
        var (client, url, id) = await StartedAsync();
        var (_, cancelledUrl, cancelledId) = await StartedAsync();
        await CampaignSteps.FireAsync(client, url, "suspend");
        await CampaignSteps.FireAsync(client, cancelledUrl, "cancel");
        Assert.Empty(await api.DbAsync(db => db.Timers.Where(t => t.CampaignId == cancelledId).ToListAsync()));

        await AdvanceAndSweepAsync(2 * Day + TimeSpan.FromHours(1));
        string[] kinds = ["task.reminded", "task.escalated", "task.timed_out", "delay.elapsed", "phase.deadline_passed"];
        Assert.Empty(await api.EntriesAsync(id, kinds));
        Assert.Empty(await api.EntriesAsync(cancelledId, kinds));

        // Resumed after two days: what fell due meanwhile fires once, the missed reminder points as one reminder.
        await CampaignSteps.FireAsync(client, url, "resume");
        await AdvanceAndSweepAsync(TimeSpan.FromMinutes(1));
        var reminder = Assert.Single(await api.EntriesAsync(id, "task.reminded"), r => r.TaskId == "report:1");
        Assert.Equal("due", Event(reminder).GetProperty("stage").GetString());
        Assert.Single(await api.EntriesAsync(id, "task.timed_out"));
        Assert.Empty(await api.EntriesAsync(cancelledId, kinds));
    }

    [Fact]
    public async Task TwoHostsSweepingAtOnce_WriteEachFiringOnce()
    {
        var campaigns = new List<Guid>();
        for (var i = 0; i < 8; i++) campaigns.Add((await StartedAsync()).Id);
        await using var second = api.WithWebHostBuilder(_ => { });
        var sweepers = new[] { api.Services, second.Services }
            .Select(s => (Workflow.Api.Timers.TimerSweep)s.GetService(typeof(Workflow.Api.Timers.TimerSweep))!).ToArray();
        Assert.NotSame(sweepers[0], sweepers[1]);

        api.Clock.Advance(Day);
        await Task.WhenAll(sweepers.Concat(sweepers).Select(s => Task.Run(() => s.SweepAsync(CancellationToken.None))));

        foreach (var id in campaigns)
        {
            Assert.Single(await api.EntriesAsync(id, "task.reminded"), r => r.TaskId == "report:1");
            Assert.Single(await api.EntriesAsync(id, "task.timed_out"));
        }
    }
}

public sealed class TimerRulesOnSqlite(TimerSqliteFactory api) : TimerRuleTests(api), IClassFixture<TimerSqliteFactory>;

[Trait("Database", "PostgreSql")]
public sealed class TimerRulesOnPostgres(TimerPostgresFactory api) : TimerRuleTests(api), IClassFixture<TimerPostgresFactory>;
