using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using StandardWebhooks;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Webhooks;

/// <summary>
/// Ledger entries reach webhook subscribers through the outbox: signed, in each campaign's order,
/// retried with back-off on the app's clock, dead-lettered after the last attempt, redelivered on
/// request; subscriptions are checked before anything is written.
/// </summary>
public abstract class WebhookTests(WebhookFactory api)
{
    private async Task<(string Location, Guid Campaign)> NewCampaignAsync()
    {
        var operatorClient = await api.ClientAsync("campaign-office", Roles.Operator);
        var location = await CampaignSteps.CreateAsync(operatorClient, $"webhook-{Guid.NewGuid():N}");
        return (location, CampaignSteps.IdOf(location));
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(string url, Guid campaign, params string[] kinds)
    {
        var admin = await api.AdminAsync();
        var created = await admin.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url, kinds, campaignId = campaign });
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        var secret = created.Json.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(24, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        return (created.Json.GetProperty("id").GetGuid(), secret);
    }

    private static JsonElement Verified(WebhookReceiver.Received request, string secret)
    {
        var headers = new HeaderDictionary();
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }) headers[name] = new StringValues(request.Headers[name]);
        new StandardWebhook(secret).Verify(request.Body, headers); // throws when the signature does not match
        return JsonDocument.Parse(request.Body).RootElement.Clone();
    }

    private async Task<JsonElement> DeliveriesAsync(Guid subscription)
    {
        var admin = await api.AdminAsync();
        var page = await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Json.GetProperty("items");
    }

    [Fact]
    public async Task Entries_ArriveSigned_InTheirCampaignsOrder_AsTheEventsFeedShowsThem()
    {
        await using var receiver = new WebhookReceiver();
        var (location, campaign) = await NewCampaignAsync();
        var (_, secret) = await SubscribeAsync(receiver.Url, campaign, "campaign.created", "phase.transitioned", "workflow.started", "task.activated", "task.completed");
        var operatorClient = await api.ClientAsync("campaign-office", Roles.Operator);
        await CampaignSteps.FireAsync(operatorClient, location, "start");
        await CampaignSteps.CompleteAsync(operatorClient, location, "studyMobilization:1", SeedData.Meeting("2023-03-01"));

        await api.Dispatcher.DispatchOnceAsync();

        var bodies = receiver.Requests.Select(r => Verified(r, secret)).ToList();
        Assert.True(bodies.Count >= 5, $"{bodies.Count} deliveries");
        var sequences = bodies.Select(b => b.GetProperty("data").GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal("campaign.created", bodies[0].GetProperty("type").GetString());
        Assert.Contains(bodies, b => b.GetProperty("type").GetString() == "task.completed");
        Assert.All(bodies, b =>
        {
            Assert.Equal(b.GetProperty("type").GetString(), b.GetProperty("data").GetProperty("kind").GetString());
            Assert.Equal(campaign, b.GetProperty("data").GetProperty("campaignId").GetGuid());
        });
        // The data is the entry exactly as the events feed shows it.
        var admin = await api.AdminAsync();
        var history = await admin.GetJsonAsync($"/api/v1/campaigns/{campaign}/history?limit=200");
        var first = history.Json.GetProperty("items")[0];
        Assert.Equal(first.GetProperty("hash").GetString(), bodies[0].GetProperty("data").GetProperty("hash").GetString());
        Assert.Equal(first.GetProperty("id").GetInt64(), bodies[0].GetProperty("data").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task FailingTwice_RetriesAfterTheBackOff_WithTheSameWebhookId_AndHoldsBackTheCampaignsNextEntry()
    {
        await using var receiver = new WebhookReceiver { Answer = n => (n < 2 ? 500 : 200, null) };
        var (location, campaign) = await NewCampaignAsync();
        var (subscription, secret) = await SubscribeAsync(receiver.Url, campaign, "campaign.created", "phase.transitioned");
        await CampaignSteps.FireAsync(await api.ClientAsync("campaign-office", Roles.Operator), location, "start");

        await api.Dispatcher.DispatchOnceAsync();
        Assert.Single(receiver.Requests); // the created entry failed; the transition waits behind it
        await api.Dispatcher.DispatchOnceAsync();
        Assert.Single(receiver.Requests); // not due before its back-off

        api.Clock.Advance(TimeSpan.FromSeconds(2)); // attempt 1's back-off is at most the 2 s base
        await api.Dispatcher.DispatchOnceAsync();
        Assert.Equal(2, receiver.Requests.Count);

        api.Clock.Advance(TimeSpan.FromSeconds(4));
        await api.Dispatcher.DispatchOnceAsync();
        var requests = receiver.Requests;
        Assert.Equal(4, requests.Count); // the third attempt succeeded, and the transition followed it
        var bodies = requests.Select(r => Verified(r, secret)).ToList();
        Assert.Single(requests.Take(3).Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.All(bodies.Take(3), b => Assert.Equal("campaign.created", b.GetProperty("type").GetString()));
        Assert.Equal("phase.transitioned", bodies[3].GetProperty("type").GetString());
        Assert.NotEqual(requests[0].Headers["webhook-id"], requests[3].Headers["webhook-id"]);

        var deliveries = await DeliveriesAsync(subscription);
        var created = deliveries.EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "campaign.created");
        Assert.Equal(("succeeded", 3), (created.GetProperty("status").GetString(), created.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task AfterTheLastAttempt_ADeadLetter_ThatAnAdminRedelivers()
    {
        var failing = true;
        await using var receiver = new WebhookReceiver { Answer = _ => (failing ? 503 : 200, null) };
        var (_, campaign) = await NewCampaignAsync();
        var (subscription, secret) = await SubscribeAsync(receiver.Url, campaign, "campaign.created");

        for (var attempt = 1; attempt <= WebhookFactory.MaxAttempts; attempt++)
        {
            await api.Dispatcher.DispatchOnceAsync();
            api.Clock.Advance(TimeSpan.FromSeconds(2 << attempt));
        }
        await api.Dispatcher.DispatchOnceAsync();
        Assert.Equal(WebhookFactory.MaxAttempts, receiver.Requests.Count);

        var admin = await api.AdminAsync();
        var dead = await admin.GetJsonAsync("/api/v1/webhooks/dead-letters?limit=200");
        Assert.Equal(HttpStatusCode.OK, dead.Status);
        var letter = Assert.Single(dead.Json.GetProperty("items").EnumerateArray(), d => d.GetProperty("subscriptionId").GetGuid() == subscription);
        Assert.Equal(("dead", 503), (letter.GetProperty("status").GetString(), letter.GetProperty("lastStatusCode").GetInt32()));

        failing = false;
        var redeliver = await admin.PostJsonAsync($"/api/v1/webhooks/deliveries/{letter.GetProperty("id").GetInt64()}/redeliver", new { });
        Assert.Equal(HttpStatusCode.Accepted, redeliver.Status);
        await api.Dispatcher.DispatchOnceAsync();
        var requests = receiver.Requests;
        Assert.Equal(WebhookFactory.MaxAttempts + 1, requests.Count);
        Verified(requests[^1], secret);
        Assert.Equal(requests[0].Headers["webhook-id"], requests[^1].Headers["webhook-id"]);
        Assert.Equal("succeeded", (await DeliveriesAsync(subscription))[0].GetProperty("status").GetString());

        var missing = await admin.PostJsonAsync("/api/v1/webhooks/deliveries/987654321/redeliver", new { });
        Assert.Equal((HttpStatusCode.NotFound, "webhook.delivery_not_found"), (missing.Status, missing.ProblemCode));
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed_AndCountsAsAFailure()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Answer = _ => (302, receiver.Url + "/elsewhere");
        var (_, campaign) = await NewCampaignAsync();
        var (subscription, _) = await SubscribeAsync(receiver.Url, campaign, "campaign.created");

        await api.Dispatcher.DispatchOnceAsync();

        Assert.Equal("/hook", Assert.Single(receiver.Requests).Path);
        var delivery = (await DeliveriesAsync(subscription))[0];
        Assert.Equal(("pending", 1, 302), (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("lastStatusCode").GetInt32()));
    }

    [Fact]
    public async Task AHostTakenOffTheAllowList_IsNotSentTo_AndTheDeliveryIsDead()
    {
        await using var receiver = new WebhookReceiver();
        var (_, campaign) = await NewCampaignAsync();
        var (subscription, _) = await SubscribeAsync(receiver.Url, campaign, "campaign.created");
        // The same database served by a node whose configuration no longer allows 127.0.0.1.
        await using var stricter = api.WithWebHostBuilder(b => b.UseSetting("Webhooks:AllowedHosts:0", "hooks.example.org"));

        await stricter.Services.GetRequiredService<Workflow.Api.Webhooks.WebhookDispatcher>().DispatchOnceAsync();

        Assert.Empty(receiver.Requests);
        var delivery = (await DeliveriesAsync(subscription))[0];
        Assert.Equal("dead", delivery.GetProperty("status").GetString());
        Assert.Contains("AllowedHosts", delivery.GetProperty("lastError").GetString());
    }

    private Task<int> SubscriptionCountAsync() => api.DbAsync(db => db.WebhookSubscriptions.CountAsync());

    [Theory]
    [InlineData("http://localhost:9/hook", new[] { "campaign.created" }, 422, "webhook.host_not_allowed")]
    [InlineData("http://example.com/hook", new[] { "campaign.created" }, 422, "webhook.host_not_allowed")]
    [InlineData("ftp://127.0.0.1/hook", new[] { "campaign.created" }, 422, "webhook.url_invalid")]
    [InlineData("/relative", new[] { "campaign.created" }, 422, "webhook.url_invalid")]
    [InlineData("http://user:pw@127.0.0.1/hook", new[] { "campaign.created" }, 422, "webhook.url_invalid")]
    [InlineData("http://127.0.0.1:9/hook", new[] { "campaign.exploded" }, 422, "webhook.kind_unknown")]
    [InlineData("http://127.0.0.1:9/hook", new string[0], 400, "request.field_required")]
    [InlineData("", new[] { "campaign.created" }, 400, "request.field_required")]
    public async Task BadSubscriptions_AreRefusedWithAStableCode_AndNothingIsWritten(string url, string[] kinds, int status, string code)
    {
        var admin = await api.AdminAsync();
        var before = await SubscriptionCountAsync();
        var refused = await admin.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url, kinds }, ("Accept-Language", "zh-CN"));
        Assert.Equal((status, code), ((int)refused.Status, refused.ProblemCode));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.Json.GetProperty("detail").GetString()!);
        Assert.Equal(before, await SubscriptionCountAsync());
    }

    [Fact]
    public async Task Subscriptions_AreForAdmins_ListedWithoutSecrets_AndDeleted()
    {
        var operatorClient = await api.ClientAsync("campaign-office", Roles.Operator);
        var forbidden = await operatorClient.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = "http://127.0.0.1:9/hook", kinds = new[] { "campaign.created" } });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);

        var (_, campaign) = await NewCampaignAsync();
        var (id, _) = await SubscribeAsync("http://127.0.0.1:9/hook", campaign, "task.activated");
        var admin = await api.AdminAsync();
        var one = await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.False(one.Json.TryGetProperty("secret", out _));
        Assert.Equal(campaign, one.Json.GetProperty("campaignId").GetGuid());
        var list = await admin.GetJsonAsync("/api/v1/webhooks/subscriptions?limit=200");
        Assert.Contains(list.Json.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/subscriptions/{id}", null)).Status);
        var gone = await admin.GetJsonAsync($"/api/v1/webhooks/subscriptions/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "webhook.subscription_not_found"), (gone.Status, gone.ProblemCode));
    }

    [Fact]
    public async Task EveryEntry_GetsAnOutboxRow_InItsTransaction_AndARefusedCommandWritesNone()
    {
        var (location, campaign) = await NewCampaignAsync();
        var operatorClient = await api.ClientAsync("campaign-office", Roles.Operator);
        await CampaignSteps.FireAsync(operatorClient, location, "start");
        var entries = await api.DbAsync(db => db.History.Where(h => h.CampaignId == campaign).OrderBy(h => h.Sequence).Select(h => h.Sequence).ToListAsync());
        var queued = await api.DbAsync(db => db.Outbox.Where(o => o.CampaignId == campaign).OrderBy(o => o.Sequence).Select(o => o.Sequence).ToListAsync());
        Assert.Equal(entries, queued);

        var before = await api.DbAsync(db => db.Outbox.CountAsync());
        var refused = await operatorClient.PostJsonAsync($"{location}/tasks/noSuchTask:1/complete", new { result = new { } });
        Assert.True((int)refused.Status is >= 400 and < 500, refused.Text);
        var bad = await operatorClient.PostJsonAsync($"{location}/transitions", new { trigger = "advance", reason = "too early" });
        Assert.True((int)bad.Status is >= 400 and < 500, bad.Text);
        Assert.Equal(before, await api.DbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task TheAssignee_GetsAnAssignmentNotification_CountsItUnread_AndMarksItRead()
    {
        var (location, campaign) = await NewCampaignAsync();
        var assignee = await api.ClientAsync("party-committee", Roles.Participant);
        var countBefore = (await assignee.GetJsonAsync("/api/v1/me/notifications/unread-count")).Json.GetProperty("count").GetInt32();
        await CampaignSteps.FireAsync(await api.ClientAsync("campaign-office", Roles.Operator), location, "start");

        var en = await assignee.GetJsonAsync("/api/v1/me/notifications?unread=true&limit=200", ("Accept-Language", "en"));
        Assert.Equal(HttpStatusCode.OK, en.Status);
        var item = Assert.Single(en.Json.GetProperty("items").EnumerateArray(), n => n.GetProperty("campaignId").GetGuid() == campaign);
        Assert.Equal(("assignment", "studyMobilization:1", false), (item.GetProperty("kind").GetString(), item.GetProperty("taskId").GetString(), item.GetProperty("read").GetBoolean()));
        Assert.Contains("studyMobilization:1", item.GetProperty("title").GetString());
        var zh = await assignee.GetJsonAsync("/api/v1/me/notifications?limit=1", ("Accept-Language", "zh-CN"));
        Assert.StartsWith("您有新任务", zh.Json.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(countBefore + 1, (await assignee.GetJsonAsync("/api/v1/me/notifications/unread-count")).Json.GetProperty("count").GetInt32());

        var id = item.GetProperty("id").GetInt64();
        var someoneElse = await api.ClientAsync("another-person", Roles.Participant);
        var notTheirs = await someoneElse.PostJsonAsync($"/api/v1/me/notifications/{id}/read", new { });
        Assert.Equal((HttpStatusCode.NotFound, "notification.not_found"), (notTheirs.Status, notTheirs.ProblemCode));
        Assert.Equal(HttpStatusCode.NoContent, (await assignee.PostJsonAsync($"/api/v1/me/notifications/{id}/read", new { })).Status);
        Assert.Equal(countBefore, (await assignee.GetJsonAsync("/api/v1/me/notifications/unread-count")).Json.GetProperty("count").GetInt32());
        var unread = await assignee.GetJsonAsync("/api/v1/me/notifications?unread=true&limit=200");
        Assert.DoesNotContain(unread.Json.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetInt64() == id);
        Assert.Empty((await someoneElse.GetJsonAsync("/api/v1/me/notifications")).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TheInbox_PagesNewestFirst_ByKeyset()
    {
        var assignee = await api.ClientAsync("party-committee", Roles.Participant);
        for (var i = 0; i < 3; i++)
        {
            var (location, _) = await NewCampaignAsync();
            await CampaignSteps.FireAsync(await api.ClientAsync("campaign-office", Roles.Operator), location, "start");
        }
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await assignee.GetJsonAsync("/api/v1/me/notifications?limit=2" + (cursor is null ? "" : "&after=" + cursor));
            ids.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()));
            cursor = page.Json.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.True(ids.Count >= 3);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var bad = await assignee.GetJsonAsync("/api/v1/me/notifications?after=nonsense");
        Assert.Equal((HttpStatusCode.BadRequest, "paging.cursor_invalid"), (bad.Status, bad.ProblemCode));
    }
}

public sealed class WebhooksOnSqlite(WebhookSqliteFactory api) : WebhookTests(api), IClassFixture<WebhookSqliteFactory>;

[Trait("Database", "PostgreSql")]
public sealed class WebhooksOnPostgres(WebhookPostgresFactory api) : WebhookTests(api), IClassFixture<WebhookPostgresFactory>
{
    [Fact]
    public async Task TwoHostsOnOneDatabase_DeliverEachEntryOnce()
    {
        await using var receiver = new WebhookReceiver();
        var operatorClient = await api.ClientAsync("campaign-office", Roles.Operator);
        var admin = await api.AdminAsync();
        var organization = $"org-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostJsonAsync("/api/v1/webhooks/subscriptions",
            new { url = receiver.Url, kinds = new[] { "campaign.created", "phase.transitioned", "workflow.started", "task.activated" }, organization });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var campaigns = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var location = await CampaignSteps.CreateAsync(operatorClient, $"two-hosts-{i}", organization);
            await CampaignSteps.FireAsync(operatorClient, location, "start");
            campaigns.Add(CampaignSteps.IdOf(location));
        }
        var expected = await api.DbAsync(db => db.History.CountAsync(h => campaigns.Contains(h.CampaignId)
            && new[] { "campaign.created", "phase.transitioned", "workflow.started", "task.activated" }.Contains(h.Kind)));

        await using var second = api.WithWebHostBuilder(_ => { });
        var other = second.Services.GetRequiredService<Workflow.Api.Webhooks.WebhookDispatcher>();
        Assert.NotEqual(api.Dispatcher.Node, other.Node);
        await Task.WhenAll(
            Task.Run(() => api.Dispatcher.DispatchOnceAsync()), Task.Run(() => other.DispatchOnceAsync()),
            Task.Run(() => api.Dispatcher.DispatchOnceAsync()), Task.Run(() => other.DispatchOnceAsync()));

        var ids = receiver.Requests.Select(r => r.Headers["webhook-id"]).ToList();
        Assert.Equal(expected, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Per campaign, in order.
        foreach (var group in receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data"))
                     .GroupBy(d => d.GetProperty("campaignId").GetGuid()))
        {
            var sequences = group.Select(d => d.GetProperty("sequence").GetInt64()).ToList();
            Assert.Equal(sequences.Order(), sequences);
        }
    }
}
