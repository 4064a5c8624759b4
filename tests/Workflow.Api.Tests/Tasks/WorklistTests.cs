using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Tasks;

/// <summary>
/// The worklist across campaigns (GET /api/v1/tasks) as a participant's page reads it: the campaign's
/// name, the phase's and the task's display names in the request's language, and the overdue filter.
/// </summary>
public abstract class WorklistTests(ApiFactory api)
{
    private static async Task<JsonElement> ItemOf(HttpClient client, string query, Guid campaign, string language)
    {
        var page = await client.GetJsonAsync($"/api/v1/tasks?{query}&limit=200", ("Accept-Language", language));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return Assert.Single(page.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("campaignId").GetGuid() == campaign);
    }

    [Fact]
    public async Task WorkItems_CarryTheCampaignName_AndPhaseAndTaskNamesInTheRequestsLanguage()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var name = $"工作清单活动-{Guid.NewGuid():N}";
        var location = await CampaignSteps.CreateAsync(client, name);
        var campaign = CampaignSteps.IdOf(location);
        await CampaignSteps.FireAsync(client, location, "start");

        var en = await ItemOf(client, "assignee=party-committee", campaign, "en");
        Assert.Equal(name, en.GetProperty("campaignName").GetString());
        Assert.Equal(("studyMobilization:1", "study"), (en.GetProperty("taskId").GetString(), en.GetProperty("phaseId").GetString()));
        Assert.Equal("Study and research", en.GetProperty("phaseDisplayName").GetString());
        Assert.Equal("Study-phase mobilization meeting", en.GetProperty("taskDisplayName").GetString());

        var zh = await ItemOf(client, "assignee=party-committee", campaign, "zh-CN");
        Assert.Equal("学习调研", zh.GetProperty("phaseDisplayName").GetString());
        Assert.Equal("学习调研阶段动员大会", zh.GetProperty("taskDisplayName").GetString());
        Assert.False(zh.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task MultiInstanceTasks_SayWhichItemEachIsFor_SingleTasksSayNone()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var location = await CampaignSteps.InAnalysisAsync(client);
        var campaign = CampaignSteps.IdOf(location);
        var single = await ItemOf(client, "assignee=party-secretary", campaign, "zh-CN");
        Assert.Equal(JsonValueKind.Null, single.GetProperty("itemLabel").ValueKind);

        foreach (var (taskId, body) in CampaignSteps.ParallelAnalysisTasks) await CampaignSteps.CompleteAsync(client, location, taskId, body);
        await CampaignSteps.CompleteAsync(client, location, "draftReport:1", SeedData.Document("draft-1"));
        await CampaignSteps.CompleteAsync(client, location, "guidanceReview:1", new { outcome = "Approved", result = new { } });
        await CampaignSteps.CompleteAsync(client, location, "memberComments:1", new { outcome = "Approved", result = new { } });
        // One personal statement per team member (text items)…
        var statement = await ItemOf(client, "assignee=deputy.liu", campaign, "zh-CN");
        Assert.Equal(("personalStatements:1:1", "deputy.liu"), (statement.GetProperty("taskId").GetString(), statement.GetProperty("itemLabel").GetString()));
        await CampaignSteps.CompleteAsync(client, location, "personalStatements:1:0", SeedData.Document("statement-0"));
        await CampaignSteps.CompleteAsync(client, location, "personalStatements:1:1", SeedData.Document("statement-1"));
        // …then one organizational-life meeting per party group (object items), named by the group.
        var meeting = await ItemOf(client, "assignee=leader.li", campaign, "en");
        Assert.Equal(("orgLifeMeeting:1:1", "机关第二党小组"), (meeting.GetProperty("taskId").GetString(), meeting.GetProperty("itemLabel").GetString()));
    }

    [Fact]
    public async Task OverdueFilter_ListsOnlyTasksPastTheirDueTime_MarkedOverdue()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var location = await CampaignSteps.StartedAsync(client);
        var campaign = CampaignSteps.IdOf(location);
        var overdueQuery = "assignee=party-committee&overdue=true";
        var before = await client.GetJsonAsync($"/api/v1/tasks?{overdueQuery}&limit=200");
        Assert.DoesNotContain(before.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("campaignId").GetGuid() == campaign);

        // A due time in the past, as if the three days had gone by.
        var past = DateTime.UtcNow.AddDays(-1);
        await api.DbAsync(db => db.WorkItems.Where(w => w.CampaignId == campaign).ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, past)));

        var item = await ItemOf(client, overdueQuery, campaign, "en");
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal("studyMobilization:1", item.GetProperty("taskId").GetString());
    }
}

public sealed class WorklistOnSqlite(SqliteApiFactory api) : WorklistTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class WorklistOnPostgres(PostgresApiFactory api) : WorklistTests(api), IClassFixture<PostgresApiFactory>;
