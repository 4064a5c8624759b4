using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.CampaignSteps;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The campaign page read at a glance in real Chromium: the timeline of phase rounds with the meetings
/// and results recorded, and the gates' figures drawn against their thresholds, in English and Chinese.
/// </summary>
public sealed class CampaignReadingBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    [Fact]
    public async Task AnalysisPhase_ShowsTheTimeline_AndTheGateMetricsAgainstTheirThresholds()
    {
        var key = await App.IssueKeyAsync("campaign-office", false, Roles.Operator);
        using var office = App.RealClient(key);
        // 30 of 40 satisfied (75 %) against 80 %; the forms returned, 125 of 180 (69.4 %), against 60 %.
        var campaign = await AppraisedAsync(office, 40, 30);
        await fixture.Chromium.OnPageAsync(nameof(AnalysisPhase_ShowsTheTimeline_AndTheGateMetricsAgainstTheirThresholds), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), key);
            var timeline = page.GetByTestId("campaign-timeline");
            await Assertions.Expect(timeline).ToContainTextAsync("Entered “Study and research”, round 1");
            await Assertions.Expect(timeline).ToContainTextAsync("Study-phase mobilization meeting: held on 2023-03-01");
            await Assertions.Expect(timeline).ToContainTextAsync("Approve the phase summary: Approved");
            await Assertions.Expect(timeline).ToContainTextAsync("Entered “Analysis and inspection”, round 1");
            await Assertions.Expect(timeline).ToContainTextAsync("Phase-transition work meeting: held on 2023-06-10");
            // Timeline order is the ledger's: the study phase's meeting before the analysis phase is entered.
            var texts = await timeline.Locator(".campaign-timeline-phase, .campaign-timeline-meeting, .campaign-timeline-result").AllInnerTextsAsync();
            Assert.True(
                texts.ToList().IndexOf("Study-phase mobilization meeting: held on 2023-03-01") < texts.ToList().IndexOf("Entered “Analysis and inspection”, round 1"),
                string.Join(" | ", texts));

            await Assertions.Expect(page.GetByTestId("gate-metric-appraisalSatisfaction"))
                .ToContainTextAsync("75% (30 of 40) against ≥ 80% · not reached");
            await Assertions.Expect(page.GetByTestId("gate-metric-formsReturned"))
                .ToContainTextAsync("69.4% (125 of 180) against ≥ 60% · reached");
            await Assertions.Expect(page.GetByTestId("gate-metric-talksHeld")).ToContainTextAsync("80 against ≥");
            await Chromium.ScreenshotAsync(page, "campaign-timeline-en.png");

            await Chromium.SwitchLanguageAsync(page, "zh-CN");
            await Assertions.Expect(timeline).ToContainTextAsync("进入“分析检查”阶段（第 1 轮）");
            await Assertions.Expect(timeline).ToContainTextAsync("转段工作会议：2023-06-10 召开");
            await Assertions.Expect(page.GetByTestId("gate-metric-appraisalSatisfaction")).ToContainTextAsync("75%（30/40），标准 ≥ 80% · 未达标");
        });
    }
}
