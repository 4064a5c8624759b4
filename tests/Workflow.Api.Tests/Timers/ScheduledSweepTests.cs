using System.Diagnostics;
using System.Net;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Timers;

/// <summary>
/// Quartz really runs the sweep: with the hosted scheduler on (clustered on PostgreSQL, not on SQLite) and the real clock,
/// a two-second delay is ended within seconds of falling due without the test calling the sweep, and /health/ready reports the scheduler.
/// </summary>
public abstract class ScheduledSweepTests(TimerApiFactory api, bool clustered)
{
    [Fact]
    public async Task HostedScheduler_FiresADueTimer_WithinSeconds_AndHealthReportsIt()
    {
        var client = await api.ClientAsync("operator.li", Roles.All);
        var created = await client.PostJsonAsync("/api/v1/campaigns", TimerDefinitions.NewCampaign($"scheduled-{Guid.NewGuid():N}", TimerDefinitions.CrashTemplateId));
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        var url = created.Header("Location")!;
        await CampaignSteps.FireAsync(client, url, "start");
        var id = CampaignSteps.IdOf(url);

        var watch = Stopwatch.StartNew();
        while ((await api.EntriesAsync(id, "delay.elapsed")).Count == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), "the scheduler did not end the two-second delay within 15 s");
            await Task.Delay(200);
        }
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.5), "the delay ended before it was due");
        Assert.Single(await api.EntriesAsync(id, "delay.elapsed"));
        Assert.Single(await api.EntriesAsync(id, "task.activated"), e => e.TaskId == "follow:1");

        var health = await api.CreateClient().GetJsonAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.Status);
        var scheduler = health.Json.GetProperty("scheduler");
        Assert.Equal("running", scheduler.GetProperty("status").GetString());
        Assert.True(scheduler.GetProperty("started").GetBoolean());
        Assert.Equal(clustered, scheduler.GetProperty("clustered").GetBoolean());
        Assert.True(scheduler.GetProperty("lastSweepAt").GetDateTimeOffset() > DateTimeOffset.MinValue);
        Assert.False(string.IsNullOrEmpty(scheduler.GetProperty("instanceId").GetString()));
        // The webhook dispatcher's loop runs on every node too, and has made at least one pass by now.
        var dispatcher = health.Json.GetProperty("dispatcher");
        Assert.Equal("running", dispatcher.GetProperty("status").GetString());
        Assert.True(dispatcher.GetProperty("lastPassAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}

public sealed class ScheduledSweepOnSqlite(ScheduledSqliteFactory api) : ScheduledSweepTests(api, clustered: false), IClassFixture<ScheduledSqliteFactory>;

[Trait("Database", "PostgreSql")]
public sealed class ScheduledSweepOnPostgres(ScheduledPostgresFactory api) : ScheduledSweepTests(api, clustered: true), IClassFixture<ScheduledPostgresFactory>;
