using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// The campaign list's figures: each item's current-phase progress (tasks completed of those
/// activated) and its overdue tasks, read from the state snapshot. Overdue needs time to pass, so
/// a second host over the same database runs on a clock a month ahead.
/// </summary>
public abstract class CampaignListFiguresTests(ApiFactory api)
{
    /// <summary>The system clock, a fixed span later.</summary>
    private sealed class LaterClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }

    private static async Task<JsonElement> ListedAsync(HttpClient client, string organization, string id)
    {
        var page = await client.GetJsonAsync($"/api/v1/campaigns?organization={organization}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
    }

    private static (int Completed, int Total, int Percent, int Overdue) Figures(JsonElement item)
    {
        var progress = item.GetProperty("progress");
        return (progress.GetProperty("completedTasks").GetInt32(), progress.GetProperty("totalTasks").GetInt32(),
            progress.GetProperty("percent").GetInt32(), item.GetProperty("overdueTasks").GetInt32());
    }

    [Fact]
    public async Task List_ShowsCurrentPhaseProgress_AndOverdueTasks()
    {
        var key = await api.IssueKeyAsync("list-figures", false, Roles.Operator);
        var client = api.Client(key);
        var organization = $"figures-{Guid.NewGuid():N}";
        var created = await client.PostJsonAsync("/api/v1/campaigns", NewCampaign("进度测试活动", organization));
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        var id = created.Json.GetProperty("id").GetString()!;
        var url = created.Header("Location")!;

        Assert.Equal((0, 0, 0, 0), Figures(await ListedAsync(client, organization, id)));

        await CampaignSteps.FireAsync(client, url, "start");
        Assert.Equal((0, 1, 0, 0), Figures(await ListedAsync(client, organization, id)));

        // The mobilization meeting done, centralized study and research visits run in parallel: one of three tasks done.
        await CampaignSteps.CompleteAsync(client, url, "studyMobilization:1", Meeting("2023-03-01"));
        Assert.Equal((1, 3, 33, 0), Figures(await ListedAsync(client, organization, id)));

        // A month later both (due in 21 days) are overdue; the completed meeting is not.
        await using var later = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new LaterClock(TimeSpan.FromDays(30)))));
        using var laterClient = ApiFactory.WithKey(later.CreateClient(), key);
        Assert.Equal((1, 3, 33, 2), Figures(await ListedAsync(laterClient, organization, id)));
    }
}

public sealed class CampaignListFiguresOnSqlite(SqliteApiFactory api) : CampaignListFiguresTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class CampaignListFiguresOnPostgres(PostgresApiFactory api) : CampaignListFiguresTests(api), IClassFixture<PostgresApiFactory>;
