using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using StandardWebhooks;
using Workflow.Api.Audit.Anchoring;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Audit.Verification;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Webhooks;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Audit.Anchoring;

/// <summary>
/// Scheduled anchoring: signed checkpoints of the streams that moved, written to the anchors stream and
/// delivered through the outbox to a folder and to a webhook receiver; a ledger suffix rewritten in the
/// database together with its head passes the chain check, and is caught by the anchored checkpoint,
/// on the server and by the offline verifier reading the folder.
/// </summary>
public sealed class AnchoringTests
{
    private sealed class Setup : IAsyncDisposable
    {
        public required WebhookFactory Api { get; init; }
        public required WebhookReceiver Receiver { get; init; }
        public required string Folder { get; init; }
        public required string Secret { get; init; }
        public required bool Postgres { get; init; }

        public static async Task<Setup> StartAsync(string provider)
        {
            var receiver = new WebhookReceiver();
            var folder = Directory.CreateTempSubdirectory("anchors-").FullName;
            WebhookFactory api = provider == "PostgreSql" ? new WebhookPostgresFactory() : new WebhookSqliteFactory();
            var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            api.Settings["Timers:Scheduler:Enabled"] = "false"; // the test asks for anchors itself, on its own clock
            api.Settings["Anchoring:Interval"] = "01:00:00"; // the default, which test hosts otherwise turn off
            api.Settings["Anchoring:Sinks:0:Url"] = new Uri(folder).AbsoluteUri;
            api.Settings["Anchoring:Sinks:1:Url"] = receiver.Url;
            api.Settings["Anchoring:Sinks:1:Secret"] = secret;
            api.Settings["Webhooks:AllowedHosts:0"] = "none.example"; // the configured sink needs no allow-list entry
            await api.InitializeAsync();
            return new Setup { Api = api, Receiver = receiver, Folder = folder, Secret = secret, Postgres = provider == "PostgreSql" };
        }

        public async Task<JsonElement> AnchorNowAsync()
        {
            var admin = await Api.AdminAsync();
            var run = await admin.PostJsonAsync("/api/v1/audit/anchors", new { reason = "审计前锚定 before the audit" });
            Assert.True(run.Status == HttpStatusCode.OK, run.Text);
            return run.Json;
        }

        /// <summary>The checkpoints the folder holds for one ledger, newest last.</summary>
        public List<JsonElement> FolderCheckpoints(Guid stream) =>
            Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal)
                .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("data").GetProperty("payload").GetProperty("checkpoints")
                    .EnumerateArray().Select(c => c.Clone()))
                .Where(c => c.GetProperty("campaignId").GetGuid() == stream).ToList();

        public async ValueTask DisposeAsync()
        {
            await Api.DisposeAsync();
            await Receiver.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static async Task<Guid> CampaignAsync(ApiFactory api, string name)
    {
        var operatorClient = await api.ClientAsync("campaign-office", Roles.Operator);
        return CampaignSteps.IdOf(await CampaignSteps.CreateAsync(operatorClient, name));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Anchors_ReachTheFolderAndTheReceiver_AndOnlyStreamsThatMovedAreAnchoredAgain(string provider)
    {
        await using var setup = await Setup.StartAsync(provider);
        var api = setup.Api;
        var first = await CampaignAsync(api, "anchored-1");
        var second = await CampaignAsync(api, "anchored-2");
        var anchoring = () => api.Services.CreateScope().ServiceProvider.GetRequiredService<LedgerAnchoring>();

        Assert.True(await anchoring().IsDueAsync(CancellationToken.None)); // never anchored
        var run = await setup.AnchorNowAsync();
        // Both campaigns and the definitions stream (the imported workflows), in one entry of the anchors stream.
        Assert.Equal(3, run.GetProperty("checkpoints").GetInt32());
        Assert.Equal([1L], run.GetProperty("entries").EnumerateArray().Select(e => e.GetInt64()));
        await api.Dispatcher.DispatchOnceAsync();
        // The folder: one file named by the delivery's webhook-id, with each ledger's checkpoint at its head.
        var file = Assert.Single(Directory.EnumerateFiles(setup.Folder));
        Assert.Equal($"msg_{LedgerStream.Anchors:N}_1.json", Path.GetFileName(file));
        var heads = await api.DbAsync(db => db.Campaigns.Where(c => c.Id == first || c.Id == second).ToDictionaryAsync(c => c.Id, c => (c.HistoryCount, c.HistoryHead)));
        var auditor = await api.ClientAsync("anchor-auditor", Roles.Auditor);
        foreach (var id in new[] { first, second })
        {
            var checkpoint = Assert.Single(setup.FolderCheckpoints(id));
            Assert.Equal(heads[id], (checkpoint.GetProperty("sequence").GetInt64(), checkpoint.GetProperty("headHash").GetString()!));
            var verified = await auditor.PostJsonAsync("/api/v1/audit/checkpoints/verify", checkpoint);
            Assert.True(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
            Assert.True(verified.Json.GetProperty("checkpoint").GetProperty("signatureValid").GetBoolean());
        }
        // The receiver: the same anchor, signed with the configured secret.
        var request = Assert.Single(setup.Receiver.Requests);
        var headers = new HeaderDictionary();
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }) headers[name] = new StringValues(request.Headers[name]);
        new StandardWebhook(setup.Secret).Verify(request.Body, headers);
        Assert.Equal(File.ReadAllText(file), request.Body);
        Assert.Equal(LedgerAnchoring.EntryKind, JsonDocument.Parse(request.Body).RootElement.GetProperty("type").GetString());

        // Due again when the last anchor is Anchoring:Interval (an hour) old by the app's clock.
        Assert.False(await anchoring().IsDueAsync(CancellationToken.None));
        api.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await anchoring().IsDueAsync(CancellationToken.None));
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await anchoring().IsDueAsync(CancellationToken.None));


        // Only the campaign that moved is anchored again; with nothing moved, nothing is written.
        var operatorClient = await api.ClientAsync("campaign-office", Roles.Operator);
        await CampaignSteps.FireAsync(operatorClient, $"/api/v1/campaigns/{first}", "start");
        var again = await setup.AnchorNowAsync();
        Assert.Equal(1, again.GetProperty("checkpoints").GetInt32());
        var idle = await setup.AnchorNowAsync();
        Assert.Equal((0, 0), (idle.GetProperty("checkpoints").GetInt32(), idle.GetProperty("entries").GetArrayLength()));
        await api.Dispatcher.DispatchOnceAsync();
        Assert.Equal(2, setup.FolderCheckpoints(first).Count);
        Assert.Single(setup.FolderCheckpoints(second));
        Assert.Equal(2, setup.Receiver.Requests.Count);

        // The anchors stream is a ledger like the others, and the sinks are listed as subscriptions an admin can see.
        var stream = await api.DbAsync(db => db.LedgerStreams.SingleAsync(s => s.Id == LedgerStream.Anchors));
        Assert.Equal(2, stream.HistoryCount);
        var admin = await api.AdminAsync();
        var subscriptions = (await admin.GetJsonAsync("/api/v1/webhooks/subscriptions")).Json.GetProperty("items");
        Assert.Equal(2, subscriptions.EnumerateArray().Count(s => s.GetProperty("createdBy").GetString() == AnchorSinks.CreatedBy));
        // An operator may not anchor.
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostJsonAsync("/api/v1/audit/anchors", new { reason = "why not" })).Status);
        // Without a reason nothing is anchored; with one, the entry names the admin and the reason.
        await CampaignSteps.FireAsync(operatorClient, $"/api/v1/campaigns/{first}", "suspend");
        var noReason = await admin.PostJsonAsync("/api/v1/audit/anchors", new { });
        Assert.True(noReason.Status == HttpStatusCode.BadRequest, noReason.Text);
        Assert.Contains("reason is required", noReason.Json.GetProperty("detail").GetString());
        Assert.Equal(2, (await api.DbAsync(db => db.LedgerStreams.SingleAsync(s => s.Id == LedgerStream.Anchors))).HistoryCount);
        await setup.AnchorNowAsync();
        var last = await api.DbAsync(db => db.History.Where(h => h.CampaignId == LedgerStream.Anchors).OrderByDescending(h => h.Sequence).FirstAsync());
        Assert.Equal(("admin", "审计前锚定 before the audit"), (last.Actor, last.Reason));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ASuffixRewrittenWithItsHead_PassesTheChain_ButNotTheAnchoredCheckpoint_OnTheServerOrOffline(string provider)
    {
        await using var setup = await Setup.StartAsync(provider);
        var api = setup.Api;
        var admin = await api.ClientAsync("anchor-admin", Roles.Admin);
        var campaign = CampaignSteps.IdOf(await CampaignSteps.InAnalysisAsync(admin));
        await setup.AnchorNowAsync();
        await api.Dispatcher.DispatchOnceAsync();
        var anchored = Assert.Single(setup.FolderCheckpoints(campaign));
        var count = anchored.GetProperty("sequence").GetInt64();

        // Rewrite the last two entries (a changed reason) with their hashes recomputed, and the head on the campaign row with them.
        await api.DbAsync(db => setup.Postgres
            ? db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_change ON history; DROP TRIGGER IF EXISTS history_no_truncate ON history;")
            : db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_update; DROP TRIGGER IF EXISTS history_no_delete;"));
        await api.DbAsync(async db =>
        {
            var suffix = await db.History.Where(h => h.CampaignId == campaign && h.Sequence >= count - 1).OrderBy(h => h.Sequence).ToListAsync();
            suffix[0].Reason = "rewritten afterwards";
            suffix[0].Hash = HistoryChain.Hash(suffix[0]);
            suffix[1].PreviousHash = suffix[0].Hash;
            suffix[1].Hash = HistoryChain.Hash(suffix[1]);
            var row = await db.Campaigns.SingleAsync(c => c.Id == campaign);
            row.HistoryHead = suffix[1].Hash;
            return await db.SaveChangesAsync();
        });

        // The database alone cannot tell: its chain is whole.
        var auditor = await api.ClientAsync("anchor-auditor", Roles.Auditor);
        var chainOnly = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify");
        Assert.True(chainOnly.Json.GetProperty("intact").GetBoolean(), chainOnly.Text);

        // The checkpoint kept outside the database can.
        var checkedAgainst = await auditor.PostJsonAsync("/api/v1/audit/checkpoints/verify", anchored);
        Assert.False(checkedAgainst.Json.GetProperty("intact").GetBoolean(), checkedAgainst.Text);
        Assert.Equal("checkpoint.hash_mismatch", checkedAgainst.Json.GetProperty("problem").GetProperty("code").GetString());

        using var temp = new SigningKeyRingTests.TempFolder();
        var (exit, output) = await SigningKeyRingTests.VerifyOfflineWithAsync(auditor, campaign, temp, "--anchors", setup.Folder);
        Assert.True(exit == 1, output);
        Assert.Contains($"entry {count} has hash", output);
        Assert.Contains("anchor msg_", output);
    }

    [Fact]
    public async Task TheScheduler_AnchorsWhenDue_AndTheDispatcherWritesTheFolder_WithNobodyAsking()
    {
        var folder = Directory.CreateTempSubdirectory("anchors-scheduled-").FullName;
        var api = new SqliteApiFactory();
        api.Settings["Anchoring:Interval"] = "00:00:01";
        api.Settings["Anchoring:CheckEvery"] = "00:00:00.500";
        api.Settings["Anchoring:Sinks:0:Url"] = new Uri(folder).AbsoluteUri;
        api.Settings["Webhooks:PollInterval"] = "00:00:00.200";
        await api.InitializeAsync();
        try
        {
            var campaign = await CampaignAsync(api, "anchored-by-the-scheduler");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!Directory.EnumerateFiles(folder, "*.json").Any(f => File.ReadAllText(f).Contains(campaign.ToString("D"), StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, "no anchor of the campaign reached the folder");
                await Task.Delay(100);
            }
            var mark = await api.DbAsync(db => db.LedgerAnchors.SingleAsync(a => a.StreamId == campaign));
            Assert.Equal(await api.DbAsync(db => db.Campaigns.Where(c => c.Id == campaign).Select(c => c.HistoryCount).SingleAsync()), mark.Sequence);
        }
        finally
        {
            await api.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AWebhookSinkWithoutASecret_StopsTheStart_WithOneLine()
    {
        var dataFolder = Directory.CreateTempSubdirectory("campaign-anchor-start-").FullName;
        try
        {
            var (exitCode, output, error) = await Identity.CreateKeyCommandTests.RunProgramAsync(
            [
                "--urls", "http://127.0.0.1:0", "--Storage:Provider=Sqlite", $"--Storage:DataFolder={dataFolder}",
                "--Anchoring:Sinks:0:Url=https://notary.example/anchors",
            ]);
            Assert.Equal(1, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal("Start-up stopped: Anchoring:Sinks \"https://notary.example/anchors\" needs a Secret (whsec_ followed by base64) for its receiver to verify the deliveries.", line);
            Assert.DoesNotContain("   at ", output + error);
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
