using System.Net;
using System.Text.RegularExpressions;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// Every paged list answers with <c>Link: &lt;…&gt;; rel="next"</c> while there is more, and following
/// the links alone walks the whole list, each item once, whatever the list calls its position.
/// </summary>
public sealed partial class PageLinkTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [GeneratedRegex("^<(?<url>[^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();

    /// <summary>Follows rel="next" from the first page; the ids of every item, in order, and the number of pages.</summary>
    private static async Task<(List<string> Ids, int Pages)> WalkAsync(HttpClient client, string first, string idMember, Func<int, bool> stop)
    {
        var ids = new List<string>();
        var url = first;
        var pages = 0;
        while (true)
        {
            var page = await client.GetJsonAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url}: {page.Text}");
            pages++;
            var items = page.Json.GetProperty("items").EnumerateArray().ToList();
            ids.AddRange(items.Select(i => i.GetProperty(idMember).ToString()));
            var link = page.Header("Link");
            // A feed always links on (its next page may be empty for now): stop at the first empty page.
            if (link is null || (items.Count == 0 && stop(pages))) break;
            var match = NextLink().Match(link);
            Assert.True(match.Success, $"{url}: Link {link}");
            url = match.Groups["url"].Value;
            Assert.True(pages < 100, "the links did not end");
        }
        return (ids, pages);
    }

    [Fact]
    public async Task EveryPagedList_LinksToItsNextPage_AndTheLinksWalkItWhole()
    {
        var admin = await api.AdminAsync();
        var operatorClient = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaigns = new List<string>();
        for (var i = 0; i < 3; i++) campaigns.Add(await CampaignSteps.CreateAsync(operatorClient, $"paged-{i}-{Guid.NewGuid():N}"));
        await CampaignSteps.FireAsync(operatorClient, campaigns[0], "start");

        var all = (await admin.GetJsonAsync("/api/v1/campaigns?limit=200")).Json.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").ToString()).ToList();
        var (listed, pages) = await WalkAsync(admin, "/api/v1/campaigns?limit=1", "id", _ => true);
        Assert.Equal(all, listed);
        Assert.Equal(all.Count, pages);
        Assert.Null((await admin.GetJsonAsync("/api/v1/campaigns?limit=200")).Header("Link")); // one page: no next

        var history = await WalkAsync(admin, $"{campaigns[0]}/history?limit=2", "sequence", _ => true);
        Assert.Equal(Enumerable.Range(1, history.Ids.Count).Select(n => n.ToString()), history.Ids);
        Assert.True(history.Pages >= 2);

        var auditor = await api.ClientAsync("page-auditor", Roles.Auditor);
        var audit = await WalkAsync(auditor, $"/api/v1/audit/entries?campaignId={CampaignSteps.IdOf(campaigns[0])}&limit=2", "id", _ => true);
        Assert.Equal(history.Ids.Count, audit.Ids.Count);
        Assert.Equal(audit.Ids.Distinct(), audit.Ids);

        var feed = await WalkAsync(auditor, $"/api/v1/events?campaign={CampaignSteps.IdOf(campaigns[0])}&limit=2", "sequence", _ => true);
        Assert.Equal(history.Ids, feed.Ids);
    }
}
