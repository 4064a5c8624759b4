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

    [Fact]
    public async Task OnAPhone_AParticipantCompletesATaskFromTheWorklist()
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var campaign = await AtAnalysisStartAsync(office);
        var participant = await App.IssueKeyAsync("party-committee", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync(nameof(OnAPhone_AParticipantCompletesATaskFromTheWorklist), "zh-CN", async page =>
        {
            await page.SetViewportSizeAsync(375, 812);
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", participant, "API 密钥", "登录");
            // The navigation is behind the menu button on a phone.
            await page.GetByRole(AriaRole.Button, Named("打开导航")).ClickAsync();
            await page.GetByRole(AriaRole.Link, Named("我的待办")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("我的待办任务"))).ToBeVisibleAsync();
            // Other campaigns' meetings may be on the same list: this campaign's row, by its link.
            var row = page.GetByTestId("worklist-row").Filter(new() { Has = page.Locator($"a[href*='{IdOf(campaign)}']") });
            await Assertions.Expect(row).ToBeVisibleAsync();
            Assert.Equal(0, await SidewaysOverflowAsync(page));
            await Chromium.ScreenshotAsync(page, "phone-worklist-zh-CN.png");

            // The task, its details and its form, all within the phone's width.
            await row.GetByRole(AriaRole.Link).ClickAsync();
            // Opened at the task: it comes first, on the first screen, with its assignee and due date.
            var focus = page.GetByTestId("campaign-focus");
            await Assertions.Expect(focus.GetByRole(AriaRole.Heading, In("您要办理的任务"))).ToBeVisibleAsync();
            await Assertions.Expect(focus).ToContainTextAsync("party-committee");
            await Assertions.Expect(focus).ToContainTextAsync("（UTC+8）");
            var complete = focus.GetByRole(AriaRole.Button, In("办结“转段工作会议”"));
            await Assertions.Expect(complete).ToBeInViewportAsync();
            // The task's details, from the flowchart, fit the phone too.
            await page.GetByTestId("node-mobilizationMeeting").ClickAsync();
            await Assertions.Expect(page.GetByTestId("task-details")).ToContainTextAsync("party-committee");
            Assert.Equal(0, await SidewaysOverflowAsync(page));
            await complete.ClickAsync();
            var form = focus.GetByRole(AriaRole.Form, In("办结“转段工作会议”"));
            await form.GetByLabel("召开日期").FillAsync("2023-06-10");
            await form.GetByLabel("参会人数").FillAsync("48");
            Assert.Equal(0, await SidewaysOverflowAsync(page));
            await Chromium.ScreenshotAsync(page, "phone-completion-form-zh-CN.png");
            await form.GetByRole(AriaRole.Button, In("提交办结")).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("“转段工作会议”已办结。");
            await Assertions.Expect(page.GetByTestId("node-mobilizationMeeting")).ToContainTextAsync("已办结");
            Assert.Equal(0, await SidewaysOverflowAsync(page));
        });

        var progress = await office.GetJsonAsync($"{campaign}/progress");
        var task = progress.Json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "mobilizationMeeting:1");
        Assert.Equal(("completed", 48), (task.GetProperty("status").GetString(), task.GetProperty("result").GetProperty("attendees").GetInt32()));
    }
}
