using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.CampaignSteps;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The pages' layout: the full window on a desk (no narrow container at 1440×900, no internal
/// version in the campaign header), and a participant completing a task on a phone (375×812).
/// </summary>
public sealed class LayoutBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions In(string name) => new() { Name = name, Exact = true };

    /// <summary>How far the page is wider than the window: 0 when nothing needs scrolling sideways.</summary>
    private static Task<int> SidewaysOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task AtADesk_TheCampaignPageUsesTheWholeWindow_AndItsHeaderShowsNoVersion()
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var campaign = await AtAnalysisStartAsync(office);
        var key = await App.IssueKeyAsync("office.wang", false, Roles.Operator);
        await fixture.Chromium.OnPageAsync(nameof(AtADesk_TheCampaignPageUsesTheWholeWindow_AndItsHeaderShowsNoVersion), "en-US", async page =>
        {
            await page.SetViewportSizeAsync(1440, 900);
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), key);
            var header = page.Locator(".campaign-page-header");
            await Assertions.Expect(header.GetByTestId("campaign-status")).ToHaveTextAsync("Running");
            // The side navigation (208 px) and the content's padding aside, the page is as wide as the window.
            var width = await page.Locator(".campaign-page").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
            Assert.True(width >= 1440 - 208 - 64, $"the campaign page is {width} px wide in a 1440 px window");
            await Assertions.Expect(header).Not.ToContainTextAsync("Version");
            Assert.Equal(0, await SidewaysOverflowAsync(page));
        });
    }

    /// <summary>What a participant reads on the way, in each language.</summary>
    public sealed record PhoneWords(
        string Locale, string Language, string KeyLabel, string SignIn, string OpenNavigation, string MyTasks, string WorklistHeading,
        string FocusHeading, string UtcOffset, string Complete, string HeldOn, string Attendees, string Submit, string Completed, string Done, string SignOut);

    public static TheoryData<PhoneWords> Languages() =>
    [
        new("zh-CN", "zh-CN", "API 密钥", "登录", "打开导航", "我的待办", "我的待办任务", "您要办理的任务", "（UTC+8）",
            "办结“转段工作会议”", "召开日期", "参会人数", "提交办结", "“转段工作会议”已办结。", "已办结", "退出"),
        new("en-US", "en", "API key", "Sign in", "Open the navigation", "My tasks", "My open tasks", "Your task", "(UTC+8)",
            "Complete “Phase-transition work meeting”", "Held on", "Attendees", "Complete task", "“Phase-transition work meeting” was completed.", "Completed", "Sign out"),
    ];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task OnAPhone_AParticipantCompletesATaskFromTheWorklist(PhoneWords words)
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var campaign = await AtAnalysisStartAsync(office);
        var participant = await App.IssueKeyAsync("party-committee", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync($"{nameof(OnAPhone_AParticipantCompletesATaskFromTheWorklist)}-{words.Language}", words.Locale, async page =>
        {
            await page.SetViewportSizeAsync(375, 812);
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", participant, words.KeyLabel, words.SignIn);
            // The navigation is behind the menu button on a phone.
            await page.GetByRole(AriaRole.Button, Named(words.OpenNavigation)).ClickAsync();
            // Signing out is in the navigation there, since the header has room for the bell and the language only.
            await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, In(words.SignOut))).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, Named(words.MyTasks)).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named(words.WorklistHeading))).ToBeVisibleAsync();
            // Other campaigns' meetings may be on the same list: this campaign's row, by its link.
            var row = page.GetByTestId("worklist-row").Filter(new() { Has = page.Locator($"a[href*='{IdOf(campaign)}']") });
            await Assertions.Expect(row).ToBeVisibleAsync();
            Assert.Equal(0, await SidewaysOverflowAsync(page));
            await Chromium.ScreenshotAsync(page, $"phone-worklist-{words.Language}.png", fullPage: false);

            // The task, its details and its form, all within the phone's width.
            await row.GetByRole(AriaRole.Link).ClickAsync();
            // Opened at the task: it comes first, on the first screen, with its assignee and due date.
            var focus = page.GetByTestId("campaign-focus");
            await Assertions.Expect(focus.GetByRole(AriaRole.Heading, In(words.FocusHeading))).ToBeVisibleAsync();
            await Assertions.Expect(focus).ToContainTextAsync("party-committee");
            await Assertions.Expect(focus).ToContainTextAsync(words.UtcOffset);
            var complete = focus.GetByRole(AriaRole.Button, In(words.Complete));
            await Assertions.Expect(complete).ToBeInViewportAsync();
            await Chromium.ScreenshotAsync(page, $"phone-campaign-{words.Language}.png", fullPage: false);
            // The task's details, from the flowchart, fit the phone too.
            await page.GetByTestId("node-mobilizationMeeting").ClickAsync();
            await Assertions.Expect(page.GetByTestId("task-details")).ToContainTextAsync("party-committee");
            Assert.Equal(0, await SidewaysOverflowAsync(page));
            await complete.ClickAsync();
            var form = focus.GetByRole(AriaRole.Form, In(words.Complete));
            await form.GetByLabel(words.HeldOn).FillAsync("2023-06-10");
            await form.GetByLabel(words.Attendees).FillAsync("48");
            Assert.Equal(0, await SidewaysOverflowAsync(page));
            await Chromium.ScreenshotAsync(page, $"phone-completion-form-{words.Language}.png");
            await form.GetByRole(AriaRole.Button, In(words.Submit)).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(words.Completed);
            await Assertions.Expect(page.GetByTestId("node-mobilizationMeeting")).ToContainTextAsync(words.Done);
            Assert.Equal(0, await SidewaysOverflowAsync(page));
        });

        var progress = await office.GetJsonAsync($"{campaign}/progress");
        var task = progress.Json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "mobilizationMeeting:1");
        Assert.Equal(("completed", 48), (task.GetProperty("status").GetString(), task.GetProperty("result").GetProperty("attendees").GetInt32()));
    }
}
