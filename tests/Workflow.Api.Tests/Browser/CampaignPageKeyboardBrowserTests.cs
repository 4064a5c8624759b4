using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.CampaignSteps;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The app without a pointer: signing in, the worklist, a task's form and the campaign page's flowchart (task nodes are
/// buttons reached with Tab, opened with Enter or Space), all with the keyboard alone.
/// </summary>
public sealed class CampaignPageKeyboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task TaskNodes_AreReachedWithTab_AndOpenTheirDetailsWithEnterOrSpace()
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var campaign = await InAnalysisAsync(office);
        var participant = await App.IssueKeyAsync("party-committee.secretary", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync(nameof(TaskNodes_AreReachedWithTab_AndOpenTheirDetailsWithEnterOrSpace), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/campaigns/" + IdOf(campaign), participant);
            var heading = page.GetByRole(AriaRole.Heading, Named("Current phase: Analysis and inspection"));
            await Assertions.Expect(page.GetByTestId("node-heartToHeartTalks")).ToContainTextAsync("Open");

            // From the flowchart's heading, Tab walks the task nodes only (start, fork and join are skipped),
            // each a button named by its task and state.
            await heading.ClickAsync();
            var visited = new List<string>();
            const string meeting = "Phase-transition work meeting – Completed";
            for (var i = 0; i < 40 && !visited.Contains(meeting); i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focused = await page.EvaluateAsync<string[]>(
                    "() => [document.activeElement.getAttribute('role') ?? '', document.activeElement.getAttribute('aria-label') ?? '', document.activeElement.className]");
                if (!focused[2].Contains("react-flow__node")) continue;
                Assert.Equal("button", focused[0]);
                visited.Add(focused[1]);
            }
            Assert.Contains(meeting, visited);
            Assert.DoesNotContain(visited, name => name.StartsWith("Start", StringComparison.Ordinal));
            Assert.All(visited, name => Assert.Matches(" – (Open|Overdue|Completed|Cancelled|Not reached)$", name));

            await page.Keyboard.PressAsync("Enter");
            var details = page.GetByTestId("task-details");
            await Assertions.Expect(details.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Task details: Phase-transition work meeting");
            await Assertions.Expect(details).ToContainTextAsync("Completed by");

            var talks = page.GetByRole(AriaRole.Button, Named("Heart-to-heart talks – Open"));
            await talks.FocusAsync();
            await page.Keyboard.PressAsync(" ");
            await Assertions.Expect(details.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Task details: Heart-to-heart talks");
            await Assertions.Expect(details).ToContainTextAsync("Open");
            await Chromium.ScreenshotAsync(page, "campaign-page-keyboard-en.png");
        });
    }

    [Fact]
    public async Task WithTheKeyboardAlone_AParticipantSignsIn_CompletesATaskFromTheWorklist_AndSeesTheGateMet()
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var campaign = await InAnalysisAsync(office);
        var participant = await App.IssueKeyAsync("party-secretary", false, Roles.Participant);
        await fixture.Chromium.OnPageAsync(nameof(WithTheKeyboardAlone_AParticipantSignsIn_CompletesATaskFromTheWorklist_AndSeesTheGateMet), "en-US", async page =>
        {
            await page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync(App.BaseUrl + "/app/");
            await TabToAsync(page, page.GetByLabel("API key"));
            await page.Keyboard.TypeAsync(participant);
            await page.Keyboard.PressAsync("Enter");

            await TabToAsync(page, page.GetByTestId("app-navigation").GetByRole(AriaRole.Link, new() { Name = "My tasks", Exact = true }));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("My open tasks"))).ToBeVisibleAsync();
            var row = page.GetByTestId("worklist-row").Filter(new() { Has = page.Locator($"a[href*='{IdOf(campaign)}']") });
            await TabToAsync(page, row.GetByRole(AriaRole.Link).First);
            await page.Keyboard.PressAsync("Enter");

            // The campaign page opens at the task; the talks gate waits for it.
            var gate = page.GetByTestId("gate-talksHeld");
            await Assertions.Expect(gate).ToContainTextAsync("Pending");
            await TabToAsync(page, page.GetByTestId("campaign-focus").GetByRole(AriaRole.Button, new() { Name = "Complete “Heart-to-heart talks”", Exact = true }));
            await page.Keyboard.PressAsync("Enter");
            var form = page.GetByTestId("campaign-focus").GetByRole(AriaRole.Form, new() { Name = "Complete “Heart-to-heart talks”", Exact = true });
            await TabToAsync(page, form.GetByLabel("Talks held"));
            await page.Keyboard.TypeAsync("82");
            await TabToAsync(page, form.GetByLabel("Participants"));
            await page.Keyboard.TypeAsync("31");
            await TabToAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Complete task", Exact = true }));
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("“Heart-to-heart talks” was completed.");
            await Assertions.Expect(gate).ToContainTextAsync("Met");
            await Assertions.Expect(gate).ToContainTextAsync("82");
            await Chromium.ScreenshotAsync(page, "keyboard-gate-met-en.png");
        });

        var progress = await office.GetJsonAsync($"{campaign}/progress");
        var task = progress.Json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "heartToHeartTalks:1");
        Assert.Equal(("completed", 82, "party-secretary"),
            (task.GetProperty("status").GetString(), task.GetProperty("result").GetProperty("talksHeld").GetInt32(), task.GetProperty("completedBy").GetString()));
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user would, and fails when it never comes.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        await target.WaitForAsync();
        for (var presses = 0; presses < 150; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {target}");
    }
}
