using System.Net;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// If-Match (optional; stale gets 412) and Idempotency-Key (per principal; a repeat returns the first
/// 2xx response and changes nothing; another body under the same key gets 422).
/// </summary>
public abstract class WriteSemanticsTests(ApiFactory api)
{
    private static (string, string) IfMatch(long version) => ("If-Match", $"\"{version}\"");

    private static (string, string) Key(string key) => ("Idempotency-Key", key);

    [Fact]
    public async Task StaleIfMatch_Is412_WithTheCurrentVersion_AndTheCurrentOneApplies()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        var read = await client.GetJsonAsync(campaign);
        Assert.Equal("\"2\"", read.Header("ETag"));
        var before = await DbState.ReadAsync(api);

        var (en, _) = await Problems.RefusedAsync(h => client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), [.. h, IfMatch(1)]),
            HttpStatusCode.PreconditionFailed, "request.precondition_failed", "The campaign has changed (version 2); your If-Match was 1.", "活动已被修改（当前版本 2），您的 If-Match 为 1");
        Assert.Equal("2", en.Json.GetProperty("arguments").GetProperty("current").GetString());
        Assert.Equal("1", en.Json.GetProperty("arguments").GetProperty("expected").GetString());
        await Problems.RefusedAsync(h => client.PostJsonAsync($"{campaign}/transitions", new { trigger = "suspend" }, [.. h, IfMatch(3)]),
            HttpStatusCode.PreconditionFailed, "request.precondition_failed", "(version 2)", "当前版本 2");
        Assert.Equal(before, await DbState.ReadAsync(api));

        var applied = await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), IfMatch(2));
        Assert.Equal(HttpStatusCode.OK, applied.Status);
        Assert.Equal("\"3\"", applied.Header("ETag"));
        Assert.Equal(3, applied.Json.GetProperty("version").GetInt64());
        // The ETag of one response is the If-Match of the next; without If-Match the current state decides.
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"{campaign}/tasks/centralizedStudy:1/complete", Meeting("2023-03-10"), ("If-Match", applied.Header("ETag")!))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"{campaign}/transitions", new { trigger = "suspend" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"{campaign}/transitions", new { trigger = "resume" }, ("If-Match", "*"))).Status);
        await Ledger.VerifiedAsync(api, CampaignSteps.IdOf(campaign));
    }

    /// <summary>RFC 9110 §13.1.1: a list matches when any tag does, by strong comparison; weak and foreign tags never match.</summary>
    [Theory]
    [InlineData("W/\"2\"", 412)]
    [InlineData("\"three\"", 412)]
    [InlineData("\"1\", W/\"2\"", 412)]
    [InlineData("\"1\", \"2\"", 200)]
    [InlineData("\"x\",\"2\"", 200)]
    public async Task IfMatch_ComparesStrongly_AndAListMatchesWhenAnyTagDoes(string ifMatch, int status)
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client); // at version 2
        var before = await DbState.ReadAsync(api);
        var response = await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), ("If-Match", ifMatch));
        Assert.True((int)response.Status == status, response.Text);
        if (status == 412)
        {
            Assert.Equal("request.precondition_failed", response.Json.GetProperty("code").GetString());
            Assert.Equal(ifMatch, response.Json.GetProperty("arguments").GetProperty("expected").GetString());
            Assert.Equal(before, await DbState.ReadAsync(api));
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("3")]
    [InlineData("\"3")]
    [InlineData("W/")]
    [InlineData("\"1\" \"2\"")]
    [InlineData("*, \"1\"")]
    [InlineData("\"a b\"")]
    public async Task MalformedIfMatch_Is400(string ifMatch)
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        var before = await DbState.ReadAsync(api);
        await Problems.RefusedAsync(h => client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), [.. h, ("If-Match", ifMatch)]),
            HttpStatusCode.BadRequest, "request.if_match_invalid", "If-Match must be * or entity tags in quotes", "If-Match 必须是 * 或以逗号分隔、带引号的实体标签");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task IdempotentCreate_RepeatReturnsTheFirstResponse_AndCreatesOneCampaign()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var body = NewCampaign("幂等创建");
        var first = await client.PostJsonAsync("/api/v1/campaigns", body, Key("create-1"));
        Assert.Equal(HttpStatusCode.Created, first.Status);
        var afterFirst = await DbState.ReadAsync(api);

        var repeat = await client.PostJsonAsync("/api/v1/campaigns", body, Key("create-1"));
        Assert.Equal(HttpStatusCode.Created, repeat.Status);
        Assert.Equal(first.Text, repeat.Text);
        Assert.Equal(first.Header("Location"), repeat.Header("Location"));
        Assert.Equal(first.Header("ETag"), repeat.Header("ETag"));
        Assert.Equal(afterFirst, await DbState.ReadAsync(api));
        Assert.Equal(1, await api.DbAsync(db => db.Campaigns.CountAsync(c => c.Name == "幂等创建")));
        var id = CampaignSteps.IdOf(first.Header("Location")!);
        var entries = await Ledger.VerifiedAsync(api, id);
        Assert.All(entries, e => Assert.Equal("create-1", e.IdempotencyKey));
    }

    [Fact]
    public async Task IdempotentCommand_RepeatReturnsTheFirstResponse_EvenAfterLaterChanges()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        var first = await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), Key("complete-1"));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        await CampaignSteps.CompleteAsync(client, campaign, "centralizedStudy:1", Meeting("2023-03-10"));
        var before = await DbState.ReadAsync(api);

        // Not "task.not_active": the repeat is answered from the record, not run again.
        var repeat = await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), Key("complete-1"));
        Assert.Equal(HttpStatusCode.OK, repeat.Status);
        Assert.Equal(first.Text, repeat.Text);
        Assert.Equal(3, repeat.Json.GetProperty("version").GetInt64());
        Assert.Equal(before, await DbState.ReadAsync(api));
        var completions = (await Ledger.VerifiedAsync(api, CampaignSteps.IdOf(campaign))).Where(e => e is { Kind: "task.completed", TaskId: "studyMobilization:1" });
        Assert.Equal("complete-1", Assert.Single(completions).IdempotencyKey);
    }

    [Fact]
    public async Task SameKeyWithAnotherBodyOrPath_Is422_AndWritesNothing()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), Key("k-422"))).Status);
        var before = await DbState.ReadAsync(api);
        var (en, _) = await Problems.RefusedAsync(h => client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-02"), [.. h, Key("k-422")]),
            (HttpStatusCode)422, "idempotency.key_reused", "The Idempotency-Key k-422 was already used with a different request body.", "幂等键 k-422 已用于不同的请求正文");
        Assert.Equal("k-422", en.Json.GetProperty("arguments").GetProperty("key").GetString());
        await Problems.RefusedAsync(h => client.PostJsonAsync($"{campaign}/tasks/centralizedStudy:1/complete", Meeting("2023-03-01"), [.. h, Key("k-422")]),
            (HttpStatusCode)422, "idempotency.key_reused", "k-422", "k-422");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task TheSameKeyFromAnotherPrincipal_IsIndependent()
    {
        var office = await api.ClientAsync("campaign-office", Roles.Operator);
        var bureau = await api.ClientAsync("bureau-office", Roles.Operator);
        var body = NewCampaign("两个主体同一个键");
        var mine = await office.PostJsonAsync("/api/v1/campaigns", body, Key("shared-key"));
        var theirs = await bureau.PostJsonAsync("/api/v1/campaigns", body, Key("shared-key"));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (mine.Status, theirs.Status));
        Assert.NotEqual(mine.Header("Location"), theirs.Header("Location"));
        Assert.Equal("campaign-office", mine.Json.GetProperty("createdBy").GetString());
        Assert.Equal("bureau-office", theirs.Json.GetProperty("createdBy").GetString());
        Assert.Equal(2, await api.DbAsync(db => db.Campaigns.CountAsync(c => c.Name == "两个主体同一个键")));
        // Each principal's repeat still gets its own first response.
        Assert.Equal(theirs.Text, (await bureau.PostJsonAsync("/api/v1/campaigns", body, Key("shared-key"))).Text);
        Assert.Equal(mine.Text, (await office.PostJsonAsync("/api/v1/campaigns", body, Key("shared-key"))).Text);
    }

    [Fact]
    public async Task ARefusedCommand_IsNotRemembered_UnderItsKey()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        var before = await DbState.ReadAsync(api);
        var refused = await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", new { result = new { heldOn = "soon" } }, Key("k-refused"));
        Assert.Equal((HttpStatusCode)422, refused.Status);
        Assert.Equal(before, await DbState.ReadAsync(api));
        // Only a 2xx is kept, so the corrected request may use the same key...
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), Key("k-refused"))).Status);
        // ...and from then on the key belongs to it.
        var again = await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", new { result = new { heldOn = "soon" } }, Key("k-refused"));
        Assert.Equal((HttpStatusCode)422, again.Status);
        Assert.Equal("idempotency.key_reused", again.ProblemCode);
    }
}

public sealed class WriteSemanticsOnSqlite(SqliteApiFactory api) : WriteSemanticsTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class WriteSemanticsOnPostgres(PostgresApiFactory api) : WriteSemanticsTests(api), IClassFixture<PostgresApiFactory>;
