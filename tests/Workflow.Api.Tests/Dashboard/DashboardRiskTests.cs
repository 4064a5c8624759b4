using System.Net;
using System.Text.Json;
using Workflow.Api.Dashboard;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Dashboard;

/// <summary>The dashboard's gates at risk (the values they saw against their thresholds) and latest events (newest first, keyset-paged), per organization.</summary>
public abstract class DashboardRiskTests(ApiFactory api)
{
    [Fact]
    public async Task GatesAtRisk_ShowTheAppraisalAgainstItsThreshold_OnlyForTheChosenOrganization()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var unit = $"单位-{Guid.NewGuid():N}";
        var other = $"单位-{Guid.NewGuid():N}";
        // 30 of 40 satisfied: 0.75 against the template's default threshold 0.8.
        var appraised = CampaignSteps.IdOf(await CampaignSteps.AppraisedAsync(client, 40, 30, unit));
        await CampaignSteps.CreateAsync(client, "未启动的活动", unit); // not active: no gates to assess
        var elsewhere = CampaignSteps.IdOf(await CampaignSteps.StartedAsync(client, other));

        var dashboard = await client.GetJsonAsync($"/api/v1/dashboard?organization={Uri.EscapeDataString(unit)}");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        var section = dashboard.Json.GetProperty("gatesAtRisk");
        Assert.Equal(1, section.GetProperty("campaignsAssessed").GetInt32());
        var items = section.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(appraised, i.GetProperty("campaignId").GetGuid()));
        Assert.All(items, i => Assert.Equal(("analysis", unit), (i.GetProperty("phase").GetString(), i.GetProperty("organization").GetString())));
        Assert.Equal(items.Count, section.GetProperty("total").GetInt32());
        var gates = items.Select(i => i.GetProperty("gate")).ToDictionary(g => g.GetProperty("id").GetString()!);
        var appraisal = gates["appraisalSatisfaction"];
        Assert.Equal("unmet", appraisal.GetProperty("state").GetString());
        var observed = appraisal.GetProperty("observed");
        Assert.Equal(0.75, observed.GetProperty("results.massAppraisal.satisfaction").GetDouble(), 10);
        Assert.Equal(0.8, observed.GetProperty("inputs.satisfactionThreshold").GetDouble(), 10);
        Assert.Equal("results.massAppraisal.satisfaction >= inputs.satisfactionThreshold", appraisal.GetProperty("condition").GetString());
        // Met gates are not at risk: the forms returned (125 of 180) are above 60 %.
        Assert.DoesNotContain("formsReturned", gates.Keys);
        // Unmet gates come before pending ones.
        var states = items.Select(i => i.GetProperty("gate").GetProperty("state").GetString()).ToList();
        Assert.Equal(states.OrderBy(s => s == "unmet" ? 0 : s == "error" ? 1 : 2), states);

        var otherDashboard = await client.GetJsonAsync($"/api/v1/dashboard?organization={Uri.EscapeDataString(other)}");
        var otherItems = otherDashboard.Json.GetProperty("gatesAtRisk").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(otherItems); // the study phase's gates, pending
        Assert.All(otherItems, i => Assert.Equal(elsewhere, i.GetProperty("campaignId").GetGuid()));
        Assert.All(otherItems, i => Assert.Equal("pending", i.GetProperty("gate").GetProperty("state").GetString()));
    }

    [Fact]
    public async Task LatestEvents_AreTheNewestLedgerEntries_NewestFirst_InTheRequestsLanguage_AndPageBackByKeyset()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var unit = $"单位-{Guid.NewGuid():N}";
        var location = await CampaignSteps.AtAnalysisStartAsync(client, unit);
        var history = (await client.GetJsonAsync($"{location}/history?limit=200")).Json.GetProperty("items").EnumerateArray()
            .Select(h => (Id: h.GetProperty("id").GetInt64(), Kind: h.GetProperty("kind").GetString()!)).ToList();
        Assert.True(history.Count > LatestEvents.Limit, $"the campaign has {history.Count} entries");
        var newestFirst = history.OrderByDescending(h => h.Id).ToList();

        var query = $"/api/v1/dashboard?organization={Uri.EscapeDataString(unit)}";
        var first = (await client.GetJsonAsync(query, ("Accept-Language", "zh-CN"))).Json.GetProperty("latestEvents");
        var page = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(newestFirst.Take(LatestEvents.Limit).Select(h => h.Id), page.Select(e => e.GetProperty("id").GetInt64()));
        Assert.All(page, e => Assert.Equal("并发测试活动", e.GetProperty("campaignName").GetString()));
        var transition = page.First(e => e.GetProperty("kind").GetString() == "phase.transitioned");
        Assert.Equal("阶段已转换", transition.GetProperty("kindDisplayName").GetString());
        var nextBefore = first.GetProperty("nextBefore").GetInt64();
        Assert.Equal(page[^1].GetProperty("id").GetInt64(), nextBefore);

        var second = (await client.GetJsonAsync($"{query}&eventsBefore={nextBefore}")).Json.GetProperty("latestEvents");
        var rest = second.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(newestFirst.Skip(LatestEvents.Limit).Take(LatestEvents.Limit).Select(h => h.Id), rest.Select(e => e.GetProperty("id").GetInt64()));
        var created = rest.Single(e => e.GetProperty("kind").GetString() == "campaign.created");
        Assert.Equal("Campaign created", created.GetProperty("kindDisplayName").GetString());
        if (newestFirst.Count <= 2 * LatestEvents.Limit) Assert.Equal(JsonValueKind.Null, second.GetProperty("nextBefore").ValueKind);

        var bad = await client.GetJsonAsync($"{query}&eventsBefore=0");
        Assert.Equal((HttpStatusCode.BadRequest, "request.parameter_invalid"), (bad.Status, bad.ProblemCode));
    }

    [Fact]
    public void EveryLedgerKind_HasANameInBothLanguages()
    {
        Assert.Equal(LedgerKinds.All.Order(StringComparer.Ordinal), LedgerKindNames.Names.Keys.Order(StringComparer.Ordinal));
        Assert.All(LedgerKindNames.Names.Values, n => Assert.False(string.IsNullOrWhiteSpace(n.En) || string.IsNullOrWhiteSpace(n.Zh)));
    }
}

public sealed class DashboardRiskOnSqlite(SqliteApiFactory api) : DashboardRiskTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class DashboardRiskOnPostgres(PostgresApiFactory api) : DashboardRiskTests(api), IClassFixture<PostgresApiFactory>;
