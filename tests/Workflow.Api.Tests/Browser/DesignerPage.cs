using Microsoft.Playwright;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The workflow designer as a user drives it: sign in, create or open a workflow, add activities
/// from the palette, connect ports by dragging, select and edit, publish. Texts are passed in by
/// the caller, so the same steps serve the English and the Chinese page.
/// </summary>
public sealed class DesignerPage(IPage page, string baseUrl)
{
    public IPage Page => page;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions Within(string name) => new() { Name = name, Exact = true };

    public ILocator Canvas => page.GetByTestId("designer-canvas");

    public ILocator Node(string activityId) => page.GetByTestId($"designer-node-{activityId}");

    public ILocator NodeProblem(string activityId) => page.GetByTestId($"node-problem-{activityId}");

    public ILocator Properties => page.Locator("section.designer-properties");

    public ILocator Problems => page.Locator("section.designer-problems");

    /// <summary>Signs in with the key on the sign-in page (labels in the page's language).</summary>
    public Task SignInAsync(string key, string apiKeyLabel, string signInButton) =>
        Chromium.SignInAsync(page, baseUrl + "/app/", key, apiKeyLabel, signInButton);

    public async Task OpenFromNavigationAsync(string navLabel, string heading)
    {
        await page.GetByTestId("app-navigation").GetByRole(AriaRole.Link, Within(navLabel)).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named(heading))).ToBeVisibleAsync();
    }

    /// <summary>Fills the "New workflow" form (English labels) and waits for the draft's editor.</summary>
    public async Task CreateWorkflowAsync(string definitionId, string nameEn, string nameZh)
    {
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, Named("New workflow")) });
        await form.GetByLabel("Workflow ID").FillAsync(definitionId);
        await form.GetByLabel("Name (English)").FillAsync(nameEn);
        await form.GetByLabel("Name (Chinese)").FillAsync(nameZh);
        await form.GetByRole(AriaRole.Button, Within("Create draft")).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named($"Draft: {definitionId}"))).ToBeVisibleAsync();
        await Assertions.Expect(Node("start")).ToBeVisibleAsync();
    }

    /// <summary>Adds an activity with the palette's + button (the keyboard way); its id is the next free one.</summary>
    public async Task AddFromPaletteAsync(string addButtonLabel, string expectedId)
    {
        await page.GetByRole(AriaRole.Button, Named(addButtonLabel)).ClickAsync();
        await Assertions.Expect(Node(expectedId)).ToBeVisibleAsync();
    }

    /// <summary>Drags an activity type from the palette onto the canvas at a point of the canvas.</summary>
    public async Task DragFromPaletteAsync(string typeName, float x, float y, string expectedId)
    {
        await page.GetByTestId($"palette-{typeName}").DragToAsync(Canvas, new() { TargetPosition = new() { X = x, Y = y } });
        await Assertions.Expect(Node(expectedId)).ToBeVisibleAsync();
    }

    /// <summary>Drags from an outbound port's handle to the target's inbound handle, as a user connects two activities.</summary>
    public async Task ConnectAsync(string sourceId, string port, string targetId)
    {
        var source = page.GetByTestId($"handle-{sourceId}-{port}");
        var target = page.GetByTestId($"handle-{targetId}-In");
        var edges = await Canvas.Locator(".react-flow__edge").CountAsync();
        // A drag on a loaded machine can start before the view has settled and miss the handle; a
        // person would simply drag again, so the step does too, once.
        for (var attempt = 1; ; attempt++)
        {
            // Hovering waits until the handle stands still (no view animation running) before the press.
            await source.HoverAsync();
            await page.Mouse.DownAsync();
            var to = await target.BoundingBoxAsync() ?? throw new InvalidOperationException($"No handle {targetId}.In");
            await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 12 });
            await target.HoverAsync();
            await page.Mouse.UpAsync();
            var connected = Assertions.Expect(Canvas.Locator(".react-flow__edge")).ToHaveCountAsync(edges + 1,
                new() { Timeout = attempt == 1 ? 3_000 : 15_000 });
            if (attempt > 1)
            {
                await connected;
                return;
            }
            try
            {
                await connected;
                return;
            }
            catch (PlaywrightException)
            {
                // Not connected: drag again.
            }
        }
    }

    public async Task SelectNodeAsync(string activityId)
    {
        await Node(activityId).Locator(".designer-node-label").ClickAsync();
        await Assertions.Expect(Node(activityId)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-selected"));
    }

    /// <summary>Types into a field of the properties panel, found by its label.</summary>
    public Task FillPropertyAsync(string label, string text) => Properties.GetByLabel(label, new() { Exact = true }).FillAsync(text);

    /// <summary>Clicks an empty corner of the canvas: nothing is selected, so the workflow's own properties show.</summary>
    public Task SelectNothingAsync() => Canvas.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 8, Y = 8 } });

    /// <summary>A row of the workflow's inputs or variables, by the label the page gives it ("Input 2").</summary>
    public ILocator DeclarationRow(string label) => Properties.GetByRole(AriaRole.Group, new() { Name = label, Exact = true });

    /// <summary>Runs the auto-layout and waits until it is done (the button is disabled while ELK runs).</summary>
    public async Task LayoutAsync(string buttonLabel)
    {
        var button = page.GetByRole(AriaRole.Button, Named(buttonLabel));
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-busy", "false");
    }

    /// <summary>Publishes and waits for the published version's page; returns the version number it names.</summary>
    public async Task PublishAsync(string publishLabel, string definitionId, int expectedVersion)
    {
        await page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, Within(publishLabel)).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named($"{definitionId}, version {expectedVersion}"))).ToBeVisibleAsync();
    }
}
