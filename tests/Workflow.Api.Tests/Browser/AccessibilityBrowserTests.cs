using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>axe-core on the app's pages, in both languages, at desk and phone sizes: no serious or critical violation.</summary>
public sealed class AccessibilityBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    [Theory]
    [InlineData("en-US", 1440, 900)]
    [InlineData("zh-CN", 1440, 900)]
    [InlineData("en-US", 375, 812)]
    [InlineData("zh-CN", 375, 812)]
    public async Task EveryPage_HasNoSeriousOrCriticalViolation(string locale, int width, int height)
    {
        var key = await App.IssueKeyAsync("a11y.admin", false, Roles.All);
        using var client = App.RealClient(key);
        var campaign = CampaignSteps.IdOf(await CampaignSteps.StartedAsync(client));
        string[] pages = ["/app/", "/app/campaigns", $"/app/campaigns/{campaign}", "/app/worklist", "/app/designer", "/app/templates",
            "/app/templates/scientific-outlook-campaign/versions/1", "/app/templates/new", "/app/designer/workflows/study-phase/1", "/app/audit"];
        var found = new List<string>();
        await fixture.Chromium.OnPageAsync($"{nameof(EveryPage_HasNoSeriousOrCriticalViolation)}-{locale}-{width}", locale, async page =>
        {
            await page.SetViewportSizeAsync(width, height);
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", key, locale == "zh-CN" ? "API 密钥" : "API key", locale == "zh-CN" ? "登录" : "Sign in");
            foreach (var path in pages)
            {
                await page.GotoAsync(App.BaseUrl + path);
                // Loaded once the page's main landmark is there and nothing on it is still spinning (the live stream keeps
                // the network busy, so "network idle" never comes).
                await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator(".ant-spin-spinning, [aria-busy='true']")).ToHaveCountAsync(0);
                var results = await page.RunAxe();
                foreach (var violation in results.Violations.Where(v => v.Impact is "serious" or "critical"))
                    found.Add($"{path}: {violation.Id} ({violation.Impact}) ×{violation.Nodes.Length}: {violation.Nodes.FirstOrDefault()?.Target}");
            }
        });
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}
