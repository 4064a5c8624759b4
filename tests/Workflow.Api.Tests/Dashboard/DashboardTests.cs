using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Dashboard;

/// <summary>The leaders' dashboard (GET /api/v1/dashboard): exact counts per organization and per unit, and the organization filter.</summary>
public abstract class DashboardTests(ApiFactory api)
{
    [Fact]
    public async Task Counts_PerOrganization_AndOverduePerUnit_FollowTheOrganizationFilter()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var district = $"区-{Guid.NewGuid():N}";
        var unit = $"单位-{Guid.NewGuid():N}";
        var a1 = CampaignSteps.IdOf(await CampaignSteps.CreateAsync(client, "驾驶舱甲", district));
        var a2Location = await CampaignSteps.CreateAsync(client, "驾驶舱乙", district);
        await CampaignSteps.FireAsync(client, a2Location, "start");
        var b1Location = await CampaignSteps.CreateAsync(client, "驾驶舱丙", unit);
        await CampaignSteps.FireAsync(client, b1Location, "start");
        var b1 = CampaignSteps.IdOf(b1Location);

        // b1's open tasks past their deadline.
        var past = DateTime.UtcNow.AddDays(-1);
        await api.DbAsync(db => db.WorkItems.Where(w => w.CampaignId == b1).ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, past)));

        var all = await client.GetJsonAsync($"/api/v1/dashboard?organization={Uri.EscapeDataString(district)}");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        var orgs = all.Json.GetProperty("organizations").EnumerateArray().ToList();
        Assert.All(orgs, o => Assert.Equal(district, o.GetProperty("organization").GetString()));
        Assert.Equal(2, orgs.Sum(o => o.GetProperty("count").GetInt32()));
        Assert.Equal(2, orgs.Count); // one not started, one started: two status/phase groups
        var districtOverdue = all.Json.GetProperty("overdueTasks").GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("overdue").GetInt32());
        Assert.Equal(0, districtOverdue);
        var districtOpen = all.Json.GetProperty("overdueTasks").GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("open").GetInt32());

        var other = await client.GetJsonAsync($"/api/v1/dashboard?organization={Uri.EscapeDataString(unit)}");
        var otherItems = other.Json.GetProperty("overdueTasks").GetProperty("items").EnumerateArray().ToList();
        var openB = otherItems.Sum(i => i.GetProperty("open").GetInt32());
        Assert.True(openB > 0);
        Assert.Equal(openB, otherItems.Sum(i => i.GetProperty("overdue").GetInt32()));
        Assert.Equal(districtOpen, openB); // the same template started once in each
        Assert.Equal(otherItems.Count, other.Json.GetProperty("overdueTasks").GetProperty("total").GetInt32());
        _ = a1;

        var unknown = await client.GetJsonAsync($"/api/v1/dashboard?organization=nobody-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Empty(unknown.Json.GetProperty("organizations").EnumerateArray());
        Assert.Equal(0, unknown.Json.GetProperty("overdueTasks").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task BadOrganization_Is400_AndNoKey_Is401()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var tooLong = await client.GetJsonAsync($"/api/v1/dashboard?organization={new string('x', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        var blank = await client.GetJsonAsync("/api/v1/dashboard?organization=%20");
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        var anonymous = await api.Client(null).GetAsync("/api/v1/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

public sealed class DashboardOnSqlite(SqliteApiFactory api) : DashboardTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class DashboardOnPostgres(PostgresApiFactory api) : DashboardTests(api), IClassFixture<PostgresApiFactory>;
