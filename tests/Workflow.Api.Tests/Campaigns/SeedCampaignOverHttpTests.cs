using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Storage.History;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// The seed campaign driven entirely over HTTP, as an integrator would: progress after each step,
/// the 409 with gate states before the appraisal, the worklist, and the history afterwards.
/// The same tests run on a SQLite file and on PostgreSQL.
/// </summary>
public abstract class SeedCampaignOverHttpTests(ApiFactory api)
{
    private HttpClient _operator = null!;
    private string _campaign = "";

    private async Task<string[]> ActiveTasks()
    {
        var progress = await _operator.GetJsonAsync($"{_campaign}/progress");
        Assert.Equal(HttpStatusCode.OK, progress.Status);
        return progress.Json.GetProperty("tasks").EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() == "active").Select(t => t.GetProperty("id").GetString()!).ToArray();
    }

    private async Task Complete(string taskId, object body, string actor = "operator")
    {
        var response = await _operator.PostJsonAsync($"{_campaign}/tasks/{taskId}/complete", body);
        Assert.True(response.Status == HttpStatusCode.OK, $"{taskId}: {response.Json}");
    }

    private async Task Fire(string trigger, string reason = "按计划推进")
    {
        var response = await _operator.PostJsonAsync($"{_campaign}/transitions", new { trigger, reason });
        Assert.True(response.Status == HttpStatusCode.OK, $"{trigger}: {response.Json}");
    }

    [Fact]
    public async Task SeedAnalysisPhase_OverHttp_ProgressGatesWorklistAndHistory()
    {
        _operator = await api.ClientAsync("campaign-office", Roles.Operator);
        var created = await _operator.PostJsonAsync("/api/v1/campaigns", NewCampaign());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        _campaign = created.Header("Location")!;
        Assert.Equal("\"1\"", created.Header("ETag"));

        await Fire("start");
        Assert.Equal(["studyMobilization:1"], await ActiveTasks());
        await Complete("studyMobilization:1", Meeting("2023-03-01"));
        await Complete("centralizedStudy:1", Meeting("2023-03-10"));
        await Complete("researchVisits:1", new { result = new { findings = new[] { Finding("师资不足", "problem") } } });
        await Complete("studySummary:1", Document("study-summary"));
        await Complete("summaryApproval:1", new { outcome = "Approved", result = new { } });
        await Fire("advance", "区委转段发动大会后转入分析检查阶段");

        Assert.Equal(["mobilizationMeeting:1"], await ActiveTasks());
        await Complete("mobilizationMeeting:1", Meeting("2023-06-10"));
        Assert.Equal(["collectOpinions:1", "heartToHeartTalks:1", "studyAndRules:1"], await ActiveTasks());
        await Complete("collectOpinions:1", Opinions());
        await Complete("heartToHeartTalks:1", new { result = new { talksHeld = 80 } });
        await Complete("studyAndRules:1", new { result = new { documentsPlanned = 6, documentsIssued = 4 } });
        Assert.Equal(["draftReport:1", "personalStatements:1:0", "personalStatements:1:1"], await ActiveTasks());

        // The worklist shows the team members' personal statements across campaigns.
        var worklist = await _operator.GetJsonAsync("/api/v1/tasks?assignee=deputy.liu");
        var item = Assert.Single(worklist.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(("personalStatements:1:1", "active"), (item.GetProperty("taskId").GetString(), item.GetProperty("status").GetString()));

        await Complete("draftReport:1", Document("draft-1"));
        await Complete("guidanceReview:1", new { outcome = "ChangesRequested", result = new { comments = "问题查摆不够具体" } });
        Assert.Contains("reviseReport:1", await ActiveTasks());
        var retry = await _operator.PostJsonAsync($"{_campaign}/tasks/draftReport:1/complete", Document("draft-1"));
        Assert.Equal((HttpStatusCode.Conflict, "task.not_active"), (retry.Status, retry.ProblemCode));
        var retryInChinese = await _operator.PostJsonAsync($"{_campaign}/tasks/draftReport:1/complete", Document("draft-1"), ("Accept-Language", "zh-CN"));
        Assert.Equal("任务实例“draftReport:1”已办结，不能再更改。", retryInChinese.Json.GetProperty("detail").GetString());
        await Complete("reviseReport:1", Document("draft-2"));
        await Complete("guidanceReview:2", new { outcome = "Approved", result = new { } });
        await Complete("memberComments:1", new { outcome = "Approved", result = new { } });
        await Complete("personalStatements:1:0", Document("statement-0"));
        await Complete("personalStatements:1:1", Document("statement-1"));
        Assert.Equal(["orgLifeMeeting:1:0", "orgLifeMeeting:1:1"], await ActiveTasks());
        await Complete("orgLifeMeeting:1:0", Meeting("2023-06-20"));
        await Complete("orgLifeMeeting:1:1", Meeting("2023-06-20"));
        await Complete("democraticLifeMeeting:1", DemocraticLifeMeeting());
        await Complete("finalizeReport:1", Document("report-final"));
        Assert.Equal(["massAppraisal:1"], await ActiveTasks());

        var refused = await _operator.PostJsonAsync($"{_campaign}/transitions", new { trigger = "advance" });
        Assert.Equal((HttpStatusCode.Conflict, "campaign.trigger_not_permitted"), (refused.Status, refused.ProblemCode));
        var gates = refused.Json.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!);
        Assert.Equal("pending", gates["appraisalSatisfaction"].GetProperty("state").GetString());
        Assert.Equal("massAppraisal:1", gates["appraisalSatisfaction"].GetProperty("waitingFor")[0].GetString());
        Assert.Equal("met", gates["formsReturned"].GetProperty("state").GetString());
        Assert.Equal(125.0 / 180, gates["formsReturned"].GetProperty("observed").GetProperty("results.collectOpinions.formReturnRate").GetDouble(), 10);

        await Complete("massAppraisal:1", Appraisal(45, 45));
        await Complete("phaseSummary:1", Document("stage-summary"));
        await Fire("advance", "分析检查阶段完成");
        var progress = await _operator.GetJsonAsync($"{_campaign}/progress");
        Assert.Equal("rectification", progress.Json.GetProperty("currentPhase").GetString());
        Assert.Equal(["done", "done", "current"], progress.Json.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("status").GetString()));

        // The history: numbered without gaps, attributed to the key's principal, and its chain recomputes.
        var id = Guid.Parse(_campaign.Split('/')[^1]);
        var entries = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await _operator.GetJsonAsync($"{_campaign}/history?limit=50{(after is null ? "" : "&after=" + after)}");
            entries.AddRange(page.Json.GetProperty("items").EnumerateArray());
            after = page.Json.GetProperty("nextCursor").GetString();
        } while (after is not null);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.All(entries, e => Assert.Equal("campaign-office", e.GetProperty("actor").GetString()));
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "phase.transitioned" && e.GetProperty("reason").GetString() == "分析检查阶段完成");
        var stored = await api.DbAsync(db => db.History.Where(h => h.CampaignId == id).OrderBy(h => h.Sequence).ToListAsync());
        var previous = HistoryChain.Genesis;
        foreach (var entry in stored)
        {
            Assert.Equal(previous, entry.PreviousHash);
            Assert.Equal(HistoryChain.Hash(entry), entry.Hash);
            previous = entry.Hash;
        }
        var head = await api.DbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.HistoryHead).SingleAsync());
        Assert.Equal(previous, head);
    }
}

public sealed class SeedCampaignOverHttpOnSqlite(SqliteApiFactory api) : SeedCampaignOverHttpTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class SeedCampaignOverHttpOnPostgres(PostgresApiFactory api) : SeedCampaignOverHttpTests(api), IClassFixture<PostgresApiFactory>;
