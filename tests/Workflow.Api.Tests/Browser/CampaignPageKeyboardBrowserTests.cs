using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.CampaignSteps;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Browser;

/// <summary>The campaign page's flowchart without a pointer: task nodes are buttons reached with Tab, opened with Enter or Space.</summary>
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
}
