using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The start form of a published template in real Chromium: the seed template's list inputs (party
/// groups as records of named fields, leadership team members as texts) are entered entry by entry,
/// nobody types JSON, and the campaign is created with exactly those parameters.
/// </summary>
public sealed class StartCampaignBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static LocatorGetByRoleOptions In(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task Operator_EntersPartyGroupsAndTeamMembersAsFields_AndTheCampaignGetsThem()
    {
        var organization = $"browser-start-{Guid.NewGuid():N}"[..24];
        var key = await App.IssueKeyAsync("campaign-office.start", false, Roles.Operator);
        await fixture.Chromium.OnPageAsync(nameof(Operator_EntersPartyGroupsAndTeamMembersAsFields_AndTheCampaignGetsThem), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/templates/scientific-outlook-campaign/versions/1", key);
            var form = page.GetByRole(AriaRole.Form, new() { Name = "Start a campaign from this version", Exact = true });
            await form.GetByLabel("Campaign name").FillAsync("字段录入的活动");
            await form.GetByLabel("Organization").FillAsync(organization);

            // Nothing entered: the required lists are asked for before anything is sent.
            await form.GetByRole(AriaRole.Button, In("Start campaign")).ClickAsync();
            await Assertions.Expect(form.GetByText("This value is required.")).ToHaveCountAsync(2);

            // A party group is a record: its kind chosen, then each field named and filled.
            await form.GetByRole(AriaRole.Button, In("Add · Party groups")).ClickAsync();
            var group = form.GetByRole(AriaRole.Group, new() { Name = "Party groups No. 1", Exact = true });
            await group.GetByLabel("Kind of entry").SelectOptionAsync(new SelectOptionValue { Label = "Record with fields" });
            foreach (var (field, value) in new[] { ("id", "group-1"), ("name", "机关第一党小组"), ("leader", "leader.zhang") })
            {
                await group.GetByRole(AriaRole.Button, In("Add field")).ClickAsync();
                await group.GetByLabel("Field name").Last.FillAsync(field);
                await group.GetByLabel("Field name").Last.BlurAsync();
                await group.GetByLabel(field, new() { Exact = true }).FillAsync(value);
            }

            // Team members are texts.
            foreach (var (member, n) in new[] { ("secretary.chen", 1), ("deputy.liu", 2) })
            {
                await form.GetByRole(AriaRole.Button, In("Add · Leadership team members")).ClickAsync();
                var entry = form.GetByRole(AriaRole.Group, new() { Name = $"Leadership team members No. {n}", Exact = true });
                await entry.GetByRole(AriaRole.Textbox).FillAsync(member);
            }
            await Chromium.ScreenshotAsync(page, "start-campaign-en.png");
            await form.GetByRole(AriaRole.Button, In("Start campaign")).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/campaigns/[0-9a-f-]{36}$"));
        });

        using var office = App.RealClient(key);
        var listed = await office.GetJsonAsync($"/api/v1/campaigns?organization={organization}");
        var id = listed.Json.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString();
        // The inputs the campaign was created with (defaults filled in), as its ledger records them.
        var history = await office.GetJsonAsync($"/api/v1/campaigns/{id}/history");
        var created = history.Json.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "campaign.created");
        Assert.True(created.GetProperty("payload").TryGetProperty("inputs", out var parameters), created.GetRawText());
        Assert.Equal("""[{"id":"group-1","name":"机关第一党小组","leader":"leader.zhang"}]""",
            JsonSerializer.Serialize(parameters.GetProperty("partyGroups"), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(["secretary.chen", "deputy.liu"], parameters.GetProperty("teamMembers").EnumerateArray().Select(m => m.GetString()));
    }
}
