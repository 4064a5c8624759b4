using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Audit.Verification;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Definitions;
using Workflow.Api.Tests.Identity;
using Workflow.Api.Tests.Support;
using Workflow.LedgerVerifier;

namespace Workflow.Api.Tests.Audit.Verification;

/// <summary>
/// Two nodes whose first started with an earlier version's key file in its data folder: the ring
/// imports it as the current key.
/// </summary>
public interface ILegacyKey
{
    string LegacyKid { get; }

    byte[] LegacyPkcs8 { get; }
}

public sealed class KeyRingNodesOnSqlite : TwoNodesOnSqlite, ILegacyKey
{
    private readonly ECDsa _legacy = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string LegacyKid => Jwks.KeyId(_legacy);

    public byte[] LegacyPkcs8 => _legacy.ExportPkcs8PrivateKey();

    protected override void BeforeFirstStart(FolderApiFactory first) =>
        File.WriteAllText(Path.Combine(first.DataFolder, LedgerSigningKey.DefaultFileName), _legacy.ExportPkcs8PrivateKeyPem());
}

public sealed class KeyRingNodesOnPostgres : TwoNodesOnPostgres, ILegacyKey
{
    private readonly ECDsa _legacy = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string LegacyKid => Jwks.KeyId(_legacy);

    public byte[] LegacyPkcs8 => _legacy.ExportPkcs8PrivateKey();

    protected override void BeforeFirstStart(FolderApiFactory first) =>
        File.WriteAllText(Path.Combine(first.DataFolder, LedgerSigningKey.DefaultFileName), _legacy.ExportPkcs8PrivateKeyPem());
}

/// <summary>
/// One signing key ring for every node: a checkpoint signed on one node verifies on the other and
/// offline with the JWKS; after a rotation (the real admin command) new checkpoints carry the new kid
/// and old ones still verify; private keys are stored encrypted; a tampered checkpoint still fails.
/// </summary>
public abstract class SigningKeyRingTests(TwoNodes nodes, ILegacyKey legacy)
{
    [Fact]
    public async Task TheEarlierKeyFile_IsImported_AndEveryPrivateKeyIsStoredEncrypted()
    {
        var rows = await nodes.Second.DbAsync(db => db.SigningKeys.AsNoTracking().ToListAsync());
        var imported = Assert.Single(rows, r => r.Kid == legacy.LegacyKid);
        Assert.Equal((SigningKeyRing.Imported, "ES256"), (imported.Origin, imported.Algorithm));
        Assert.NotNull(imported.ActivatedAt);
        var plain = Convert.ToBase64String(legacy.LegacyPkcs8);
        foreach (var row in rows)
        {
            Assert.DoesNotContain("PRIVATE KEY", row.ProtectedPrivateKey);
            var stored = Base64Url.DecodeFromChars(row.ProtectedPrivateKey);
            using var probe = ECDsa.Create();
            Assert.ThrowsAny<CryptographicException>(() => probe.ImportPkcs8PrivateKey(stored, out _));
            Assert.DoesNotContain(plain, row.ProtectedPrivateKey);
            Assert.DoesNotContain(plain, Convert.ToBase64String(stored));
        }
        // The import is logged by its kid, never with the key itself.
        Assert.Contains(nodes.First.Logs.Entries, e => e.Message.Contains($"Imported the ledger signing key {legacy.LegacyKid}", StringComparison.Ordinal));
        Assert.DoesNotContain(nodes.First.Logs.Entries.Concat(nodes.Second.Logs.Entries),
            e => e.Message.Contains("PRIVATE KEY", StringComparison.Ordinal) || e.Message.Contains(plain, StringComparison.Ordinal));
        // Data Protection's own keys are in the same database, so that every node can decrypt.
        Assert.NotEqual(0, await nodes.Second.DbAsync(db => db.DataProtectionKeys.CountAsync()));
        Assert.Single(rows, r => r.Current == true);
    }

    [Fact]
    public async Task ACheckpointFromOneNode_VerifiesOnTheOtherAndOffline_AndARotationKeepsItValid()
    {
        var adminKey = await nodes.First.IssueKeyAsync("admin.ring", false, Roles.Admin);
        var auditorKey = await nodes.First.IssueKeyAsync("auditor.ring", false, Roles.Auditor);
        var admin = nodes.First.Client(adminKey);
        var (auditor1, auditor2) = (nodes.First.Client(auditorKey), nodes.Second.Client(auditorKey));
        var campaign = await CampaignSteps.StartedAsync(admin);
        var id = CampaignSteps.IdOf(campaign);

        var before = (await auditor2.GetJsonAsync("/api/v1/audit/signing-key")).Json.GetProperty("keyId").GetString()!;
        var old = (await auditor1.GetJsonAsync($"/api/v1/audit/campaigns/{id}/checkpoint")).Json;
        Assert.Equal(before, old.GetProperty("keyId").GetString());
        await AssertVerifiesAsync(auditor2, old);

        using var folder = new TempFolder();
        var oldPath = folder.Write("checkpoint-old.json", old.GetRawText());
        Assert.Equal(0, (await VerifyOfflineAsync(auditor2, id, folder, oldPath)).ExitCode);

        // Rotation by the admin command, a process of its own on the same database.
        var (exitCode, output, error) = await CreateKeyCommandTests.RunProgramAsync([RotateSigningKeyCommand.Name, .. nodes.First.StorageArguments]);
        Assert.True(exitCode == 0, error);
        var rotated = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Matches("^[0-9a-f]{64}$", rotated);
        Assert.NotEqual(before, rotated);

        await CampaignSteps.CompleteAsync(admin, campaign, "studyMobilization:1", SeedData.Meeting("2023-03-01"));
        foreach (var auditor in new[] { auditor1, auditor2 })
        {
            var fresh = (await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/checkpoint")).Json;
            Assert.Equal(rotated, fresh.GetProperty("keyId").GetString());
            await AssertVerifiesAsync(nodes.First.Client(auditorKey), fresh);
            await AssertVerifiesAsync(nodes.Second.Client(auditorKey), fresh);
            await AssertVerifiesAsync(auditor, old);
        }
        var kids = (await auditor1.GetJsonAsync("/api/v1/audit/jwks")).Json.GetProperty("keys").EnumerateArray()
            .Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(before, kids);
        Assert.Contains(rotated, kids);
        // Offline: today's export (signed with the new key) together with the checkpoint kept from before.
        var offline = await VerifyOfflineAsync(auditor2, id, folder, oldPath);
        Assert.True(offline.ExitCode == 0, offline.Output);
        Assert.Contains($"signature valid (key {before})", offline.Output);
        Assert.Contains($"signature valid (key {rotated})", offline.Output);

        // A tampered checkpoint, and one naming a key the ring does not have, still fail.
        var tampered = JsonNode.Parse(old.GetRawText())!;
        tampered["sequence"] = old.GetProperty("sequence").GetInt64() - 1;
        var refused = await auditor2.PostJsonAsync("/api/v1/audit/checkpoints/verify", tampered);
        Assert.Equal("checkpoint.signature_invalid", refused.Json.GetProperty("problem").GetProperty("code").GetString());
        var unknown = JsonNode.Parse(old.GetRawText())!;
        unknown["keyId"] = new string('0', 64);
        refused = await auditor2.PostJsonAsync("/api/v1/audit/checkpoints/verify", unknown);
        Assert.Contains("not in the server's signing key ring", refused.Json.GetProperty("problem").GetProperty("message").GetString());
        var tamperedPath = folder.Write("checkpoint-tampered.json", tampered.ToJsonString());
        Assert.Equal(1, (await VerifyOfflineAsync(auditor2, id, folder, tamperedPath)).ExitCode);

        // Over REST too, for admins only.
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor2.PostJsonAsync("/api/v1/audit/signing-keys/rotate", new { })).Status);
        var again = await nodes.Second.Client(adminKey).PostJsonAsync("/api/v1/audit/signing-keys/rotate", new { });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(rotated, again.Json.GetProperty("retired").GetString());
        Assert.Equal(again.Json.GetProperty("kid").GetString(),
            (await auditor1.GetJsonAsync($"/api/v1/audit/campaigns/{id}/checkpoint")).Json.GetProperty("keyId").GetString());
        await AssertVerifiesAsync(auditor1, old);
    }

    [Fact]
    public async Task ACurrentKeyThatDoesNotDecrypt_IsA503ForSigning_WhileVerificationAndRotationGoOn()
    {
        var adminKey = await nodes.First.IssueKeyAsync("admin.broken-key", false, Roles.Admin);
        var (admin1, admin2) = (nodes.First.Client(adminKey), nodes.Second.Client(adminKey));
        var campaign = await CampaignSteps.CreateAsync(admin1, "密钥损坏");
        var id = CampaignSteps.IdOf(campaign);
        var kept = (await admin1.GetJsonAsync($"/api/v1/audit/campaigns/{id}/checkpoint")).Json;
        // A new current key that neither node has used yet, then its stored ciphertext damaged.
        var broken = (await admin2.PostJsonAsync("/api/v1/audit/signing-keys/rotate", new { })).Json.GetProperty("kid").GetString()!;
        await nodes.First.DbAsync(db => db.SigningKeys.Where(k => k.Kid == broken)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.ProtectedPrivateKey, Base64Url.EncodeToString(new byte[80]))));

        var refused = await admin1.GetJsonAsync($"/api/v1/audit/campaigns/{id}/checkpoint");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "ledger.signing_key_unavailable"), (refused.Status, refused.ProblemCode));
        Assert.Contains(broken, refused.Json.GetProperty("detail").GetString());
        Assert.Equal(broken, (await admin1.GetJsonAsync("/api/v1/audit/signing-key")).Json.GetProperty("keyId").GetString());
        await AssertVerifiesAsync(admin1, kept);

        var healed = await admin1.PostJsonAsync("/api/v1/audit/signing-keys/rotate", new { });
        Assert.Equal(broken, healed.Json.GetProperty("retired").GetString());
        var signed = (await admin2.GetJsonAsync($"/api/v1/audit/campaigns/{id}/checkpoint")).Json;
        Assert.Equal(healed.Json.GetProperty("kid").GetString(), signed.GetProperty("keyId").GetString());
        await AssertVerifiesAsync(admin1, signed);
    }

    private static async Task AssertVerifiesAsync(HttpClient auditor, JsonElement checkpoint)
    {
        var verified = await auditor.PostJsonAsync("/api/v1/audit/checkpoints/verify", checkpoint);
        Assert.True(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.True(verified.Json.GetProperty("checkpoint").GetProperty("signatureValid").GetBoolean());
    }

    /// <summary>The offline verifier, as a process, on the node's export and JWKS, with a checkpoint kept from earlier.</summary>
    internal static Task<(int ExitCode, string Output)> VerifyOfflineAsync(HttpClient auditor, Guid id, TempFolder folder, string checkpoint) =>
        VerifyOfflineWithAsync(auditor, id, folder, "--checkpoint", checkpoint);

    /// <summary>The offline verifier, as a process, on the node's export and JWKS, with the arguments given.</summary>
    internal static async Task<(int ExitCode, string Output)> VerifyOfflineWithAsync(HttpClient auditor, Guid id, TempFolder folder, params string[] arguments)
    {
        var export = folder.Write("export.json", (await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/export")).Text);
        var jwks = folder.Write("jwks.json", (await auditor.GetJsonAsync("/api/v1/audit/jwks")).Text);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(ExportVerifier).Assembly.Location, export, "--jwks", jwks }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    internal sealed class TempFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("key-ring-").FullName;

        public string Write(string name, string text)
        {
            var path = Path.Combine(_path, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}

public sealed class SigningKeyRingOnSqlite(KeyRingNodesOnSqlite nodes) : SigningKeyRingTests(nodes, nodes), IClassFixture<KeyRingNodesOnSqlite>;

[Trait("Database", "PostgreSql")]
public sealed class SigningKeyRingOnPostgres(KeyRingNodesOnPostgres nodes) : SigningKeyRingTests(nodes, nodes), IClassFixture<KeyRingNodesOnPostgres>;
