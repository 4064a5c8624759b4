using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Identity;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// Issue 5's whole path in one browser session: an admin builds a small workflow from the palette,
/// connects it, sees the server's validation error on the right node, fixes it and publishes it,
/// puts it into a new template, publishes that, starts a campaign from it, and finds the campaign's
/// first task active; the same campaign page in Chinese.
/// </summary>
public sealed class DesignToCampaignBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task Admin_DesignsAWorkflow_PutsItIntoATemplate_AndStartsACampaignWhoseFirstTaskIsActive()
    {
        var key = await App.IssueKeyAsync("scenario.admin", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(Admin_DesignsAWorkflow_PutsItIntoATemplate_AndStartsACampaignWhoseFirstTaskIsActive), "en-US", async page =>
        {
            await page.SetViewportSizeAsync(1600, 960);
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.SignInAsync(key, "API key", "Sign in");

            // 1. The workflow: start → meeting → decision → end (both ways), the decision's condition not given yet.
            await designer.OpenFromNavigationAsync("Designer", "Workflow designer");
            await designer.CreateWorkflowAsync("kickoff-flow", "Kick-off", "启动部署");
            await designer.AddFromPaletteAsync("Add Meeting", "meeting1");
            await designer.AddFromPaletteAsync("Add Decision", "flowDecision1");
            await designer.ConnectAsync("start", "Done", "meeting1");
            await designer.ConnectAsync("meeting1", "Done", "flowDecision1");
            await designer.ConnectAsync("flowDecision1", "True", "end");
            await designer.ConnectAsync("flowDecision1", "False", "end");
            await designer.LayoutAsync("Auto-layout");

            // The server finds the missing condition and the meeting's missing assignee, and the designer marks those two only.
            await Assertions.Expect(designer.NodeProblem("flowDecision1")).ToContainTextAsync("Required input missing");
            await Assertions.Expect(designer.NodeProblem("meeting1")).ToContainTextAsync("Required input missing");
            foreach (var other in new[] { "start", "end" })
                await Assertions.Expect(designer.NodeProblem(other)).ToHaveCountAsync(0);
            await designer.SelectNodeAsync("meeting1");
            await designer.FillPropertyAsync("Assignee", "campaign-office");
            await Assertions.Expect(designer.NodeProblem("meeting1")).ToHaveCountAsync(0);

            await designer.SelectNodeAsync("flowDecision1");
            await designer.FillPropertyAsync("Condition (required)", "results.meeting1.attendees >= 10");
            await Assertions.Expect(designer.Problems.GetByText("No problems: the workflow can be published.")).ToBeVisibleAsync();
            await Assertions.Expect(designer.NodeProblem("flowDecision1")).ToHaveCountAsync(0);
            await designer.PublishAsync("Publish", "kickoff-flow", 1);

            // 2. The template: one phase that runs the new workflow.
            var templates = new TemplateEditorPage(page, App.BaseUrl);
            await templates.OpenNewTemplateAsync();
            await templates.SetTemplateAsync("kickoff-campaign", "Kick-off campaign", "启动部署活动");
            await templates.SetPhaseAsync(1, "kickoff", "Kick-off", "启动部署");
            await templates.PickWorkflowAsync(1, "kickoff-flow", 1);
            var version = await templates.PublishAsync();
            Assert.Equal(1, version);

            // 3. A campaign from it: the page it lands on shows the meeting active.
            await templates.OpenVersionAsync("kickoff-campaign", version);
            var campaignId = await templates.StartCampaignAsync("2026 kick-off", "district-education-bureau", new Dictionary<string, string>());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Current phase: Kick-off"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("node-meeting1")).ToContainTextAsync("Open");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("Complete “Meeting”"))).ToBeVisibleAsync();

            // The same page in Chinese.
            await Chromium.SwitchLanguageAsync(page, "zh-CN");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("当前阶段：启动部署"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("node-meeting1")).ToContainTextAsync("会议");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("办结“会议”"))).ToBeVisibleAsync();

            // The server agrees: the campaign runs the new template and its meeting is the active task.
            using var client = App.RealClient(key);
            var progress = await client.GetStringAsync($"api/v1/campaigns/{campaignId}/progress");
            Assert.Matches(new Regex("\"currentPhase\"\\s*:\\s*\"kickoff\""), progress);
            Assert.Contains("meeting1:1", progress, StringComparison.Ordinal);
        });
    }
}
