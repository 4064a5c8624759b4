using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.CampaignSteps;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The campaign page's campaign-level actions (suspend, resume, cancel) and task reassignment in real
/// Chromium against the real app; what the page shows is checked, then what the server recorded.
/// </summary>
public sealed class CampaignPageActionsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions In(string name) => new() { Name = name, Exact = true };

    private async Task<HttpClient> OperatorAsync() => App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));

    [Fact]
    public async Task Operator_SuspendsAndResumes_ThenReassignsATask()
    {
        using var office = await OperatorAsync();
        var campaign = await AtAnalysisStartAsync(office);
        var operatorKey = await App.IssueKeyAsync("office.wang", false, Roles.Operator);
        await fixture.Chromium.OnPageAsync(nameof(Operator_SuspendsAndResumes_ThenReassignsATask), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), operatorKey);
            await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("Running");

            await page.GetByRole(AriaRole.Button, Named("Suspend the campaign")).ClickAsync();
            await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("防汛工作期间暂停");
            await page.GetByRole(AriaRole.Button, Named("Confirm")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The campaign is suspended. Nothing can be done on it until it is resumed.");
            await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("Suspended");
            await Assertions.Expect(page.GetByTestId("campaign-why")).ToContainTextAsync("The campaign is suspended; resume it first.");
            // Suspended, the only ways on are resuming and cancelling.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("Suspend the campaign"))).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("Advance to “Rectification and implementation”"))).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("Cancel the campaign…"))).ToBeVisibleAsync();
            // Its tasks wait too: no completing or reassigning until it resumes.
            await Assertions.Expect(page.Locator("[data-testid^='reassign-']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete “", Exact = false })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, Named("Resume the campaign")).ClickAsync();
            await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("汛期结束，恢复");
            await page.GetByRole(AriaRole.Button, Named("Confirm")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The campaign has resumed in “Analysis and inspection”.");
            await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("Running");
            await Assertions.Expect(page.GetByTestId("campaign-why")).Not.ToContainTextAsync("suspended");
            await Assertions.Expect(page.Locator("[data-testid^='reassign-']").First).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, Named("Reassign “Phase-transition work meeting”")).ClickAsync();
            var form = page.GetByRole(AriaRole.Form, Named("Reassign “Phase-transition work meeting”"));
            // No name: asked for before anything is sent.
            await form.GetByRole(AriaRole.Button, In("Reassign")).ClickAsync();
            await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Name the person or group who should have the task.");
            await form.GetByLabel("New assignee (a person or a group)").FillAsync("deputy.liu");
            await form.GetByLabel("Reason (optional)").FillAsync("secretary.chen is away");
            await form.GetByRole(AriaRole.Button, In("Reassign")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("“Phase-transition work meeting” is now with deputy.liu.");
            await Assertions.Expect(form).ToHaveCountAsync(0);

            await page.GetByTestId("node-mobilizationMeeting").ClickAsync();
            await Assertions.Expect(page.GetByTestId("task-details")).ToContainTextAsync("deputy.liu");
            await Chromium.ScreenshotAsync(page, "campaign-page-reassigned-en.png");
        });

        var progress = await office.GetJsonAsync($"{campaign}/progress");
        Assert.False(progress.Json.GetProperty("suspended").GetBoolean());
        var task = progress.Json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "mobilizationMeeting:1");
        Assert.Equal("deputy.liu", task.GetProperty("assignee").GetString());
        var history = await office.GetJsonAsync($"{campaign}/history?limit=200");
        var reasons = history.Json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToList();
        Assert.Contains("防汛工作期间暂停", reasons);
        Assert.Contains("汛期结束，恢复", reasons);
    }

    [Fact]
    public async Task ChineseOperator_CancelsOnlyAfterConfirming_WithAReason()
    {
        using var office = await OperatorAsync();
        var campaign = await StartedAsync(office);
        var operatorKey = await App.IssueKeyAsync("office.zhang", false, Roles.Operator);
        await fixture.Chromium.OnPageAsync(nameof(ChineseOperator_CancelsOnlyAfterConfirming_WithAReason), "zh-CN", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), operatorKey, "API 密钥", "登录");
            await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("进行中");

            // The first click only asks: it says what cancelling does, and keeping the campaign closes the question.
            await page.GetByRole(AriaRole.Button, Named("撤销活动…")).ClickAsync();
            await Assertions.Expect(page.GetByTestId("transition-warning")).ToHaveTextAsync("撤销后活动即告终止：未办结的任务将一并撤销，且无法恢复。");
            await page.GetByRole(AriaRole.Button, Named("暂不撤销")).ClickAsync();
            await Assertions.Expect(page.GetByTestId("transition-warning")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("进行中");

            await page.GetByRole(AriaRole.Button, Named("撤销活动…")).ClickAsync();
            await page.GetByRole(AriaRole.Button, Named("确认撤销活动")).ClickAsync();
            await Assertions.Expect(page.GetByText("请填写理由，以便留痕。")).ToBeVisibleAsync();
            await page.GetByLabel("理由", new() { Exact = true }).FillAsync("上级通知停止本次活动");
            await page.GetByRole(AriaRole.Button, Named("确认撤销活动")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("活动已撤销。");
            await Assertions.Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("已撤销");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("撤销活动…"))).ToHaveCountAsync(0);
        });

        var after = await office.GetJsonAsync(campaign);
        Assert.Equal("cancelled", after.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Participant_SeesNoCampaignLevelButtons_ButMayReassign()
    {
        using var office = await OperatorAsync();
        var campaign = await AtAnalysisStartAsync(office);
        var participant = await App.IssueKeyAsync("party-committee.secretary", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync(nameof(Participant_SeesNoCampaignLevelButtons_ButMayReassign), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), participant);
            await Assertions.Expect(page.GetByTestId("node-mobilizationMeeting")).ToContainTextAsync("Open");
            // Reassigning is for every key that may complete tasks (the server's TaskWriters policy).
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("Reassign “Phase-transition work meeting”"))).ToBeVisibleAsync();
            foreach (var name in new[] { "Suspend the campaign", "Resume the campaign", "Cancel the campaign…", "Start the campaign", "Send back to “Study and research”" })
                await Assertions.Expect(page.GetByRole(AriaRole.Button, Named(name))).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Actions"))).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task ReassigningAfterSomeoneElseCompleted_SaysTheCampaignChanged_ThenShowsTheServersRefusal()
    {
        using var office = await OperatorAsync();
        var campaign = await AtAnalysisStartAsync(office);
        var participant = await App.IssueKeyAsync("party-committee.deputy", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync(nameof(ReassigningAfterSomeoneElseCompleted_SaysTheCampaignChanged_ThenShowsTheServersRefusal), "en-US", async page =>
        {
            // Without the events feed the page cannot learn of the completion before it submits.
            await page.RouteAsync("**/api/v1/events**", route => route.AbortAsync());
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), participant);
            await page.GetByRole(AriaRole.Button, Named("Reassign “Phase-transition work meeting”")).ClickAsync();
            var form = page.GetByRole(AriaRole.Form, Named("Reassign “Phase-transition work meeting”"));
            await form.GetByLabel("New assignee (a person or a group)").FillAsync("deputy.liu");

            await CompleteAsync(office, campaign, "mobilizationMeeting:1", SeedData.Meeting("2023-06-10"));
            await form.GetByRole(AriaRole.Button, In("Reassign")).ClickAsync();
            await Assertions.Expect(form.GetByTestId("reassign-refusal")).ToHaveTextAsync(
                "Someone else changed this campaign in the meantime. The page now shows the current state; check it and try again.");
            await Assertions.Expect(page.GetByTestId("node-mobilizationMeeting")).ToContainTextAsync("Completed");

            // Sent again against the current version: the server says why.
            await form.GetByRole(AriaRole.Button, In("Reassign")).ClickAsync();
            await Assertions.Expect(form.GetByTestId("reassign-refusal")).ToHaveTextAsync(
                new System.Text.RegularExpressions.Regex(@"^Task instance 'mobilizationMeeting:1' is already completed \(since .+\); it cannot be changed\.$"));
        });

        var progress = await office.GetJsonAsync($"{campaign}/progress");
        var task = progress.Json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "mobilizationMeeting:1");
        Assert.NotEqual("deputy.liu", task.GetProperty("assignee").GetString());
    }
}
