using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Campaigns;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// Many commands on one campaign at once: each applies exactly once or is refused (never a 5xx),
/// parallel tasks' completions don't collide, and the ledger stays whole: 1..N, chained, headed.
/// </summary>
public abstract class ConcurrencyTests(ApiFactory api)
{
    private sealed record Sent(string Kind, string? TaskId, ApiResponse Response);

    private static async Task<long> VersionOf(HttpClient client, string campaign) =>
        (await client.GetJsonAsync(campaign)).Json.GetProperty("version").GetInt64();

    private static async Task<string[]> ActiveTasks(HttpClient client, string campaign) =>
        (await client.GetJsonAsync($"{campaign}/progress")).Json.GetProperty("tasks").EnumerateArray()
        .Where(t => t.GetProperty("status").GetString() == "active").Select(t => t.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task ParallelCompletionsOfTheParallelTasks_EachAppliesExactlyOnce()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.InAnalysisAsync(client);
        var version = await VersionOf(client, campaign);

        var requests = Enumerable.Range(0, 6).SelectMany(_ => CampaignSteps.ParallelAnalysisTasks).Select(async task =>
            new Sent("complete", task.Key, await client.PostJsonAsync($"{campaign}/tasks/{task.Key}/complete", task.Value)));
        var sent = await Task.WhenAll(requests);

        foreach (var group in sent.GroupBy(s => s.TaskId))
        {
            Assert.Single(group, s => s.Response.Status == HttpStatusCode.OK);
            Assert.All(group.Where(s => s.Response.Status != HttpStatusCode.OK),
                s => Problems.Assert(s.Response, HttpStatusCode.Conflict, "task.not_active", s.TaskId!));
        }
        Assert.Equal(version + 3, await VersionOf(client, campaign));
        var entries = await Ledger.VerifiedAsync(api, CampaignSteps.IdOf(campaign));
        foreach (var task in CampaignSteps.ParallelAnalysisTasks.Keys)
            Assert.Single(entries, e => e.Kind == "task.completed" && e.TaskId == task);
        // The join after the three tasks fired once: the next wave is active, once each.
        Assert.Equal(["draftReport:1", "personalStatements:1:0", "personalStatements:1:1"], await ActiveTasks(client, campaign));
        Assert.Single(entries, e => e.Kind == "task.activated" && e.TaskId == "draftReport:1");
    }

    [Fact]
    public async Task FortyMixedCommandsAtOnce_ApplyOnceOrAreRefused_AndTheLedgerStaysWhole()
    {
        var office = await api.ClientAsync("campaign-office", Roles.Operator);
        var member = await api.ClientAsync("deputy.liu", Roles.Participant);
        var campaign = await CampaignSteps.InAnalysisAsync(office);
        var id = CampaignSteps.IdOf(campaign);
        var version = await VersionOf(office, campaign);
        var historyBefore = (await Ledger.VerifiedAsync(api, id)).Count;

        var work = new List<Func<Task<Sent>>>();
        foreach (var (task, body) in CampaignSteps.ParallelAnalysisTasks)
            for (var i = 0; i < 5; i++)
                work.Add(async () => new Sent("complete", task, await office.PostJsonAsync($"{campaign}/tasks/{task}/complete", body)));
        // The next wave: not there yet (404), there (200), or already done (409), depending on who wins.
        foreach (var (task, body) in new[] { ("draftReport:1", Document("draft-1")), ("personalStatements:1:0", Document("s0")), ("personalStatements:1:1", Document("s1")) })
            for (var i = 0; i < 3; i++)
                work.Add(async () => new Sent("complete", task, await member.PostJsonAsync($"{campaign}/tasks/{task}/complete", body)));
        foreach (var trigger in new[] { "suspend", "resume", "suspend", "resume", "suspend", "resume", "suspend", "resume", "advance", "advance", "advance", "advance" })
            work.Add(async () => new Sent(trigger, null, await office.PostJsonAsync($"{campaign}/transitions", new { trigger, reason = "并发测试" })));
        for (var i = 0; i < 4; i++)
            work.Add(async () => new Sent("reassign", "collectOpinions:1", await office.PostJsonAsync($"{campaign}/tasks/collectOpinions:1/reassign", new { assignee = $"clerk.{i}" })));
        Assert.Equal(40, work.Count);

        var order = new Random(20230610);
        var sent = await Task.WhenAll(work.OrderBy(_ => order.Next()).Select(w => Task.Run(w)));

        foreach (var s in sent)
        {
            Problems.NotServerError(s.Response, $"{s.Kind} {s.TaskId}", api.ErrorLog);
            Assert.Contains(s.Response.Status, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Conflict });
            if (s.Response.Status != HttpStatusCode.OK) Assert.NotEqual("campaign.concurrency_conflict", s.Response.ProblemCode);
        }
        var applied = sent.Count(s => s.Response.Status == HttpStatusCode.OK);
        Assert.Equal(version + applied, await VersionOf(office, campaign));

        var entries = await Ledger.VerifiedAsync(api, id);
        var added = entries.Skip(historyBefore).ToList();
        foreach (var group in sent.Where(s => s.Kind == "complete").GroupBy(s => s.TaskId))
        {
            var completions = added.Count(e => e.Kind == "task.completed" && e.TaskId == group.Key);
            Assert.True(completions <= 1, $"{group.Key} completed {completions} times");
            Assert.Equal(group.Count(s => s.Response.Status == HttpStatusCode.OK), completions);
        }
        var transitions = sent.Count(s => s.Kind is "suspend" or "resume" or "advance" && s.Response.Status == HttpStatusCode.OK);
        Assert.Equal(transitions, added.Count(e => e.Kind == "phase.transitioned"));
        Assert.Equal(0, sent.Count(s => s.Kind == "advance" && s.Response.Status == HttpStatusCode.OK));

        // Whatever the storm left, the campaign goes on from exactly there: each parallel task ends up completed once.
        if ((await office.GetJsonAsync(campaign)).Json.GetProperty("suspended").GetBoolean()) await CampaignSteps.FireAsync(office, campaign, "resume");
        var active = await ActiveTasks(office, campaign);
        foreach (var (task, body) in CampaignSteps.ParallelAnalysisTasks.Where(t => active.Contains(t.Key)))
            await CampaignSteps.CompleteAsync(office, campaign, task, body);
        entries = await Ledger.VerifiedAsync(api, id);
        foreach (var task in CampaignSteps.ParallelAnalysisTasks.Keys)
            Assert.Single(entries, e => e.Kind == "task.completed" && e.TaskId == task);
        Assert.Single(entries, e => e.Kind == "task.activated" && e.TaskId == "draftReport:1");
        // The storm queued in the server's per-campaign gate, and left nothing behind in it (a timer's firing may be
        // passing through at this moment; a leak would stay).
        var gates = api.Services.GetRequiredService<CommandGates>();
        for (var wait = 0; gates.Held > 0 && wait < 100; wait++) await Task.Delay(50);
        Assert.Equal(0, gates.Held);
    }

    [Fact]
    public async Task ParallelIfMatchOnTheSameVersion_OneApplies_TheOthersGet412WithTheWinningVersion()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.InAnalysisAsync(client);
        var version = await VersionOf(client, campaign);
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => CampaignSteps.ParallelAnalysisTasks).Select(task =>
            Task.Run(() => client.PostJsonAsync($"{campaign}/tasks/{task.Key}/complete", task.Value, ("If-Match", $"\"{version}\"")))));
        Assert.Single(sent, s => s.Status == HttpStatusCode.OK);
        Assert.All(sent.Where(s => s.Status != HttpStatusCode.OK), s =>
        {
            Problems.Assert(s, HttpStatusCode.PreconditionFailed, "request.precondition_failed", $"(version {version + 1})");
            Assert.Equal((version + 1).ToString(), s.Json.GetProperty("arguments").GetProperty("current").GetString());
        });
        Assert.Equal(version + 1, await VersionOf(client, campaign));
        await Ledger.VerifiedAsync(api, CampaignSteps.IdOf(campaign));
    }

    [Fact]
    public async Task ParallelRepeatsOfOneIdempotencyKey_ApplyOnce_AndAllGetTheFirstResponse()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var body = NewCampaign("并发幂等创建");
        var creates = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => client.PostJsonAsync("/api/v1/campaigns", body, ("Idempotency-Key", "parallel-create")))));
        Assert.All(creates, c => Assert.True(c.Status == HttpStatusCode.Created, c.Text));
        Assert.Single(creates.Select(c => (c.Text, c.Header("Location"))).Distinct());
        Assert.Equal(1, await api.DbAsync(db => db.Campaigns.CountAsync(c => c.Name == "并发幂等创建")));

        var campaign = await CampaignSteps.InAnalysisAsync(client);
        var completes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => client.PostJsonAsync($"{campaign}/tasks/heartToHeartTalks:1/complete", new { result = new { talksHeld = 80 } }, ("Idempotency-Key", "parallel-complete")))));
        Assert.All(completes, c => Assert.True(c.Status == HttpStatusCode.OK, c.Text));
        Assert.Single(completes.Select(c => c.Text).Distinct());
        var entries = await Ledger.VerifiedAsync(api, CampaignSteps.IdOf(campaign));
        Assert.Single(entries, e => e.Kind == "task.completed" && e.TaskId == "heartToHeartTalks:1");
    }
}

public sealed class ConcurrencyOnSqlite(SqliteApiFactory api) : ConcurrencyTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class ConcurrencyOnPostgres(PostgresApiFactory api) : ConcurrencyTests(api), IClassFixture<PostgresApiFactory>;
