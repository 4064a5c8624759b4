using System.Text.Json;
using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The overview's leaders' dashboard (驾驶舱) in real Chromium: the figures it shows are the ones
/// GET /api/v1/dashboard counts, drawn with ECharts, in English and Chinese.
/// </summary>
public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task Overview_OpensOnTheLeadersDashboard_WithTheFiguresTheServerCounts_InBothLanguages()
    {
        var key = await App.IssueKeyAsync("leader", false, Roles.All);
        using var client = App.RealClient(key);
        await CampaignSteps.StartedAsync(client);
        await CampaignSteps.StartedAsync(client);
        using var dashboard = JsonDocument.Parse(await client.GetStringAsync("api/v1/dashboard"));
        var campaigns = dashboard.RootElement.GetProperty("organizations").EnumerateArray().Sum(o => o.GetProperty("count").GetInt32());
        var units = dashboard.RootElement.GetProperty("overdueTasks").GetProperty("items").EnumerateArray().ToList();
        Assert.True(campaigns >= 2, $"the dashboard counts {campaigns} campaigns");
        Assert.NotEmpty(units);

        await fixture.Chromium.OnPageAsync(nameof(Overview_OpensOnTheLeadersDashboard_WithTheFiguresTheServerCounts_InBothLanguages), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", key);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("At a glance"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("dashboard-campaigns")).ToContainTextAsync(campaigns.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var unitTable = page.GetByTestId("dashboard-overdue-units");
            var firstUnit = units[0].GetProperty("unit").GetString()!;
            var unitShown = firstUnit.Length == 0 ? "(unassigned)" : firstUnit;
            await Assertions.Expect(unitTable.GetByRole(AriaRole.Cell, new() { Name = unitShown, Exact = true })).ToBeVisibleAsync();
            // The chart is drawn (ECharts' SVG renderer): one bar series per status.
            await Assertions.Expect(page.Locator(".dashboard svg").First).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "dashboard-en.png");

            await Chromium.SwitchLanguageAsync(page, "zh-CN");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("驾驶舱"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("逾期任务", new() { Exact = true })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "dashboard-zh-CN.png");
        });
    }

    [Fact]
    public async Task DrillsDown_FromTheDistrict_ToAUnit_InTheUrl_AndOnToACampaign_WithItsGateAtRisk()
    {
        var key = await App.IssueKeyAsync("leader", false, Roles.All);
        using var client = App.RealClient(key);
        var unit = $"驾驶舱单位-{Guid.NewGuid():N}"[..16];
        // 30 of 40 satisfied: 75 % against the 80 % threshold.
        var campaign = CampaignSteps.IdOf(await CampaignSteps.AppraisedAsync(client, 40, 30, unit));
        await CampaignSteps.StartedAsync(client); // another organization's campaign, left out of the unit's view
        using var unitDashboard = JsonDocument.Parse(await client.GetStringAsync($"api/v1/dashboard?organization={Uri.EscapeDataString(unit)}"));
        var newest = unitDashboard.RootElement.GetProperty("latestEvents").GetProperty("items")[0].GetProperty("kindDisplayName").GetString()!;
        var oldestShown = unitDashboard.RootElement.GetProperty("latestEvents").GetProperty("items")[19].GetProperty("kindDisplayName").GetString()!;

        await fixture.Chromium.OnPageAsync(nameof(DrillsDown_FromTheDistrict_ToAUnit_InTheUrl_AndOnToACampaign_WithItsGateAtRisk), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", key);
            await Assertions.Expect(page.GetByTestId("dashboard-level")).ToHaveTextAsync("District (all organizations)");
            await page.GetByTestId("dashboard-organizations").GetByRole(AriaRole.Link, new() { Name = unit, Exact = true }).ClickAsync();

            // The unit is in the URL, and every figure follows it.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?]organization=" + System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(unit).Replace("%20", "+"))));
            await Assertions.Expect(page.GetByTestId("dashboard-level")).ToContainTextAsync(unit);
            await Assertions.Expect(page.GetByTestId("dashboard-campaigns")).ToContainTextAsync("1");
            var gates = page.GetByTestId("dashboard-gates-at-risk");
            var appraisal = gates.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "Mass appraisal satisfaction reached" });
            await Assertions.Expect(appraisal).ToContainTextAsync("Not met");
            await Assertions.Expect(appraisal).ToContainTextAsync("75% against ≥ 80% · not reached");
            await Assertions.Expect(gates.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "Opinion forms returned" })).ToHaveCountAsync(0);
            var events = page.GetByTestId("dashboard-latest-events");
            // Newest first (row 0 is the header), as the server orders them.
            await Assertions.Expect(events.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(newest);
            await Assertions.Expect(events.GetByRole(AriaRole.Row).Nth(20)).ToContainTextAsync(oldestShown);
            await Assertions.Expect(events.GetByRole(AriaRole.Link, new() { Name = "并发测试活动" })).ToHaveCountAsync(20);
            var campaigns = page.GetByTestId("dashboard-unit-campaigns");
            await Assertions.Expect(campaigns.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
            await Chromium.ScreenshotAsync(page, "dashboard-unit-en.png");

            // On to the campaign, and back to the unit's view.
            await campaigns.GetByRole(AriaRole.Link, new() { Name = "并发测试活动" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/app/campaigns/{campaign}$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Current phase: Analysis and inspection"))).ToBeVisibleAsync();
            await page.GoBackAsync();
            await Assertions.Expect(page.GetByTestId("dashboard-level")).ToContainTextAsync(unit);

            // Back up to the district, in Chinese.
            await Chromium.SwitchLanguageAsync(page, "zh-CN");
            await Assertions.Expect(page.GetByTestId("dashboard-gates-at-risk")).ToContainTextAsync("75%，标准 ≥ 80% · 未达标");
            await page.GetByTestId("dashboard-level").GetByRole(AriaRole.Link, new() { Name = "全区（所有单位）" }).ClickAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("organization="));
            await Assertions.Expect(page.GetByTestId("dashboard-organizations").GetByRole(AriaRole.Link, new() { Name = unit, Exact = true })).ToBeVisibleAsync();
        });
    }
}
