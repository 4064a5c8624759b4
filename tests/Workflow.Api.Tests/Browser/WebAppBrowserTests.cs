using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.Api.Identity;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The web app in real headless Chromium against the app on a real port: sign-in with an API key,
/// the published templates, the language switch, and server messages in the page's language.
/// Assertions are on what the page shows; a failing test leaves a screenshot in .test-run/screenshots.
/// </summary>
public sealed class WebAppBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task SignIn_ListsThePublishedTemplates_AndSwitchesToChinese()
    {
        var key = await App.IssueKeyAsync("admin", false, Roles.All);
        await fixture.Chromium.OnPageAsync(nameof(SignIn_ListsThePublishedTemplates_AndSwitchesToChinese), "en-US", async page =>
        {
            await page.GotoAsync(App.BaseUrl + "/app/");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Sign in"))).ToBeVisibleAsync();

            await page.GetByLabel("API key").FillAsync(key);
            await page.GetByRole(AriaRole.Button, Named("Sign in")).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Campaign templates"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Campaigns"))).ToBeVisibleAsync();
            var templates = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, Named("Campaign templates")) });
            await Assertions.Expect(templates.GetByRole(AriaRole.Cell, new() { Name = "scientific-outlook-campaign", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(templates.GetByRole(AriaRole.Columnheader, new() { Name = "Template", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("No campaigns yet.")).ToBeVisibleAsync();

            await Chromium.SwitchLanguageAsync(page, "zh-CN");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("活动模板"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("活动"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, Named("模板"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, Named("scientific-outlook-campaign"))).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

            // The key and the language are kept for the session: a reload asks for neither.
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("活动模板"))).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "web-app-templates-zh-CN.png");

            await page.GetByRole(AriaRole.Button, Named("退出")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("登录"))).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task PhaseWorkflow_IsDrawnAsItsFlowchart_WithEveryActivityAndConnection()
    {
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "phases", "analysis-phase.json")));
        var root = file.RootElement.GetProperty("root");
        var activities = root.GetProperty("activities").GetArrayLength();
        var connections = root.GetProperty("connections").GetArrayLength();
        var key = await App.IssueKeyAsync("designer", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(PhaseWorkflow_IsDrawnAsItsFlowchart_WithEveryActivityAndConnection), "zh-CN", async page =>
        {
            await page.GotoAsync(App.BaseUrl + "/app/");
            await page.GetByLabel("API 密钥").FillAsync(key);
            await page.GetByRole(AriaRole.Button, Named("登录")).ClickAsync();
            await page.GetByTestId("show-analysis-phase").ClickAsync();

            var chart = page.GetByTestId("flowchart");
            await Assertions.Expect(chart.Locator(".react-flow__node")).ToHaveCountAsync(activities);
            await Assertions.Expect(chart.Locator(".react-flow__edge")).ToHaveCountAsync(connections);
            await Assertions.Expect(chart.GetByText("群众满意度测评", new() { Exact = true })).ToBeVisibleAsync();
            // Outcome ports labelled in Chinese from the activity descriptors, not by their English names.
            await Assertions.Expect(chart.GetByText("需修改", new() { Exact = true }).First).ToBeVisibleAsync();
            await Assertions.Expect(chart.GetByText("ChangesRequested")).ToHaveCountAsync(0);
            await Chromium.ScreenshotAsync(page, "web-app-flowchart-zh-CN.png");
        });
    }

    [Fact]
    public async Task ChineseBrowser_AWrongKeyIsRefusedAtSignIn_InChineseAndEnglish()
    {
        // What the server says, in Chinese, to a key it does not know.
        using var direct = App.RealClient("cwk_000000000000_notAKnownKeyAtAll");
        direct.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        using var refusal = await direct.GetAsync("api/v1/templates");
        Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode);
        var detail = JsonDocument.Parse(await refusal.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("密钥", detail, StringComparison.Ordinal);

        await fixture.Chromium.OnPageAsync(nameof(ChineseBrowser_AWrongKeyIsRefusedAtSignIn_InChineseAndEnglish), "zh-CN", async page =>
        {
            await page.GotoAsync(App.BaseUrl + "/app/");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("登录"))).ToBeVisibleAsync();
            await page.GetByLabel("API 密钥").FillAsync("cwk_000000000000_notAKnownKeyAtAll");
            await page.GetByRole(AriaRole.Button, Named("登录")).ClickAsync();

            // A wrong key is refused at sign-in, with a message that says so; no page of the app shows.
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("服务器不接受此 API 密钥");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("登录"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("app-navigation")).ToHaveCountAsync(0);

            // Switched to English, the refusal is in English.
            await Chromium.SwitchLanguageAsync(page, "en");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("The server does not accept this API key.");
        });
    }

    [Fact]
    public async Task DeepLink_ServesTheApp()
    {
        await fixture.Chromium.OnPageAsync(nameof(DeepLink_ServesTheApp), "en-US", async page =>
        {
            var response = await page.GotoAsync(App.BaseUrl + "/app/some/deep/link");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Sign in"))).ToBeVisibleAsync();
        });
    }
}
