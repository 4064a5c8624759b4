using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Engine.Canonical;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Audit.Verification;

/// <summary>
/// Tampering done directly in the database, with the append-only triggers dropped first, is found
/// by the verification endpoints: at the entry that was changed or removed, or against a checkpoint
/// when the newest entries were removed and the head reset.
/// </summary>
public abstract class LedgerTamperTests(ApiFactory api, bool postgres)
{
    private async Task<(HttpClient Auditor, Guid Campaign, int Entries)> CampaignAsync()
    {
        var admin = await api.ClientAsync("tamper-admin", Roles.Admin);
        var campaign = CampaignSteps.IdOf(await CampaignSteps.InAnalysisAsync(admin));
        var entries = (await Ledger.VerifiedAsync(api, campaign)).Count;
        Assert.True(entries >= 8, $"only {entries} entries");
        return (await api.ClientAsync("tamper-auditor", Roles.Auditor), campaign, entries);
    }

    private Task DropTriggersAsync() => api.DbAsync(db => postgres
        ? db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_change ON history; DROP TRIGGER IF EXISTS history_no_truncate ON history;")
        : db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_update; DROP TRIGGER IF EXISTS history_no_delete;"));

    private Task<long> RowIdAsync(Guid campaign, long sequence) =>
        api.DbAsync(db => db.History.Where(h => h.CampaignId == campaign && h.Sequence == sequence).Select(h => h.Id).SingleAsync());

    [Fact]
    public async Task AnUntamperedCampaign_VerifiesIntact_WithEveryEntry()
    {
        var (auditor, campaign, entries) = await CampaignAsync();
        var head = await api.DbAsync(db => db.Campaigns.Where(c => c.Id == campaign).Select(c => c.HistoryHead).SingleAsync());

        var verified = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify");
        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.True(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.Equal(entries, verified.Json.GetProperty("entries").GetInt64());
        Assert.Equal(head, verified.Json.GetProperty("headHash").GetString());
        Assert.True(verified.Json.TryGetProperty("checkedAt", out _));

        var definitions = await auditor.GetJsonAsync("/api/v1/audit/streams/definitions/verify");
        Assert.Equal(HttpStatusCode.OK, definitions.Status);
        Assert.True(definitions.Json.GetProperty("intact").GetBoolean(), definitions.Text);

        var operatorClient = await api.ClientAsync("tamper-operator", Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{Guid.NewGuid()}/verify")).Status);
    }

    [Fact]
    public async Task EditingAMiddleEntry_IsReportedAtThatEntry()
    {
        var (auditor, campaign, entries) = await CampaignAsync();
        var middle = entries / 2;
        await DropTriggersAsync();
        var id = await RowIdAsync(campaign, middle);
        await api.DbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE history SET \"Reason\" = 'rewritten afterwards' WHERE \"Id\" = {id}"));

        var verified = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify");
        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.False(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.Equal(middle, verified.Json.GetProperty("firstBadSequence").GetInt64());
        Assert.Equal("entry.altered", verified.Json.GetProperty("problem").GetProperty("code").GetString());
        Assert.Contains($"entry {middle} was altered", verified.Json.GetProperty("problem").GetProperty("message").GetString());
        Assert.Equal(middle - 1, verified.Json.GetProperty("entriesChecked").GetInt64());
    }

    [Fact]
    public async Task DeletingAMiddleEntry_IsReportedAsMissingAtThatSequence()
    {
        var (auditor, campaign, entries) = await CampaignAsync();
        var middle = entries / 2;
        await DropTriggersAsync();
        var id = await RowIdAsync(campaign, middle);
        await api.DbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM history WHERE \"Id\" = {id}"));

        var verified = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify");
        Assert.False(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.Equal(middle, verified.Json.GetProperty("firstBadSequence").GetInt64());
        Assert.Equal("entry.missing", verified.Json.GetProperty("problem").GetProperty("code").GetString());
        Assert.Contains($"entry {middle} is missing", verified.Json.GetProperty("problem").GetProperty("message").GetString());
    }

    [Fact]
    public async Task EditingTheStoredSnapshot_IsReported_AsNotTheStateTheLedgerReplaysTo()
    {
        var (auditor, campaign, entries) = await CampaignAsync();
        // An open task given to someone else in the snapshot only, with no ledger entry saying so.
        var edited = await api.DbAsync(db => db.Campaigns.Where(c => c.Id == campaign)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StateJson, c => c.StateJson.Replace("\"assignee\":\"party-committee\"", "\"assignee\":\"someone.else\""))));
        Assert.Equal(1, edited);

        var verified = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify");
        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.False(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.Equal("snapshot.mismatch", verified.Json.GetProperty("problem").GetProperty("code").GetString());
        Assert.Contains("workflow differ", verified.Json.GetProperty("problem").GetProperty("message").GetString());
        Assert.Equal(entries, verified.Json.GetProperty("firstBadSequence").GetInt64());
    }

    [Fact]
    public async Task DeletingTheNewestEntries_WithoutResettingTheHead_IsReported()
    {
        var (auditor, campaign, entries) = await CampaignAsync();
        await DropTriggersAsync();
        var id = await RowIdAsync(campaign, entries);
        await api.DbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM history WHERE \"Id\" = {id}"));

        var verified = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify");
        Assert.False(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.Equal(entries, verified.Json.GetProperty("firstBadSequence").GetInt64());
        Assert.Equal("entries.newest_missing", verified.Json.GetProperty("problem").GetProperty("code").GetString());
    }

    [Fact]
    public async Task DeletingTheNewestEntries_AndResettingTheHead_PassesTheChain_ButNotTheCheckpoint()
    {
        var (auditor, campaign, entries) = await CampaignAsync();
        var checkpoint = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/checkpoint");
        Assert.Equal(HttpStatusCode.OK, checkpoint.Status);
        Assert.Equal(entries, checkpoint.Json.GetProperty("sequence").GetInt64());
        var before = await auditor.PostTextAsync("/api/v1/audit/checkpoints/verify", checkpoint.Text);
        Assert.True(before.Json.GetProperty("intact").GetBoolean(), before.Text);
        Assert.True(before.Json.GetProperty("checkpoint").GetProperty("signatureValid").GetBoolean());

        await DropTriggersAsync();
        var ids = new List<long>();
        for (var s = entries - 2; s <= entries; s++) ids.Add(await RowIdAsync(campaign, s));
        foreach (var id in ids) await api.DbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM history WHERE \"Id\" = {id}"));
        var newLast = await api.DbAsync(db => db.History.AsNoTracking().Where(h => h.CampaignId == campaign).OrderByDescending(h => h.Sequence).FirstAsync());
        await api.DbAsync(async db =>
        {
            var row = await db.Campaigns.SingleAsync(c => c.Id == campaign);
            row.HistoryCount = newLast.Sequence;
            row.HistoryHead = newLast.Hash;
            return await db.SaveChangesAsync();
        });

        // The chain alone is whole (a shorter ledger is a valid ledger), but the shorter ledger replays to another state
        // than the snapshot the removed entries wrote.
        var chainOnly = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify");
        Assert.False(chainOnly.Json.GetProperty("intact").GetBoolean(), chainOnly.Text);
        Assert.Equal("snapshot.mismatch", chainOnly.Json.GetProperty("problem").GetProperty("code").GetString());
        Assert.Equal(entries - 3, chainOnly.Json.GetProperty("entriesChecked").GetInt64());

        // The checkpoint taken before remembers the entries that are gone.
        var after = await auditor.PostTextAsync("/api/v1/audit/checkpoints/verify", checkpoint.Text);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.False(after.Json.GetProperty("intact").GetBoolean(), after.Text);
        Assert.Equal("checkpoint.entry_missing", after.Json.GetProperty("problem").GetProperty("code").GetString());
        Assert.Equal(entries - 2, after.Json.GetProperty("firstBadSequence").GetInt64());
        Assert.True(after.Json.GetProperty("checkpoint").GetProperty("signatureValid").GetBoolean());
        Assert.False(after.Json.GetProperty("checkpoint").GetProperty("contained").GetBoolean());

        var inUrl = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(checkpoint.Text));
        var viaQuery = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify?checkpoint={inUrl}");
        Assert.False(viaQuery.Json.GetProperty("intact").GetBoolean(), viaQuery.Text);
        Assert.Equal("checkpoint.entry_missing", viaQuery.Json.GetProperty("problem").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ACheckpoint_IsSignedWithThePublishedKey_AndAForgedOneIsRefused()
    {
        var (auditor, campaign, _) = await CampaignAsync();
        var key = await auditor.GetJsonAsync("/api/v1/audit/signing-key");
        Assert.Equal(HttpStatusCode.OK, key.Status);
        Assert.Equal("ES256", key.Json.GetProperty("algorithm").GetString());
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(key.Json.GetProperty("publicKeyPem").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(publicKey.ExportSubjectPublicKeyInfo())), key.Json.GetProperty("keyId").GetString());
        var jwk = key.Json.GetProperty("jwk");
        Assert.Equal("EC", jwk.GetProperty("kty").GetString());
        Assert.Equal("P-256", jwk.GetProperty("crv").GetString());
        Assert.Equal(publicKey.ExportParameters(false).Q.X, Base64Url.DecodeFromChars(jwk.GetProperty("x").GetString()));

        var checkpoint = (await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/checkpoint")).Json;
        // Independently of the server: the signature covers the canonical JSON of the other five members.
        var signed = JsonSerializer.SerializeToElement(new
        {
            campaignId = checkpoint.GetProperty("campaignId").GetString(),
            sequence = checkpoint.GetProperty("sequence").GetInt64(),
            headHash = checkpoint.GetProperty("headHash").GetString(),
            issuedAt = checkpoint.GetProperty("issuedAt").GetString(),
            keyId = checkpoint.GetProperty("keyId").GetString(),
        });
        Assert.True(publicKey.VerifyData(JsonCanonicalizer.Canonicalize(signed), Base64Url.DecodeFromChars(checkpoint.GetProperty("signature").GetString()),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        var forged = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(checkpoint.GetRawText())!;
        forged["sequence"] = JsonSerializer.SerializeToElement(checkpoint.GetProperty("sequence").GetInt64() - 1);
        var refused = await auditor.PostJsonAsync("/api/v1/audit/checkpoints/verify", forged);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.False(refused.Json.GetProperty("intact").GetBoolean(), refused.Text);
        Assert.Equal("checkpoint.signature_invalid", refused.Json.GetProperty("problem").GetProperty("code").GetString());

        var malformed = await auditor.PostTextAsync("/api/v1/audit/checkpoints/verify", "{\"campaignId\":\"x\"}");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        var badQuery = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/verify?checkpoint=%%%");
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.Status);
    }

    [Fact]
    public async Task TheExport_CarriesEveryEntry_AndACheckpointOfTheLast()
    {
        var (auditor, campaign, entries) = await CampaignAsync();
        var export = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{campaign}/export");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        var stored = await Ledger.VerifiedAsync(api, campaign);
        var exported = export.Json.GetProperty("entries");
        Assert.Equal(entries, exported.GetArrayLength());
        for (var i = 0; i < entries; i++)
        {
            Assert.Equal(stored[i].Hash, exported[i].GetProperty("hash").GetString());
            // What the entry carries besides id and hash is exactly what was hashed.
            Assert.Equal(stored[i].Hash, JsonCanonicalizer.Sha256Hex(exported[i], new HashSet<string> { "id", "hash" }));
        }
        var checkpoint = export.Json.GetProperty("checkpoint");
        Assert.Equal(entries, checkpoint.GetProperty("sequence").GetInt64());
        Assert.Equal(stored[^1].Hash, checkpoint.GetProperty("headHash").GetString());
        var verified = await auditor.PostTextAsync("/api/v1/audit/checkpoints/verify", checkpoint.GetRawText());
        Assert.True(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
    }
}

public sealed class LedgerTamperOnSqlite(SqliteApiFactory api) : LedgerTamperTests(api, postgres: false), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class LedgerTamperOnPostgres(PostgresApiFactory api) : LedgerTamperTests(api, postgres: true), IClassFixture<PostgresApiFactory>;
