using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// A participant's worklist in Chromium against the real app: its open tasks across campaigns with
/// the tasks' names, an overdue one highlighted, "only overdue", the link to the campaign, and a task
/// done elsewhere leaving the list without a reload.
/// </summary>
public sealed class WorklistBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions Inside(string name) => new() { Name = name, Exact = true };

    private static async Task<(string Location, Guid Id, string Name)> StartedCampaignAsync(HttpClient client, string name)
    {
        var location = await CampaignSteps.CreateAsync(client, name);
        await CampaignSteps.FireAsync(client, location, "start");
        return (location, CampaignSteps.IdOf(location), name);
    }

    [Fact]
    public async Task Participant_SeesOwnOpenTasks_OverdueHighlighted_LinkedToTheCampaign_AndFollowsChanges()
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var onTime = await StartedCampaignAsync(office, $"按期活动-{suffix}");
        var late = await StartedCampaignAsync(office, $"逾期活动-{suffix}");
        // The late campaign's mobilization meeting was due yesterday.
        var yesterday = DateTime.UtcNow.AddDays(-1);
        await App.DbAsync(db => db.WorkItems.Where(w => w.CampaignId == late.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, yesterday)));
        // The studyMobilization meeting is the party committee's task.
        var committeeKey = await App.IssueKeyAsync("party-committee", false, Roles.Participant);

        await fixture.Chromium.OnPageAsync(nameof(Participant_SeesOwnOpenTasks_OverdueHighlighted_LinkedToTheCampaign_AndFollowsChanges), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", committeeKey);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, Named("Audit"))).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, Named("My tasks")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("My open tasks"))).ToBeVisibleAsync();

            var onTimeRow = page.GetByTestId("worklist-row").Filter(new() { HasText = onTime.Name });
            var lateRow = page.GetByTestId("worklist-row").Filter(new() { HasText = late.Name });
            await Assertions.Expect(onTimeRow).ToHaveCountAsync(1);
            await Assertions.Expect(lateRow).ToHaveCountAsync(1);
            await Assertions.Expect(onTimeRow.GetByRole(AriaRole.Link, Inside("Study-phase mobilization meeting"))).ToBeVisibleAsync();
            await Assertions.Expect(onTimeRow).ToContainTextAsync("Study and research");
            await Assertions.Expect(onTimeRow).ToContainTextAsync("Open");
            await Assertions.Expect(lateRow).ToContainTextAsync("Overdue");
            await Assertions.Expect(lateRow).ToHaveClassAsync("worklist-overdue");
            await Assertions.Expect(onTimeRow).Not.ToHaveClassAsync("worklist-overdue");
            await Chromium.ScreenshotAsync(page, "worklist-en.png");

            await page.GetByLabel("Only overdue").CheckAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/worklist\\?overdue=true$"));
            await Assertions.Expect(lateRow).ToHaveCountAsync(1);
            await Assertions.Expect(onTimeRow).ToHaveCountAsync(0);
            await page.GetByLabel("Only overdue").UncheckAsync();
            await Assertions.Expect(onTimeRow).ToHaveCountAsync(1);

            // In Chinese: the page's words and the tasks' and phases' Chinese names from the server.
            await Chromium.SwitchLanguageAsync(page, "zh-CN");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("我的待办任务"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, Named("办理期限"))).ToBeVisibleAsync();
            await Assertions.Expect(onTimeRow.GetByRole(AriaRole.Link, Inside("学习调研阶段动员大会"))).ToBeVisibleAsync();
            await Assertions.Expect(lateRow).ToContainTextAsync("已逾期");
            await Assertions.Expect(lateRow).ToContainTextAsync("学习调研");
            await Chromium.ScreenshotAsync(page, "worklist-zh-CN.png");
            await Chromium.SwitchLanguageAsync(page, "en");

            // Done by someone else meanwhile: without a reload the meeting goes and the committee's next task comes.
            await CampaignSteps.CompleteAsync(office, late.Location, "studyMobilization:1", Meeting("2023-03-01"));
            await Assertions.Expect(lateRow.GetByRole(AriaRole.Link, Inside("Study-phase mobilization meeting"))).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await Assertions.Expect(lateRow.GetByRole(AriaRole.Link, Inside("Centralized study"))).ToBeVisibleAsync();
            await Assertions.Expect(lateRow).Not.ToHaveClassAsync("worklist-overdue");

            await onTimeRow.GetByRole(AriaRole.Link, Inside("Study-phase mobilization meeting")).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync($"{App.BaseUrl}/app/campaigns/{onTime.Id}?task=studyMobilization%3A1");
        });
    }

    [Fact]
    public async Task OneLeaderWithBothGroupsMeetings_TellsThemApartByTheGroup_DueInBeijingTime()
    {
        using var office = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var location = await CampaignSteps.AtOrgLifeMeetingsAsync(office);
        var campaign = CampaignSteps.IdOf(location);
        // The first group's leader is away: both groups' meetings are now leader.li's.
        var reassigned = await office.PostJsonAsync($"{location}/tasks/orgLifeMeeting:1:0/reassign", new { assignee = "leader.li" });
        Assert.Equal(HttpStatusCode.OK, reassigned.Status);
        var leaderKey = await App.IssueKeyAsync("leader.li", false, Roles.Participant);

        await fixture.Chromium.OnPageAsync(nameof(OneLeaderWithBothGroupsMeetings_TellsThemApartByTheGroup_DueInBeijingTime), "zh-CN", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/worklist", leaderKey, "API 密钥", "登录");
            var rows = page.GetByTestId("worklist-row").Filter(new() { HasText = "党员专题组织生活会" });
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.GetByRole(AriaRole.Link, Inside("党员专题组织生活会 · 机关第一党小组"))).ToBeVisibleAsync();
            await Assertions.Expect(rows.GetByRole(AriaRole.Link, Inside("党员专题组织生活会 · 机关第二党小组"))).ToBeVisibleAsync();
            // Seven days after activation, in the organization's zone, the zone said.
            await Assertions.Expect(rows.First).ToContainTextAsync("（UTC+8）");
        });

        var page = await office.GetJsonAsync($"/api/v1/tasks?assignee=leader.li&limit=200");
        var labels = page.Json.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("campaignId").GetGuid() == campaign)
            .Select(i => i.GetProperty("itemLabel").GetString()).Order().ToList();
        Assert.Equal(["机关第一党小组", "机关第二党小组"], labels);
    }
}
