using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.Api.Identity;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The workflow's own inputs and variables in the designer, in real headless Chromium against the
/// real app: an expression that reads an undeclared input is refused until the input is declared,
/// a duplicate name is shown next to its row, and what is published holds the declarations.
/// </summary>
public sealed class DesignerInputsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    [Fact]
    public async Task Admin_DeclaresAnInputAndAVariable_UsesThemInACondition_AndPublishes()
    {
        var key = await App.IssueKeyAsync("designer.inputs", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(Admin_DeclaresAnInputAndAVariable_UsesThemInACondition_AndPublishes), "en-US", async page =>
        {
            await page.SetViewportSizeAsync(1600, 1100);
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.SignInAsync(key, "API key", "Sign in");
            await designer.OpenFromNavigationAsync("Designer", "Workflow designer");
            await designer.CreateWorkflowAsync("threshold-flow", "Threshold check", "标准核验");

            await designer.AddFromPaletteAsync("Add Decision", "flowDecision1");
            await designer.ConnectAsync("start", "Done", "flowDecision1");
            await designer.ConnectAsync("flowDecision1", "True", "end");
            await designer.ConnectAsync("flowDecision1", "False", "end");
            await designer.SelectNodeAsync("flowDecision1");
            await designer.FillPropertyAsync("Condition (required)", "inputs.threshold > 3 && variables.rounds < 2");

            // Neither name is declared yet: the server refuses the expression.
            await Assertions.Expect(designer.Problems).ToContainTextAsync("the workflow has no input 'threshold'");

            await designer.SelectNothingAsync();
            await Assertions.Expect(designer.Properties.GetByRole(AriaRole.Heading, new() { Name = "Inputs of the workflow", Exact = true })).ToBeVisibleAsync();
            await designer.Properties.GetByRole(AriaRole.Button, new() { Name = "Add input", Exact = true }).ClickAsync();
            var input = designer.DeclarationRow("Input 1");
            await input.GetByLabel("Name", new() { Exact = true }).FillAsync("threshold");
            await input.GetByLabel("Data type", new() { Exact = true }).SelectOptionAsync("number");
            await input.GetByLabel("Required", new() { Exact = true }).CheckAsync();
            await input.GetByLabel("Display name (Chinese)", new() { Exact = true }).FillAsync("标准");

            await designer.Properties.GetByRole(AriaRole.Button, new() { Name = "Add variable", Exact = true }).ClickAsync();
            var variable = designer.DeclarationRow("Variable 1");
            await variable.GetByLabel("Name", new() { Exact = true }).FillAsync("rounds");
            await variable.GetByLabel("Data type", new() { Exact = true }).SelectOptionAsync("Int32");
            // Text that is not JSON is named on the spot and not applied; valid JSON is.
            await variable.GetByLabel("Initial value (JSON)", new() { Exact = true }).FillAsync("{0");
            await Assertions.Expect(variable.GetByText("Not valid JSON, so not applied", new() { Exact = false })).ToBeVisibleAsync();
            await variable.GetByLabel("Initial value (JSON)", new() { Exact = true }).FillAsync("0");
            await Assertions.Expect(variable.GetByText("Not valid JSON, so not applied", new() { Exact = false })).ToHaveCountAsync(0);

            await Assertions.Expect(designer.Problems.GetByText("No problems: the workflow can be published.")).ToBeVisibleAsync();

            // A second input of the same name: the server's problem is shown next to the second row only.
            await designer.Properties.GetByRole(AriaRole.Button, new() { Name = "Add input", Exact = true }).ClickAsync();
            var second = designer.DeclarationRow("Input 2");
            await second.GetByLabel("Name", new() { Exact = true }).FillAsync("threshold");
            await Assertions.Expect(page.GetByTestId("declaration-problems-inputs-1")).ToContainTextAsync("The name 'threshold' is declared twice.");
            await Assertions.Expect(page.GetByTestId("declaration-problems-inputs-0")).ToHaveCountAsync(0);
            await Assertions.Expect(designer.Problems.GetByRole(AriaRole.Button).Filter(new() { HasText = "Input 2" })).ToBeVisibleAsync();
            await page.GetByTestId("declaration-problems-inputs-1").ScrollIntoViewIfNeededAsync();
            await Chromium.ScreenshotAsync(page, "designer-inputs-en.png");

            // The designer's Undo takes the name back, then removing the row leaves the workflow valid again.
            await page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = "↶ Undo", Exact = true }).ClickAsync();
            await Assertions.Expect(second.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("input1");
            await second.GetByRole(AriaRole.Button, new() { Name = "Remove input input1", Exact = true }).ClickAsync();
            await Assertions.Expect(designer.DeclarationRow("Input 2")).ToHaveCountAsync(0);
            await Assertions.Expect(designer.Problems.GetByText("No problems: the workflow can be published.")).ToBeVisibleAsync();

            await designer.PublishAsync("Publish", "threshold-flow", 1);
        });

        using var client = App.RealClient(key);
        using var response = await client.GetAsync("api/v1/workflows/threshold-flow/versions/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var definition = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("definition");
        var input = Assert.Single(definition.GetProperty("inputs").EnumerateArray());
        Assert.Equal("threshold", input.GetProperty("name").GetString());
        Assert.Equal("number", input.GetProperty("type").GetString());
        Assert.True(input.GetProperty("required").GetBoolean());
        Assert.Equal("标准", input.GetProperty("displayNames").GetProperty("zh-CN").GetString());
        var variable = Assert.Single(definition.GetProperty("variables").EnumerateArray());
        Assert.Equal("rounds", variable.GetProperty("name").GetString());
        Assert.Equal("Int32", variable.GetProperty("typeName").GetString());
        Assert.Equal("0", variable.GetProperty("value").GetString());
    }

    [Fact]
    public async Task ChineseDesigner_ShowsASeedWorkflowsInputs_ReadOnlyWhenPublished_EditableInTheCopy()
    {
        var key = await App.IssueKeyAsync("designer.inputs.zh", false, Roles.Admin);
        await fixture.Chromium.OnPageAsync(nameof(ChineseDesigner_ShowsASeedWorkflowsInputs_ReadOnlyWhenPublished_EditableInTheCopy), "zh-CN", async page =>
        {
            await page.SetViewportSizeAsync(1600, 1100);
            var designer = new DesignerPage(page, App.BaseUrl);
            await designer.SignInAsync(key, "API 密钥", "登录");
            await designer.OpenFromNavigationAsync("流程设计", "流程设计器");
            await page.GetByRole(AriaRole.Link, new() { Name = "study-phase", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "study-phase（第 1 版）", Exact = true })).ToBeVisibleAsync();

            // The seed file's input, with its names and description, in Chinese labels; read-only in a published version.
            await Assertions.Expect(designer.Properties.GetByRole(AriaRole.Heading, new() { Name = "流程输入参数", Exact = true })).ToBeVisibleAsync();
            var input = designer.DeclarationRow("输入参数 1");
            await Assertions.Expect(input.GetByLabel("名称", new() { Exact = true })).ToHaveValueAsync("minimumResearchFindings");
            await Assertions.Expect(input.GetByLabel("数据类型", new() { Exact = true })).ToHaveValueAsync("integer");
            await Assertions.Expect(input.GetByLabel("必填", new() { Exact = true })).ToBeCheckedAsync();
            await Assertions.Expect(input.GetByLabel("显示名称（中文）", new() { Exact = true })).ToHaveValueAsync("调研查找问题最少条数");
            await Assertions.Expect(input.GetByLabel("名称", new() { Exact = true })).ToBeDisabledAsync();
            await Assertions.Expect(designer.Properties.GetByText("无。", new() { Exact = true })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "复制为新草稿", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "草稿：study-phase", Exact = true })).ToBeVisibleAsync();
            input = designer.DeclarationRow("输入参数 1");
            await input.GetByLabel("数据类型", new() { Exact = true }).SelectOptionAsync("number");
            await Assertions.Expect(input.GetByLabel("数据类型", new() { Exact = true })).ToHaveValueAsync("number");
            await page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = "↶ 撤销", Exact = true }).ClickAsync();
            await Assertions.Expect(input.GetByLabel("数据类型", new() { Exact = true })).ToHaveValueAsync("integer");
            await designer.Properties.GetByRole(AriaRole.Button, new() { Name = "添加变量", Exact = true }).ClickAsync();
            await Assertions.Expect(designer.DeclarationRow("变量 1").GetByLabel("初始值（JSON）", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(designer.Problems.GetByText("未发现问题，可以发布。")).ToBeVisibleAsync();
        });
    }
}
