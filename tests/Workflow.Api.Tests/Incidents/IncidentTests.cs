using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Incidents;

/// <summary>
/// A decision whose condition fails is an incident an operator lists, retries (after the data is put right) or skips
/// with a reason, each on the ledger with who did it; refusals are problems with stable codes in both languages.
/// </summary>
public abstract partial class IncidentTests(IncidentApiFactory api)
{
    private static readonly object Held = new { result = new { heldOn = "2023-06-10" } };

    [GeneratedRegex("^<(?<url>[^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();

    private Task<HttpClient> OperatorAsync(string principal = "ops.wang") => api.ClientAsync(principal, Roles.Operator);

    /// <summary>Started, and prepare:1 completed, so that "check" has faulted: incident 1 is open.</summary>
    private static async Task<string> FaultedAsync(HttpClient client)
    {
        var created = await client.PostJsonAsync("/api/v1/campaigns", new
        {
            templateId = IncidentApiFactory.TemplateId, templateVersion = 1, name = "异常事件测试", organization = "机关党委", parameters = new { },
        });
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        var campaign = created.Header("Location")!;
        await CampaignSteps.FireAsync(client, campaign, "start");
        await CampaignSteps.CompleteAsync(client, campaign, "prepare:1", Held);
        return campaign;
    }

    private static async Task<string> ETagAsync(HttpClient client, string campaign) => (await client.GetJsonAsync(campaign)).Header("ETag")!;

    private static async Task<System.Text.Json.JsonElement> IncidentAsync(HttpClient client, string campaign, string id)
    {
        var list = await client.GetJsonAsync($"{campaign}/incidents");
        Assert.True(list.Status == HttpStatusCode.OK, list.Text);
        return list.Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
    }

    private Task<List<Workflow.Storage.History.HistoryEntry>> EntriesAsync(string campaign, string kind)
    {
        var id = CampaignSteps.IdOf(campaign);
        return api.DbAsync(db => db.History.AsNoTracking().Where(h => h.CampaignId == id && h.Kind == kind).OrderBy(h => h.Sequence).ToListAsync());
    }

    private async Task AssertVerifiedAsync(string campaign)
    {
        var auditor = await api.ClientAsync("auditor.zhao", Roles.Auditor);
        var verified = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{CampaignSteps.IdOf(campaign)}/verify");
        Assert.True(verified.Status == HttpStatusCode.OK && verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
    }

    [Fact]
    public async Task AnExpressionFault_IsAnOpenIncident_WithItsStepAndError()
    {
        var client = await OperatorAsync();
        var campaign = await FaultedAsync(client);

        var incident = await IncidentAsync(client, campaign, "1");
        Assert.Equal(("work", 1, "check", 1, "open", 1), (incident.GetProperty("phaseId").GetString(), incident.GetProperty("round").GetInt32(),
            incident.GetProperty("activityId").GetString(), incident.GetProperty("iteration").GetInt32(), incident.GetProperty("status").GetString(),
            incident.GetProperty("attempts").GetInt32()));
        Assert.Equal("expression.not_boolean", incident.GetProperty("code").GetString());
        Assert.Contains("check", incident.GetProperty("message").GetString());
        Assert.Equal(["incident.opened"], incident.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
        await AssertVerifiedAsync(campaign);
    }

    [Fact]
    public async Task ARetryThatFaultsAgain_AddsAnAttempt_AndOnceTheDataIsPutRight_ARetryMovesTheFlowOn()
    {
        var client = await OperatorAsync();
        var campaign = await FaultedAsync(client);

        var again = await client.PostJsonAsync($"{campaign}/incidents/1/retry", new { reason = "再试一次" }, ("If-Match", await ETagAsync(client, campaign)));
        Assert.True(again.Status == HttpStatusCode.OK, again.Text);
        Assert.NotNull(again.Header("ETag"));
        var stillOpen = await IncidentAsync(client, campaign, "1");
        Assert.Equal(("open", 2), (stillOpen.GetProperty("status").GetString(), stillOpen.GetProperty("attempts").GetInt32()));

        // The other branch sets what the decision reads; then the retry runs it and the flow goes on to finish:1.
        await CampaignSteps.CompleteAsync(client, campaign, "supply:1", Held);
        var retried = await client.PostJsonAsync($"{campaign}/incidents/1/retry", new { });
        Assert.True(retried.Status == HttpStatusCode.OK, retried.Text);
        var resolved = await IncidentAsync(client, campaign, "1");
        Assert.Equal(("resolved", "retried", 3, "ops.wang"), (resolved.GetProperty("status").GetString(), resolved.GetProperty("resolution").GetString(),
            resolved.GetProperty("attempts").GetInt32(), resolved.GetProperty("resolvedBy").GetString()));
        Assert.Equal(["incident.opened", "incident.retried", "incident.retry_failed", "incident.retried", "incident.resolved"],
            resolved.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
        await CampaignSteps.CompleteAsync(client, campaign, "finish:1", Held);

        var retries = await EntriesAsync(campaign, "incident.retried");
        Assert.Equal([("ops.wang", "再试一次"), ("ops.wang", null)], retries.Select(e => (e.Actor, e.Reason)));
        // The decision ran at the iteration that faulted, and took True now that ready is set.
        var decided = (await EntriesAsync(campaign, "activity.completed")).Select(e => e.Payload).Single(p => p.Contains("\"activityId\":\"check\""));
        Assert.Contains("\"iteration\":1", decided);
        Assert.Contains("\"port\":\"True\"", decided);
        await AssertVerifiedAsync(campaign);
    }

    [Fact]
    public async Task ASkipWithAReason_ContinuesTheFlow_AndIsOnTheLedgerWithItsActor()
    {
        var client = await OperatorAsync("ops.li");
        var campaign = await FaultedAsync(client);

        var skipped = await client.PostJsonAsync($"{campaign}/incidents/1/skip", new { reason = "条件已由党委书面确认", outcome = "True" },
            ("If-Match", await ETagAsync(client, campaign)));
        Assert.True(skipped.Status == HttpStatusCode.OK, skipped.Text);
        await CampaignSteps.CompleteAsync(client, campaign, "finish:1", Held);

        var entry = Assert.Single(await EntriesAsync(campaign, "incident.skipped"));
        Assert.Equal(("ops.li", "条件已由党委书面确认"), (entry.Actor, entry.Reason));
        var incident = await IncidentAsync(client, campaign, "1");
        Assert.Equal(("resolved", "skipped", "True", "ops.li"), (incident.GetProperty("status").GetString(), incident.GetProperty("resolution").GetString(),
            incident.GetProperty("outcome").GetString(), incident.GetProperty("resolvedBy").GetString()));
        await AssertVerifiedAsync(campaign);
    }

    [Fact]
    public async Task ASkipWithoutAReason_IsA400Problem_AndWritesNothing()
    {
        var client = await OperatorAsync();
        var campaign = await FaultedAsync(client);
        var before = await ETagAsync(client, campaign);

        await Problems.RefusedAsync(headers => client.PostJsonAsync($"{campaign}/incidents/1/skip", new { reason = "  ", outcome = "True" }, headers),
            HttpStatusCode.BadRequest, "incident.skip_reason_required", "needs a reason", "必须填写理由");
        var missing = await client.PostJsonAsync($"{campaign}/incidents/1/skip", new { outcome = "True" });
        Problems.Assert(missing, HttpStatusCode.BadRequest, "incident.skip_reason_required", "needs a reason");
        Assert.Equal(before, await ETagAsync(client, campaign));
        Assert.Equal("open", (await IncidentAsync(client, campaign, "1")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SkippingADecision_WithoutNamingItsBranch_IsRefused_WithTheBranchesToChooseFrom()
    {
        var client = await OperatorAsync();
        var campaign = await FaultedAsync(client);
        var (en, _) = await Problems.RefusedAsync(headers => client.PostJsonAsync($"{campaign}/incidents/1/skip", new { reason = "数据无法补齐" }, headers),
            HttpStatusCode.Conflict, "incident.cannot_skip", "True, False", "True, False");
        Assert.Equal("True, False", en.Json.GetProperty("arguments").GetProperty("ports").GetString());
        var wrong = await client.PostJsonAsync($"{campaign}/incidents/1/skip", new { reason = "数据无法补齐", outcome = "Maybe" });
        Problems.Assert(wrong, HttpStatusCode.UnprocessableEntity, "incident.outcome_invalid", "Maybe");
    }

    [Fact]
    public async Task AnUnknownIncident_IsA404Problem_AndAResolvedOneRetried_IsA409Problem()
    {
        var client = await OperatorAsync();
        var campaign = await FaultedAsync(client);
        await Problems.RefusedAsync(headers => client.PostJsonAsync($"{campaign}/incidents/7/retry", new { }, headers),
            HttpStatusCode.NotFound, "incident.not_found", "no incident '7'", "没有编号为“7”");
        var skipped = await client.PostJsonAsync($"{campaign}/incidents/1/skip", new { reason = "跳过", outcome = "False" });
        Assert.True(skipped.Status == HttpStatusCode.OK, skipped.Text);
        await Problems.RefusedAsync(headers => client.PostJsonAsync($"{campaign}/incidents/1/retry", new { }, headers),
            HttpStatusCode.Conflict, "incident.already_resolved", "already resolved", "已处理完毕");
        var unknownCampaign = await client.GetJsonAsync($"/api/v1/campaigns/{Guid.NewGuid()}/incidents");
        Problems.Assert(unknownCampaign, HttpStatusCode.NotFound, "campaign.not_found", "no campaign");
    }

    [Fact]
    public async Task AStaleIfMatch_IsA412_AndOnlyCampaignWritersMayRetryOrSkip()
    {
        var client = await OperatorAsync();
        var campaign = await FaultedAsync(client);
        var stale = await client.PostJsonAsync($"{campaign}/incidents/1/retry", new { }, ("If-Match", "\"1\""));
        Problems.Assert(stale, HttpStatusCode.PreconditionFailed, "request.precondition_failed", "your If-Match was 1");

        var participant = await api.ClientAsync("alice", Roles.Participant);
        foreach (var action in new[] { "retry", "skip" })
        {
            var forbidden = await participant.PostJsonAsync($"{campaign}/incidents/1/{action}", new { reason = "试试" });
            Problems.Assert(forbidden, HttpStatusCode.Forbidden, "auth.forbidden", "roles");
        }
        Assert.Equal(HttpStatusCode.OK, (await participant.GetJsonAsync($"{campaign}/incidents")).Status);
        Assert.Equal("open", (await IncidentAsync(client, campaign, "1")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheList_FiltersByStatus_AndPagesWithLinkHeaders()
    {
        var client = await OperatorAsync();
        var campaign = await FaultedAsync(client);
        Assert.True((await client.PostJsonAsync($"{campaign}/incidents/1/skip", new { reason = "跳过", outcome = "False" })).Status == HttpStatusCode.OK);
        await CampaignSteps.CompleteAsync(client, campaign, "finish:1", Held);
        // Both branches have reached the join: "confirm" faults, the campaign's second incident.
        await CampaignSteps.CompleteAsync(client, campaign, "supply:1", Held);

        var first = await client.GetJsonAsync($"{campaign}/incidents?limit=1");
        Assert.Equal(["1"], first.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var link = NextLink().Match(first.Header("Link") ?? "");
        Assert.True(link.Success, first.Header("Link"));
        var second = await client.GetJsonAsync(link.Groups["url"].Value);
        Assert.Equal(["2"], second.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("confirm", second.Json.GetProperty("items")[0].GetProperty("activityId").GetString());
        Assert.Null(second.Header("Link"));

        string[] Ids(ApiResponse page) => [.. page.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
        Assert.Equal(["2"], Ids(await client.GetJsonAsync($"{campaign}/incidents?status=open")));
        Assert.Equal(["1"], Ids(await client.GetJsonAsync($"{campaign}/incidents?status=resolved")));
        Problems.Assert(await client.GetJsonAsync($"{campaign}/incidents?status=closed"), HttpStatusCode.BadRequest, "request.filter_invalid", "closed");

        // Skipping the last one lets the phase workflow end, and the campaign complete.
        Assert.True((await client.PostJsonAsync($"{campaign}/incidents/2/skip", new { reason = "已口头确认", outcome = "True" })).Status == HttpStatusCode.OK);
        await CampaignSteps.FireAsync(client, campaign, "complete");
        Assert.Empty(Ids(await client.GetJsonAsync($"{campaign}/incidents?status=open")));
        await AssertVerifiedAsync(campaign);
    }

    [Fact]
    public async Task ATamperedIncident_InTheSnapshot_IsReportedByVerification()
    {
        var client = await OperatorAsync();
        var campaign = await FaultedAsync(client);
        var id = CampaignSteps.IdOf(campaign);
        await api.DbAsync(db => db.Campaigns.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StateJson, c => c.StateJson.Replace("\"attempts\":1", "\"attempts\":5"))));
        var auditor = await api.ClientAsync("auditor.zhao", Roles.Auditor);
        var verified = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/verify");
        Assert.False(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.Contains("incidents", verified.Text);
    }
}

public sealed class IncidentsOnSqlite(IncidentSqliteFactory api) : IncidentTests(api), IClassFixture<IncidentSqliteFactory>;

[Trait("Database", "PostgreSql")]
public sealed class IncidentsOnPostgres(IncidentPostgresFactory api) : IncidentTests(api), IClassFixture<IncidentPostgresFactory>;
