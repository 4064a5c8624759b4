using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.CampaignSteps;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The campaign page (/app/campaigns/{id}) in real Chromium against the real app: a participant
/// completes the seed's meeting from the page and the flowchart recolours; the unmet appraisal gate
/// is explained, in Chinese; a second page sees a completion without reloading.
/// </summary>
public sealed class CampaignPageBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions In(string name) => new() { Name = name, Exact = true };

    private async Task<HttpClient> OperatorAsync() => App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));

    [Fact]
    public async Task Participant_CompletesTheMobilizationMeeting_FromThePage_AndTheFlowchartRecolours()
    {
        using var office = await OperatorAsync();
        var campaign = await AtAnalysisStartAsync(office);
        var participant = await App.IssueKeyAsync("party-committee.secretary", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync(nameof(Participant_CompletesTheMobilizationMeeting_FromThePage_AndTheFlowchartRecolours), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), participant);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Current phase: Analysis and inspection"))).ToBeVisibleAsync();
            var meeting = page.GetByTestId("node-mobilizationMeeting");
            await Assertions.Expect(meeting).ToContainTextAsync("Open");
            await Assertions.Expect(page.GetByTestId("node-collectOpinions")).ToContainTextAsync("Not reached");
            // A participant completes tasks but does not move phases.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Advance to", Exact = false })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, Named("Complete “Phase-transition work meeting”")).ClickAsync();
            var form = page.GetByRole(AriaRole.Form, Named("Complete “Phase-transition work meeting”"));
            // Nothing filled in: the required date is asked for before anything is sent.
            await form.GetByRole(AriaRole.Button, In("Complete task")).ClickAsync();
            await Assertions.Expect(form.GetByText("Please correct the marked fields.")).ToBeVisibleAsync();
            await Assertions.Expect(form.GetByText("Required.")).ToBeVisibleAsync();

            await form.GetByLabel("Held on").FillAsync("2023-06-10");
            await form.GetByLabel("Attendees").FillAsync("56");
            await form.GetByRole(AriaRole.Button, In("Complete task")).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("“Phase-transition work meeting” was completed.");
            await Assertions.Expect(meeting).ToContainTextAsync("Completed");
            await Assertions.Expect(page.GetByTestId("node-collectOpinions")).ToContainTextAsync("Open");
            await Assertions.Expect(page.GetByTestId("node-heartToHeartTalks")).ToContainTextAsync("Open");

            // The details panel shows what was recorded.
            await meeting.ClickAsync();
            var details = page.GetByTestId("task-details");
            await Assertions.Expect(details).ToContainTextAsync("party-committee.secretary");
            await Assertions.Expect(details).ToContainTextAsync("Attendees: 56");
        });

        var progress = await office.GetJsonAsync($"{campaign}/progress");
        var task = progress.Json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "mobilizationMeeting:1");
        Assert.Equal(("completed", "2023-06-10"), (task.GetProperty("status").GetString(), task.GetProperty("result").GetProperty("heldOn").GetString()));
    }

    [Fact]
    public async Task Participant_SubmitsTheSummaryWithADocument_AndApprovesIt_ThenThePageSaysTheWayIsClear()
    {
        using var office = await OperatorAsync();
        var campaign = await StartedAsync(office);
        await CompleteAsync(office, campaign, "studyMobilization:1", Meeting("2023-03-01"));
        await CompleteAsync(office, campaign, "centralizedStudy:1", Meeting("2023-03-10"));
        await CompleteAsync(office, campaign, "researchVisits:1", new { result = new { findings = new[] { Finding("师资不足", "problem") } } });
        var participant = await App.IssueKeyAsync("campaign-office.zhou", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync(nameof(Participant_SubmitsTheSummaryWithADocument_AndApprovesIt_ThenThePageSaysTheWayIsClear), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), participant);
            await Assertions.Expect(page.GetByTestId("campaign-why")).ToContainTextAsync("waiting for Study-phase summary");
            // Counted against the phase's five tasks, not the four reached so far.
            await Assertions.Expect(page.GetByTestId("phase-progress")).ToHaveTextAsync("This phase: 60% · 3 of 5 tasks done");

            // Documents are rows of the form: one added, with its link and hash.
            await page.GetByRole(AriaRole.Button, Named("Complete “Study-phase summary”")).ClickAsync();
            var form = page.GetByRole(AriaRole.Form, Named("Complete “Study-phase summary”"));
            await form.GetByRole(AriaRole.Button, In("Add · Documents")).ClickAsync();
            var row = form.GetByRole(AriaRole.Group, new() { Name = "Documents No. 1", Exact = true });
            await row.GetByLabel("Link").FillAsync("https://docs.example/study-summary.pdf");
            await row.GetByLabel("SHA-256").FillAsync("not-a-hash");
            await form.GetByRole(AriaRole.Button, In("Complete task")).ClickAsync();
            await Assertions.Expect(row.GetByText("The format is not valid.")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "campaign-completion-form-en.png");
            await row.GetByLabel("SHA-256").FillAsync(new string('b', 64));
            await form.GetByRole(AriaRole.Button, In("Complete task")).ClickAsync();
            await Assertions.Expect(page.GetByTestId("node-studySummary")).ToContainTextAsync("Completed");

            // A review leaves by the outcome the reviewer chooses.
            await page.GetByRole(AriaRole.Button, Named("Complete “Approve the phase summary”")).ClickAsync();
            var review = page.GetByRole(AriaRole.Form, Named("Complete “Approve the phase summary”"));
            await review.GetByRole(AriaRole.Button, In("Complete task")).ClickAsync();
            await Assertions.Expect(review.GetByText("Required.")).ToBeVisibleAsync();
            await review.GetByLabel("Outcome").SelectOptionAsync(new SelectOptionValue { Label = "Approved" });
            await review.GetByRole(AriaRole.Button, In("Complete task")).ClickAsync();

            await Assertions.Expect(page.GetByTestId("node-summaryApproval")).ToContainTextAsync("Completed");
            await Assertions.Expect(page.GetByTestId("campaign-why")).ToContainTextAsync("Everything is in place: the campaign may move to “Analysis and inspection”.");
            await Assertions.Expect(page.GetByTestId("gate-summaryApproved")).ToContainTextAsync("Met");
            await Assertions.Expect(page.GetByText("No open tasks.")).ToBeVisibleAsync();
        });

        var progress = await office.GetJsonAsync($"{campaign}/progress");
        var tasks = progress.Json.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        Assert.Equal("https://docs.example/study-summary.pdf",
            tasks["studySummary:1"].GetProperty("result").GetProperty("documents")[0].GetProperty("uri").GetString());
        Assert.Equal("Approved", tasks["summaryApproval:1"].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Operator_StartsACampaign_AndSendsAnotherBack_WithAReason()
    {
        using var office = await OperatorAsync();
        var fresh = await CreateAsync(office, "新建活动");
        var inAnalysis = await AtAnalysisStartAsync(office);
        var operatorKey = await App.IssueKeyAsync("office.wang", false, Roles.Operator);
        await fixture.Chromium.OnPageAsync(nameof(Operator_StartsACampaign_AndSendsAnotherBack_WithAReason), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(fresh), operatorKey);
            await Assertions.Expect(page.GetByTestId("phase-study")).ToContainTextAsync("Upcoming");
            await page.GetByRole(AriaRole.Button, Named("Start the campaign")).ClickAsync();
            await page.GetByLabel("Reason").FillAsync("按计划启动");
            await page.GetByRole(AriaRole.Button, Named("Confirm")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done: the campaign is now in “Study and research”.");
            await Assertions.Expect(page.GetByTestId("phase-study")).ToContainTextAsync("Current");
            await Assertions.Expect(page.GetByTestId("node-studyMobilization")).ToContainTextAsync("Open");

            await page.GotoAsync(App.BaseUrl + "/app/campaigns/" + IdOf(inAnalysis));
            await page.GetByRole(AriaRole.Button, Named("Send back to “Study and research”")).ClickAsync();
            await page.GetByLabel("Reason").FillAsync("学习调研不够深入，重新开展");
            await page.GetByRole(AriaRole.Button, Named("Confirm")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done: the campaign is now in “Study and research”.");
            await Assertions.Expect(page.GetByTestId("phase-study")).ToContainTextAsync("Current · entered 2 times");
            await Assertions.Expect(page.GetByTestId("phase-analysis")).ToContainTextAsync("Upcoming");

            // A campaign that does not exist: the server's words.
            var unknown = Guid.NewGuid();
            await page.GotoAsync(App.BaseUrl + "/app/campaigns/" + unknown);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"There is no campaign {unknown}.");
        });

        var history = await office.GetJsonAsync($"{inAnalysis}/history?limit=200");
        Assert.Contains(history.Json.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "phase.transitioned" && e.GetProperty("reason").GetString() == "学习调研不够深入，重新开展");
    }

    [Fact]
    public async Task CompletingAfterSomeoneElse_SaysTheCampaignChanged_ThenShowsTheServersRefusal()
    {
        using var office = await OperatorAsync();
        var campaign = await AtAnalysisStartAsync(office);
        var participant = await App.IssueKeyAsync("party-committee.deputy", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync(nameof(CompletingAfterSomeoneElse_SaysTheCampaignChanged_ThenShowsTheServersRefusal), "en-US", async page =>
        {
            // Without the events feed the page cannot learn of the other completion before it submits.
            await page.RouteAsync("**/api/v1/events**", route => route.AbortAsync());
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), participant);
            await page.GetByRole(AriaRole.Button, Named("Complete “Phase-transition work meeting”")).ClickAsync();
            var form = page.GetByRole(AriaRole.Form, Named("Complete “Phase-transition work meeting”"));
            await form.GetByLabel("Held on").FillAsync("2023-06-11");

            await CompleteAsync(office, campaign, "mobilizationMeeting:1", Meeting("2023-06-10"));
            await form.GetByRole(AriaRole.Button, In("Complete task")).ClickAsync();
            await Assertions.Expect(form.GetByTestId("completion-refusal")).ToHaveTextAsync(
                "Someone else changed this campaign in the meantime. The page now shows the current state; check it and try again.");
            await Assertions.Expect(page.GetByTestId("node-mobilizationMeeting")).ToContainTextAsync("Completed");

            // Sent again against the current version: the server says why, in the page's language.
            await form.GetByRole(AriaRole.Button, In("Complete task")).ClickAsync();
            await Assertions.Expect(form.GetByTestId("completion-refusal")).ToHaveTextAsync(
                new System.Text.RegularExpressions.Regex(@"^Task instance 'mobilizationMeeting:1' is already completed \(since .+\); it cannot be changed\.$"));
        });

        var progress = await office.GetJsonAsync($"{campaign}/progress");
        var task = progress.Json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "mobilizationMeeting:1");
        Assert.Equal("2023-06-10", task.GetProperty("result").GetProperty("heldOn").GetString());
    }

    [Fact]
    public async Task ChinesePage_ExplainsTheUnmetAppraisalGate_AndShowsTheServersRefusalInChinese()
    {
        using var office = await OperatorAsync();
        // 30 of 45 satisfied: 66.7 %, below the 80 % threshold; the report goes back for revision.
        var campaign = await AppraisedAsync(office, 45, 30);

        var operatorKey = await App.IssueKeyAsync("office.zhang", false, Roles.Operator);
        await fixture.Chromium.OnPageAsync(nameof(ChinesePage_ExplainsTheUnmetAppraisalGate_AndShowsTheServersRefusalInChinese), "zh-CN", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), operatorKey, "API 密钥", "登录");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("当前阶段：分析检查"))).ToBeVisibleAsync();
            var why = page.GetByTestId("campaign-why");
            await Assertions.Expect(why.GetByRole(AriaRole.Heading, In("为什么还不能转入“整改落实”阶段？"))).ToBeVisibleAsync();
            await Assertions.Expect(why).ToContainTextAsync("转段条件“群众满意率达标”未满足：群众满意率标准 = 80%、群众满意度测评 – 满意率 = 66.7%。");
            await Assertions.Expect(why).ToContainTextAsync("本阶段流程尚未走完，还需办结：根据会议意见修改报告。");
            await Assertions.Expect(page.GetByTestId("gate-appraisalSatisfaction")).ToContainTextAsync("未满足");
            await Assertions.Expect(page.GetByTestId("gate-rule-appraisalSatisfaction")).ToHaveTextAsync("群众满意度测评 – 满意率 ≥ 群众满意率标准");
            await Assertions.Expect(page.GetByTestId("gate-formsReturned")).ToContainTextAsync("已满足");
            await Assertions.Expect(page.GetByTestId("node-massAppraisal")).ToContainTextAsync("已办结");
            await Assertions.Expect(page.GetByTestId("node-finalizeReport")).ToContainTextAsync("办理中 · 第 2 轮");
            await Assertions.Expect(page.GetByTestId("node-orgLifeMeeting")).ToContainTextAsync("已完成 2/2 个单元");
            // The 21 activities of the analysis phase open wrapped into rows, at a legible zoom, with the open task in view.
            var flowchart = page.GetByTestId("campaign-flowchart");
            var scale = await flowchart.Locator(".react-flow__viewport").EvaluateAsync<double>("v => new DOMMatrix(getComputedStyle(v).transform).a");
            Assert.InRange(scale, 0.8, 1.0);
            var frame = (await flowchart.BoundingBoxAsync())!;
            var open = (await page.GetByTestId("node-finalizeReport").BoundingBoxAsync())!;
            Assert.True(open.X >= frame.X && open.X + open.Width <= frame.X + frame.Width
                && open.Y >= frame.Y && open.Y + open.Height <= frame.Y + frame.Height,
                $"open task at {open.X},{open.Y} {open.Width}x{open.Height}; frame {frame.X},{frame.Y} {frame.Width}x{frame.Height}");
            await Assertions.Expect(page.GetByRole(AriaRole.Img, Named("流程全图（拖动可移动视图）"))).ToBeVisibleAsync();
            // The reviews' outcome ports are labelled on the flowchart in Chinese, from the activity descriptors.
            var edgeLabels = page.GetByTestId("campaign-flowchart").Locator(".react-flow__edge-text");
            await Assertions.Expect(edgeLabels.Filter(new() { HasTextString = "需修改" })).ToHaveCountAsync(2);
            await Assertions.Expect(edgeLabels.Filter(new() { HasTextString = "通过" })).ToHaveCountAsync(2);
            await Assertions.Expect(edgeLabels.Filter(new() { HasTextString = "是" })).ToHaveCountAsync(1);
            await Assertions.Expect(edgeLabels.Filter(new() { HasTextString = "否" })).ToHaveCountAsync(1);
            await Assertions.Expect(edgeLabels.Filter(new() { HasTextString = "ChangesRequested" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("进度趋势"))).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await Chromium.ScreenshotAsync(page, "campaign-page-zh-CN.png");

            // The units of the multi-instance meeting, one per party group, chosen without the pointer.
            await page.GetByTestId("task-details-choice").SelectOptionAsync(new SelectOptionValue { Label = "党员专题组织生活会" });
            var details = page.GetByTestId("task-details");
            await Assertions.Expect(details).ToContainTextAsync("单元：机关第一党小组");
            await Assertions.Expect(details).ToContainTextAsync("单元：机关第二党小组");
            await Assertions.Expect(details).ToContainTextAsync("leader.li");

            // Moving on is not offered: the button is disabled, with the server's reasons beside it in Chinese.
            var advance = page.GetByRole(AriaRole.Button, Named("转入“整改落实”阶段"));
            await Assertions.Expect(advance).ToBeDisabledAsync();
            var refused = page.GetByTestId("transition-refused-advance");
            await Assertions.Expect(refused).ToContainTextAsync("“群众满意率达标”未满足");
            await Assertions.Expect(advance).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("群众满意率达标"));
            await Assertions.Expect(refused).ToContainTextAsync("本阶段流程尚未结束");
        });

        var after = await office.GetJsonAsync($"{campaign}/progress");
        Assert.Equal("analysis", after.Json.GetProperty("currentPhase").GetString());
    }

    [Fact]
    public async Task SecondPage_ShowsACompletionMadeElsewhere_WithinSeconds_WithoutReload()
    {
        using var office = await OperatorAsync();
        var campaign = await InAnalysisAsync(office);
        var participantA = await App.IssueKeyAsync("party-secretary", false, Roles.Participant);
        var viewerB = await App.IssueKeyAsync("office.li", false, Roles.Operator);
        await fixture.Chromium.OnPageAsync(nameof(SecondPage_ShowsACompletionMadeElsewhere_WithinSeconds_WithoutReload), "en-US", async pageA =>
        {
            await fixture.Chromium.OnPageAsync(nameof(SecondPage_ShowsACompletionMadeElsewhere_WithinSeconds_WithoutReload) + "-B", "en-US", async pageB =>
            {
                // Page B learns of changes from the events stream (Server-Sent Events), never by polling the feed.
                var feedRequests = new System.Collections.Concurrent.ConcurrentQueue<string>();
                pageB.Request += (_, request) =>
                {
                    if (request.Url.Contains("/api/v1/events")) feedRequests.Enqueue(request.Url);
                };
                await Chromium.SignInAsync(pageA, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), participantA);
                await Chromium.SignInAsync(pageB, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), viewerB);
                var talksOnB = pageB.GetByTestId("node-heartToHeartTalks");
                await Assertions.Expect(talksOnB).ToContainTextAsync("Open");
                // A mark on page B's window: it survives only if the page is not reloaded.
                await pageB.EvaluateAsync("() => { window.__notReloaded = true; }");
                var chartOnB = pageB.Locator("#campaign-chart-desc");
                await Assertions.Expect(chartOnB).ToContainTextAsync("6 completed");
                // From here on page B reads only the ledger entries after the last one it holds.
                var historyReads = new System.Collections.Concurrent.ConcurrentQueue<string>();
                pageB.Request += (_, request) =>
                {
                    if (request.Url.Contains("/history")) historyReads.Enqueue(request.Url);
                };

                await pageA.GetByRole(AriaRole.Button, Named("Complete “Heart-to-heart talks”")).ClickAsync();
                await pageA.GetByLabel("Talks held").FillAsync("80");
                await pageA.GetByRole(AriaRole.Button, Named("Complete task")).ClickAsync();
                await Assertions.Expect(pageA.GetByTestId("node-heartToHeartTalks")).ToContainTextAsync("Completed");

                await Assertions.Expect(talksOnB).ToContainTextAsync("Completed", new() { Timeout = 6_000 });

                // And one made through the API by an integrator.
                await CompleteAsync(office, campaign, "collectOpinions:1", Opinions());
                await Assertions.Expect(pageB.GetByTestId("node-collectOpinions")).ToContainTextAsync("Completed", new() { Timeout = 6_000 });
                await Assertions.Expect(pageB.GetByTestId("gate-formsReturned")).ToContainTextAsync("Met", new() { Timeout = 6_000 });
                Assert.True(await pageB.EvaluateAsync<bool>("() => window.__notReloaded === true"));
                // The chart counts both completions, from the entries read after the ones held.
                await Assertions.Expect(chartOnB).ToContainTextAsync("8 completed", new() { Timeout = 6_000 });
                Assert.NotEmpty(historyReads);
                Assert.All(historyReads, url => Assert.Matches(@"[?&]after=[1-9][0-9]*(&|$)", url));
                await Assertions.Expect(pageB.GetByTestId("node-studyAndRules")).ToContainTextAsync("Open");
                // One stream, opened at the head (the header's bell shares it), and not one poll of the paged feed.
                Assert.Single(feedRequests, url => url.Contains("/api/v1/events/stream?after="));
                Assert.DoesNotContain(feedRequests, url => new Uri(url).AbsolutePath == "/api/v1/events");
                await Chromium.ScreenshotAsync(pageB, "campaign-page-en.png");
            });
        });
    }
}
