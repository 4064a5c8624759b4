using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The campaign list in real Chromium: filters kept in the URL, keyset pages (next, first),
/// progress bars with their values, and a campaign started elsewhere appearing without a reload.
/// Each test works in an organization of its own.
/// </summary>
public sealed class CampaignListBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions In(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task List_FiltersPagesAndShowsProgress_AndRefreshesLive()
    {
        var organization = $"list-bureau-{Guid.NewGuid():N}"[..24];
        var key = await App.IssueKeyAsync("admin", false, Roles.All);
        using var admin = App.RealClient(key);
        var campaigns = new List<string>();
        for (var i = 1; i <= 12; i++) campaigns.Add(await CampaignSteps.CreateAsync(admin, $"列表活动 {i:00}", organization));
        foreach (var started in campaigns.Take(3)) await CampaignSteps.FireAsync(admin, started, "start");
        // Campaign 1: the mobilization meeting done, one of three study tasks is complete.
        await CampaignSteps.CompleteAsync(admin, campaigns[0], "studyMobilization:1", Meeting("2023-03-01"));

        await fixture.Chromium.OnPageAsync(nameof(List_FiltersPagesAndShowsProgress_AndRefreshesLive), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns", key);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Campaigns"))).ToBeVisibleAsync();
            await page.GetByLabel("Organization").FillAsync(organization);
            await page.GetByRole(AriaRole.Button, Named("Filter")).ClickAsync();
            await page.GetByLabel("Per page").SelectOptionAsync("10");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"organization={organization}.*limit=10"));

            var rows = page.Locator("table tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(10);
            await Assertions.Expect(rows.First.GetByRole(AriaRole.Link)).ToHaveTextAsync("列表活动 01");
            await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, Named("Progress of 列表活动 01"))).ToHaveAttributeAsync("aria-valuenow", "33");
            await Assertions.Expect(rows.First).ToContainTextAsync("33% · 1 of 3 tasks");
            await Assertions.Expect(rows.First.GetByRole(AriaRole.Cell, In("Study and research"))).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "campaign-list-en.png");

            // The second page has the other two; the first page button goes back.
            await page.GetByRole(AriaRole.Button, Named("Next page")).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("cursor="));
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.GetByRole(AriaRole.Link)).ToHaveTextAsync(["列表活动 11", "列表活动 12"]);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("Next page"))).ToBeDisabledAsync();
            await page.GetByRole(AriaRole.Button, Named("First page")).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(10);

            // Filters: running campaigns, then those in the study phase; the URL keeps them across a reload.
            await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Running" });
            await Assertions.Expect(rows).ToHaveCountAsync(3);
            await page.GetByLabel("Phase").SelectOptionAsync(new SelectOptionValue { Label = "Study and research" });
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("status=running&phase=study"));
            await page.ReloadAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(3);
            await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync("running");

            // A campaign started through the API appears without a reload (the events feed).
            await CampaignSteps.FireAsync(admin, campaigns[3], "start");
            await Assertions.Expect(rows).ToHaveCountAsync(4, new() { Timeout = 10_000 });

            await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Not started" });
            await Assertions.Expect(page.GetByText("No campaigns match.")).ToBeVisibleAsync();
        });
    }
}
