using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.CampaignSteps;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The zh-CN pages show no English the engine or a definition spells in code: meeting kinds,
/// ledger kinds and states, a fork's branch names and the "Done" port, template input help, and
/// the designer's problem explanations. Each page is read as a person would, by its visible text.
/// </summary>
public sealed partial class ChineseEverywhereBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    /// <summary>The English codes issue 11 found on Chinese pages, as whole words.</summary>
    [GeneratedRegex(@"\b(Opinions|Talks|Rules|Report|Statements|Done|mobilization|study|organizationalLife|task\.completed|task\.activated|active|completed|WaitAll|WaitAny)\b")]
    private static partial Regex EnglishCodes();

    private static async Task ExpectNoEnglishCodesAsync(ILocator region)
    {
        var text = await region.InnerTextAsync();
        var found = EnglishCodes().Matches(text).Select(m => $"{m.Value} in “{text[Math.Max(0, m.Index - 30)..Math.Min(text.Length, m.Index + m.Length + 30)]}”").Distinct().ToList();
        Assert.True(found.Count == 0, $"English on a Chinese page: {string.Join(", ", found)}");
    }

    [Fact]
    public async Task CampaignPage_AuditPage_AndDesigner_InChinese_ShowNoEnglishCodes()
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var campaign = await InAnalysisAsync(office);
        var admin = await App.IssueKeyAsync("admin.zh", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(CampaignPage_AuditPage_AndDesigner_InChinese_ShowNoEnglishCodes), "zh-CN", async page =>
        {
            await page.SetViewportSizeAsync(1440, 900);
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), admin, "API 密钥", "登录");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("当前阶段：分析检查"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("node-collectOpinions")).ToContainTextAsync("办理中");
            // The meeting's record: its day a date, nothing in code.
            await page.GetByTestId("node-mobilizationMeeting").ClickAsync();
            await Assertions.Expect(page.GetByTestId("task-details")).ToContainTextAsync("2023年6月10日");
            await ExpectNoEnglishCodesAsync(page.Locator("main"));

            // The ledger: kinds and states worded, the details of a completion opened.
            await page.GotoAsync($"{App.BaseUrl}/app/audit?campaignId={IdOf(campaign)}&kind=task.completed");
            var rows = page.GetByTestId("ledger-row");
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            await Assertions.Expect(rows.First.GetByTestId("ledger-kind")).ToHaveTextAsync("任务办结");
            await rows.First.GetByRole(AriaRole.Button, new() { Name = "详情", Exact = true }).ClickAsync();
            var details = page.Locator(".audit-details").First;
            await Assertions.Expect(details).ToContainTextAsync("办理中 → 已办结");
            await ExpectNoEnglishCodesAsync(page.GetByTestId("ledger-table").Locator("tbody > tr[data-testid=ledger-row]").First);
            await ExpectNoEnglishCodesAsync(details.Locator("dd").First);

            // The designer: the analysis phase's fork branches and ports, a meeting's kind, the problems panel.
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.OpenFromNavigationAsync("流程设计", "流程设计器");
            await page.GetByRole(AriaRole.Link, Named("analysis-phase")).ClickAsync();
            await Assertions.Expect(designer.Node("forkWork")).ToBeVisibleAsync();
            await Assertions.Expect(designer.Node("forkWork").Locator(".designer-port")).ToHaveTextAsync(["问计于民", "交心谈心", "集中学习与制度建设"]);
            // Read-only, a meeting's properties still say its kind in Chinese.
            await designer.SelectNodeAsync("mobilizationMeeting");
            await Assertions.Expect(designer.Properties.GetByLabel("会议类型").Locator("option:checked")).ToHaveTextAsync("动员会");
            await ExpectNoEnglishCodesAsync(designer.Properties);
            await ExpectNoEnglishCodesAsync(designer.Canvas);
            await ExpectNoEnglishCodesAsync(designer.Problems);
            await Chromium.ScreenshotAsync(page, "designer-analysis-zh-CN.png");
        });
    }
}
