using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Engine.Canonical;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Audit.Verification;

/// <summary>
/// A real server's export of a small campaign. With <c>WORKFLOW_WRITE_LEDGER_VECTOR=DIR</c> set, the
/// export, the public key, the expected hashes and entry 1's canonical JSON are written to DIR:
/// that is how tools/Workflow.LedgerVerifier/testdata was made (and then frozen).
/// </summary>
public sealed class TestVectorExportTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task ASmallCampaign_ExportsEntriesThatTheServersChainRulesAccept()
    {
        var admin = await api.ClientAsync("office", Roles.Admin);
        var campaign = await CampaignSteps.CreateAsync(admin, "测试向量活动");
        await CampaignSteps.FireAsync(admin, campaign, "start", "按计划启动");
        var id = CampaignSteps.IdOf(campaign);
        var auditor = await api.ClientAsync("auditor.wang", Roles.Auditor);
        var export = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/export");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        var entries = export.Json.GetProperty("entries");
        Assert.InRange(entries.GetArrayLength(), 3, 8);

        var stored = await Ledger.VerifiedAsync(api, id);
        for (var i = 0; i < stored.Count; i++)
            Assert.Equal(HistoryChain.Hash(stored[i]), JsonCanonicalizer.Sha256Hex(entries[i], new HashSet<string> { "id", "hash" }));

        if (Environment.GetEnvironmentVariable("WORKFLOW_WRITE_LEDGER_VECTOR") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        using (var document = JsonDocument.Parse(export.Text))
        await using (var file = File.Create(Path.Combine(folder, "export.json")))
        await using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            document.RootElement.WriteTo(writer);
        var key = await auditor.GetJsonAsync("/api/v1/audit/signing-key");
        await File.WriteAllTextAsync(Path.Combine(folder, "public-key.pem"), key.Json.GetProperty("publicKeyPem").GetString() + "\n");
        var expected = new StringBuilder("# sequence hash (SHA-256 of the entry's RFC 8785 canonical JSON without id and hash)\n");
        foreach (var entry in stored) expected.Append($"{entry.Sequence} {entry.Hash}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "expected-hashes.txt"), expected.ToString());
        await File.WriteAllTextAsync(Path.Combine(folder, "entry-1.canonical.json"), JsonCanonicalizer.CanonicalizeToString(HistoryChain.Content(stored[0])));
    }
}
