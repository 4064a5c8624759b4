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
}
