using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflow.Api.Identity;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The workflow designer in real headless Chromium against the real app: an admin builds a small
/// workflow from the palette, connects it, sees the server's validation error on the right node,
/// fixes it and publishes it; the same designer in Chinese.
/// </summary>
public sealed class DesignerBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static ILocator NavLink(IPage page, string name) =>
        page.GetByTestId("app-navigation").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    [Fact]
    public async Task Admin_BuildsAWorkflowFromThePalette_FixesTheValidationError_AndPublishesIt()
    {
        var key = await App.IssueKeyAsync("designer.admin", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(Admin_BuildsAWorkflowFromThePalette_FixesTheValidationError_AndPublishesIt), "en-US", async page =>
        {
            await page.SetViewportSizeAsync(1600, 960);
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.SignInAsync(key, "API key", "Sign in");
            await designer.OpenFromNavigationAsync("Designer", "Workflow designer");
            await designer.CreateWorkflowAsync("review-flow", "Report review", "报告审阅");

            await designer.AddFromPaletteAsync("Add Decision", "flowDecision1");
            var canvas = await designer.Canvas.BoundingBoxAsync();
            await designer.DragFromPaletteAsync("Campaign.Review", canvas!.Width * 0.45f, canvas.Height * 0.8f, "review1");
            await designer.ConnectAsync("start", "Done", "review1");
            await designer.ConnectAsync("review1", "Approved", "end");
            await designer.ConnectAsync("review1", "ChangesRequested", "flowDecision1");
            await designer.ConnectAsync("flowDecision1", "True", "review1");
            await designer.ConnectAsync("flowDecision1", "False", "end");
            await Assertions.Expect(designer.Canvas.Locator(".react-flow__edge")).ToHaveCountAsync(5);
            await designer.LayoutAsync("Auto-layout");

            // The review has nobody to do it and the decision no condition: the server says so, and the designer marks those nodes only.
            await Assertions.Expect(designer.NodeProblem("flowDecision1")).ToContainTextAsync("Required input missing");
            await Assertions.Expect(designer.NodeProblem("review1")).ToContainTextAsync("Required input missing");
            await Assertions.Expect(designer.NodeProblem("start")).ToHaveCountAsync(0);
            await designer.SelectNodeAsync("review1");
            await designer.FillPropertyAsync("Assignee", "party-committee");
            await Assertions.Expect(designer.NodeProblem("review1")).ToHaveCountAsync(0);

            // Delete and undo: the decision and its two connections come back.
            await designer.SelectNodeAsync("flowDecision1");
            await page.Keyboard.PressAsync("Delete");
            await Assertions.Expect(designer.Node("flowDecision1")).ToHaveCountAsync(0);
            await Assertions.Expect(designer.Canvas.Locator(".react-flow__edge")).ToHaveCountAsync(2);
            await page.Keyboard.PressAsync("Control+Z");
            await Assertions.Expect(designer.Node("flowDecision1")).ToBeVisibleAsync();
            await Assertions.Expect(designer.Canvas.Locator(".react-flow__edge")).ToHaveCountAsync(5);

            // Clicking the problem selects the node; a wrong expression is named next to its field.
            await designer.Problems.GetByRole(AriaRole.Button).Filter(new() { HasText = "Required input missing" }).ClickAsync();
            await Assertions.Expect(designer.Node("flowDecision1")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-selected"));
            await Assertions.Expect(page.GetByTestId("field-flowDecision1-condition-problems")).ToContainTextAsync("Required input missing");
            await designer.FillPropertyAsync("Condition (required)", "results.review1.commentCount >");
            await Assertions.Expect(page.GetByTestId("field-flowDecision1-condition-problems")).ToContainTextAsync("Expression syntax error");
            await Assertions.Expect(designer.NodeProblem("flowDecision1")).ToContainTextAsync("Expression syntax error");

            await designer.FillPropertyAsync("Condition (required)", "results.review1.commentCount > 3");
            await Assertions.Expect(designer.Problems.GetByText("No problems: the workflow can be published.")).ToBeVisibleAsync();
            await Assertions.Expect(designer.NodeProblem("flowDecision1")).ToHaveCountAsync(0);
            await Chromium.ScreenshotAsync(page, "designer-en.png");

            await designer.PublishAsync("Publish", "review-flow", 1);
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published as version 1." })).ToBeVisibleAsync();
        });

        // What was published is the designed flowchart, with the fixed condition.
        using var client = App.RealClient(key);
        using var response = await client.GetAsync("api/v1/workflows/review-flow/versions/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("definition").GetProperty("root");
        var decision = root.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "flowDecision1");
        Assert.Equal("results.review1.commentCount > 3", decision.GetProperty("condition").GetProperty("expression").GetProperty("value").GetString());
        var review = root.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "review1");
        Assert.Equal("party-committee", review.GetProperty("assignee").GetString());
        Assert.Equal(5, root.GetProperty("connections").GetArrayLength());
    }

    [Fact]
    public async Task ChineseDesigner_ShowsChineseLabels_ForAPublishedWorkflowCopiedAsADraft()
    {
        var key = await App.IssueKeyAsync("designer.zh", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(ChineseDesigner_ShowsChineseLabels_ForAPublishedWorkflowCopiedAsADraft), "zh-CN", async page =>
        {
            await page.SetViewportSizeAsync(1600, 960);
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.SignInAsync(key, "API 密钥", "登录");
            await designer.OpenFromNavigationAsync("流程设计", "流程设计器");
            await page.GetByRole(AriaRole.Link, Named("study-phase")).ClickAsync();

            // A published version is read-only: no palette, and an offer to copy it.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("study-phase（第 1 版）"))).ToBeVisibleAsync();
            await Assertions.Expect(designer.Node("centralizedStudy")).ToContainTextAsync("集中学习");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("活动"))).ToHaveCountAsync(0);
            // The review's ports are labelled in Chinese beside their handles.
            await Assertions.Expect(designer.Node("summaryApproval").Locator(".designer-port")).ToHaveTextAsync(["通过", "需修改"]);
            await page.GetByRole(AriaRole.Button, Named("复制为新草稿")).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("草稿：study-phase"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("活动"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Group, Named("流程控制"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("添加“条件判断”"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("保存草稿"))).ToBeVisibleAsync();
            await Assertions.Expect(designer.Problems.GetByText("未发现问题，可以发布。")).ToBeVisibleAsync();

            await designer.SelectNodeAsync("centralizedStudy");
            await Assertions.Expect(designer.Properties.GetByRole(AriaRole.Heading, new() { Name = "属性", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(designer.Properties.GetByLabel("显示名称（中文）")).ToHaveValueAsync("集中学习");
            await Assertions.Expect(designer.Properties.GetByLabel("会议类型")).ToHaveValueAsync("study");
            await Assertions.Expect(designer.Properties.GetByLabel("承办人", new() { Exact = true })).ToHaveValueAsync("party-committee");
            await Chromium.ScreenshotAsync(page, "designer-zh-CN.png");

            // Switching the language mid-edit relabels the page and keeps the unsaved edit.
            await designer.Properties.GetByLabel("显示名称（中文）").FillAsync("集中学习（修订）");
            await Assertions.Expect(designer.Node("centralizedStudy")).ToContainTextAsync("集中学习（修订）");
            await Chromium.SwitchLanguageAsync(page, "en");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Activities"))).ToBeVisibleAsync();
            await Assertions.Expect(designer.Node("centralizedStudy")).ToContainTextAsync("Centralized study");
            await Assertions.Expect(designer.Properties.GetByLabel("Display name (Chinese)")).ToHaveValueAsync("集中学习（修订）");
            await Assertions.Expect(page.GetByText("Unsaved changes")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task ImportedFile_IsPublished_ThenEditedAsANewVersion_AndTheVersionsCompare()
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "phases", "study-phase.json")))!;
        file["definitionId"] = "imported-study";
        var key = await App.IssueKeyAsync("designer.import", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(ImportedFile_IsPublished_ThenEditedAsANewVersion_AndTheVersionsCompare), "en-US", async page =>
        {
            await page.SetViewportSizeAsync(1600, 960);
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.SignInAsync(key, "API key", "Sign in");
            await designer.OpenFromNavigationAsync("Designer", "Workflow designer");

            // A file that is not JSON is refused on the page, with the parser's reason.
            var import = page.GetByTestId("designer-import");
            await import.SetInputFilesAsync(new FilePayload { Name = "broken.json", MimeType = "application/json", Buffer = "{ not json"u8.ToArray() });
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The file is not JSON");

            // A connection from a port its activity does not have: the server names it, the canvas marks that edge.
            var broken = file.DeepClone();
            broken["definitionId"] = "broken-study";
            broken["root"]!["connections"]![0]!["source"]!["port"] = "Nowhere";
            await import.SetInputFilesAsync(new FilePayload { Name = "broken-study.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(broken.ToJsonString()) });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Draft: broken-study"))).ToBeVisibleAsync();
            var marked = designer.Canvas.Locator(".react-flow__edge.has-problems");
            await Assertions.Expect(marked).ToHaveCountAsync(1);
            await Assertions.Expect(marked).ToContainTextAsync("Nowhere: Unknown port");
            await Assertions.Expect(designer.Problems.GetByRole(AriaRole.Button).Filter(new() { HasText = "Unknown port" })).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Link, Named("← All workflows")).ClickAsync();
            await Chromium.ScreenshotAsync(page, "designer-list-en.png");

            await import.SetInputFilesAsync(new FilePayload { Name = "imported-study.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(file.ToJsonString()) });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Draft: imported-study"))).ToBeVisibleAsync();
            await Assertions.Expect(designer.Node("studyMobilization")).ToContainTextAsync("Study-phase mobilization meeting");
            await designer.PublishAsync("Publish", "imported-study", 1);

            // Export downloads the published document exactly as the server holds it, in the file format of workflows/.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, Named("Export JSON")).ClickAsync());
            Assert.Equal("imported-study.json", download.SuggestedFilename);
            var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
            using var client = App.RealClient(key);
            var published = JsonNode.Parse(await client.GetStringAsync("api/v1/workflows/imported-study/versions/1"))!["definition"];
            Assert.True(JsonNode.DeepEquals(published, exported), exported?.ToJsonString());
            Assert.True(JsonNode.DeepEquals(file, exported), "the imported file comes back unchanged");

            await page.GetByRole(AriaRole.Button, Named("Edit as new draft")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Draft: imported-study"))).ToBeVisibleAsync();
            await designer.SelectNodeAsync("studyMobilization");
            await designer.FillPropertyAsync("Due in (days)", "5");
            await Assertions.Expect(page.GetByText("Unsaved changes")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, Named("Save draft")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved (draft version 2).");
            await Assertions.Expect(page.GetByText("All changes saved")).ToBeVisibleAsync();
            await designer.PublishAsync("Publish", "imported-study", 2);

            var versions = page.Locator("section.designer-versions");
            // By default the newest against the one before it.
            var from = versions.GetByLabel("From", new() { Exact = true });
            var to = versions.GetByLabel("To", new() { Exact = true });
            await Assertions.Expect(from).ToHaveValueAsync("1");
            await Assertions.Expect(to).ToHaveValueAsync("2");
            await versions.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
            var diff = page.GetByTestId("designer-diff");
            await Assertions.Expect(diff.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Changes from version 1 to version 2");
            var row = diff.GetByRole(AriaRole.Row).Filter(new() { HasText = "dueInDays" });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("changed");
            await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("3");
            await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("5");

            // Any two, in either direction: a version against itself cannot be compared.
            await from.SelectOptionAsync("2");
            await Assertions.Expect(versions.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true })).ToBeDisabledAsync();
            await to.SelectOptionAsync("1");
            await versions.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
            await Assertions.Expect(diff.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Changes from version 2 to version 1");
            await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("5");
            await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("3");
            await Chromium.ScreenshotAsync(page, "designer-compare-versions-en.png");
        });
    }

    [Fact]
    public async Task UnsavedEdit_LeavingThroughALinkOrBack_Asks_StayKeepsIt_LeaveDropsIt()
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "phases", "study-phase.json")))!;
        file["definitionId"] = "guarded-study";
        var key = await App.IssueKeyAsync("designer.guard", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(UnsavedEdit_LeavingThroughALinkOrBack_Asks_StayKeepsIt_LeaveDropsIt), "en-US", async page =>
        {
            await page.SetViewportSizeAsync(1600, 960);
            var dialogs = Chromium.AnswerLeaveDialogs(page);
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.SignInAsync(key, "API key", "Sign in");
            await designer.OpenFromNavigationAsync("Designer", "Workflow designer");
            await page.GetByTestId("designer-import").SetInputFilesAsync(new FilePayload
            {
                Name = "guarded-study.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(file.ToJsonString()),
            });
            var heading = page.GetByRole(AriaRole.Heading, Named("Draft: guarded-study"));
            await Assertions.Expect(heading).ToBeVisibleAsync();
            var draftUrl = page.Url;
            await designer.SelectNodeAsync("studyMobilization");
            var dueInDays = designer.Properties.GetByLabel("Due in (days)", new() { Exact = true });
            await Assertions.Expect(dueInDays).ToHaveValueAsync("3");
            await dueInDays.FillAsync("9");
            await Assertions.Expect(page.GetByText("Unsaved changes")).ToBeVisibleAsync();

            // Staying (the dialog dismissed), by the navigation, the back link and the browser's back: the edit is still there.
            const string question = "This workflow has unsaved changes. Leave without saving them?";
            // Each move waits for its question, as a person would: a second move made before the router has rendered
            // the first refusal replaces it, and only one question is asked for the two (react-router keeps one blocker
            // state). Pressing back before the link's question came made this test lose a question in 2 of 38 runs.
            await NavLink(page, "Templates").ClickAsync();
            await dialogs.WaitForAsync(page, 1);
            await Assertions.Expect(heading).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, Named("← All workflows")).ClickAsync();
            await dialogs.WaitForAsync(page, 2);
            await page.GoBackAsync();
            await dialogs.WaitForAsync(page, 3);
            await Assertions.Expect(heading).ToBeVisibleAsync();
            Assert.Equal([question, question, question], dialogs.Asked);
            var asked = dialogs.Asked.Count;
            Assert.Equal(draftUrl, page.Url);
            await Assertions.Expect(page.GetByText("Unsaved changes")).ToBeVisibleAsync();
            await Assertions.Expect(dueInDays).ToHaveValueAsync("9");

            // Leaving (the dialog accepted) goes, and the edit was not saved.
            dialogs.Leave = true;
            await NavLink(page, "Templates").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Published campaign templates"))).ToBeVisibleAsync();
            Assert.Equal(asked + 1, dialogs.Asked.Count);
            await designer.OpenFromNavigationAsync("Designer", "Workflow designer");
            await page.GetByRole(AriaRole.Link, Named("guarded-study")).ClickAsync();
            await designer.SelectNodeAsync("studyMobilization");
            await Assertions.Expect(dueInDays).ToHaveValueAsync("3");
            // With nothing unsaved, leaving asks nothing.
            await NavLink(page, "Templates").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Published campaign templates"))).ToBeVisibleAsync();
            Assert.Equal(asked + 1, dialogs.Asked.Count);
        });
    }

    [Fact]
    public async Task DesignerCode_ThatCannotBeFetched_ShowsAMessage_AndTheRestOfTheAppWorks()
    {
        var key = await App.IssueKeyAsync("designer.offline", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(DesignerCode_ThatCannotBeFetched_ShowsAMessage_AndTheRestOfTheAppWorks), "en-US", async page =>
        {
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.SignInAsync(key, "API key", "Sign in");
            // The designer's list page is loaded on demand: its script file fails as after a redeployment.
            await page.RouteAsync("**/assets/DesignerListPage-*.js", route => route.AbortAsync());
            await NavLink(page, "Designer").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert))
                .ToHaveTextAsync("This part of the page could not be loaded. Reload the page to try again.");
            await NavLink(page, "Templates").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Published campaign templates"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        });
    }
}
