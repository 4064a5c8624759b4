using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The header's notification bell in Chromium against the real app: a task assigned elsewhere shows
/// as one unread without a reload (the events stream), the panel lists it and is used with the
/// keyboard, marking it read brings the count to 0, in English and Chinese, and a notification's link
/// leads to its campaign and marks it read. The class has a database of its own, so the inbox starts empty.
/// </summary>
public sealed class NotificationBellBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions Inside(string name) => new() { Name = name, Exact = true };

    private static bool IsMarkRead(IResponse response) =>
        response.Request.Method == "POST" && response.Url.Contains("/api/v1/me/notifications/") && response.Url.EndsWith("/read", StringComparison.Ordinal);

    [Fact]
    public async Task AnAssignmentMadeElsewhere_RingsTheBell_ListsIt_AndReadingItBringsTheCountToZero()
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        // Starting a campaign gives its mobilization meeting to the party committee.
        var committeeKey = await App.IssueKeyAsync("party-committee", false, Roles.Participant);
        using var committee = App.RealClient(committeeKey);

        await fixture.Chromium.OnPageAsync(nameof(AnAssignmentMadeElsewhere_RingsTheBell_ListsIt_AndReadingItBringsTheCountToZero), "en-US", async page =>
        {
            var feedRequests = new System.Collections.Concurrent.ConcurrentQueue<string>();
            page.Request += (_, request) =>
            {
                if (request.Url.Contains("/api/v1/events")) feedRequests.Enqueue(request.Url);
            };
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", committeeKey);
            var bell = page.GetByRole(AriaRole.Button, Named("Notifications, 0 unread"));
            await Assertions.Expect(bell).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("notification-count")).ToHaveCountAsync(0);
            await page.EvaluateAsync("() => { window.__notReloaded = true; }");

            var first = await CampaignSteps.CreateAsync(office, "通知测试活动一");
            await CampaignSteps.FireAsync(office, first, "start");
            bell = page.GetByTestId("notification-bell");
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread", new() { Timeout = 10_000 });
            await Assertions.Expect(page.GetByTestId("notification-count")).ToHaveTextAsync("1");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));

            // With the keyboard: Enter opens the panel, Escape closes it and leaves the focus on the bell.
            await bell.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var panel = page.GetByRole(AriaRole.Region, Named("Notifications"));
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-expanded", "true");
            var item = panel.GetByTestId("notification-item");
            await Assertions.Expect(item).ToHaveCountAsync(1);
            await Assertions.Expect(item).ToContainTextAsync("Assignment");
            await Assertions.Expect(item).ToContainTextAsync("Unread");
            await Assertions.Expect(item.GetByRole(AriaRole.Link, Inside("Task studyMobilization:1 is assigned to you")))
                .ToHaveAttributeAsync("href", $"/app/campaigns/{CampaignSteps.IdOf(first)}");
            await Chromium.ScreenshotAsync(page, "notifications-en.png");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.GetByTestId("notification-panel")).ToHaveCountAsync(0);
            await Assertions.Expect(bell).ToBeFocusedAsync();

            // Marked read from the panel (Tab reaches its button): the count is 0, here and on the server.
            await page.Keyboard.PressAsync("Enter");
            var markRead = panel.GetByRole(AriaRole.Button, Inside("Mark “Task studyMobilization:1 is assigned to you” as read"));
            await markRead.FocusAsync();
            var marked = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), IsMarkRead);
            Assert.Equal(204, marked.Status);
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 0 unread");
            await Assertions.Expect(page.GetByTestId("notification-count")).ToHaveCountAsync(0);
            await Assertions.Expect(item).Not.ToContainTextAsync("Unread");
            await Assertions.Expect(markRead).ToHaveCountAsync(0);
            Assert.Equal(0, (await committee.GetJsonAsync("/api/v1/me/notifications/unread-count")).Json.GetProperty("count").GetInt32());

            // A click elsewhere closes the panel. In Chinese: the bell's words and the server's titles.
            await page.GetByRole(AriaRole.Heading, Named("Campaign workflow")).ClickAsync();
            await Assertions.Expect(page.GetByTestId("notification-panel")).ToHaveCountAsync(0);
            await Chromium.SwitchLanguageAsync(page, "zh-CN");
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "通知，0 条未读");
            var second = await CampaignSteps.CreateAsync(office, "通知测试活动二");
            await CampaignSteps.FireAsync(office, second, "start");
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "通知，1 条未读", new() { Timeout = 10_000 });
            await bell.ClickAsync();
            var zhPanel = page.GetByRole(AriaRole.Region, Named("通知"));
            await Assertions.Expect(zhPanel.GetByTestId("notification-item")).ToHaveCountAsync(2);
            await Assertions.Expect(zhPanel.GetByTestId("notification-item").First).ToContainTextAsync("未读");
            await Chromium.ScreenshotAsync(page, "notifications-zh-CN.png");

            // The newest one's link leads to its campaign and marks it read.
            var link = zhPanel.GetByTestId("notification-item").First.GetByRole(AriaRole.Link, Inside("您有新任务：studyMobilization:1"));
            marked = await page.RunAndWaitForResponseAsync(() => link.ClickAsync(), IsMarkRead);
            Assert.Equal(204, marked.Status);
            await Assertions.Expect(page).ToHaveURLAsync($"{App.BaseUrl}/app/campaigns/{CampaignSteps.IdOf(second)}");
            await Assertions.Expect(page.GetByTestId("notification-panel")).ToHaveCountAsync(0);
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "通知，0 条未读");
            Assert.Equal(0, (await committee.GetJsonAsync("/api/v1/me/notifications/unread-count")).Json.GetProperty("count").GetInt32());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));

            // The bell and the page share one stream, opened at the head; the paged feed is never polled.
            Assert.Contains(feedRequests, url => url.Contains("/api/v1/events/stream?after="));
            Assert.DoesNotContain(feedRequests, url => new Uri(url).AbsolutePath == "/api/v1/events");
        });
    }
}
