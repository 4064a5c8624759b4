using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Engine.Canonical;
using Workflow.Storage.History;

namespace Workflow.LedgerVerifier.Tests;

/// <summary>The committed test vector (a real server's export, frozen): the offline verifier and the server's chain rules agree on it.</summary>
public sealed class TestVectorTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", name);

    private static JsonElement Export() => JsonDocument.Parse(File.ReadAllBytes(Data("export.json"))).RootElement;

    private static ECDsa PublicKey()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Data("public-key.pem")));
        return key;
    }

    private static IReadOnlyList<(long Sequence, string Hash)> ExpectedHashes() =>
        File.ReadAllLines(Data("expected-hashes.txt")).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ')).Select(p => (long.Parse(p[0], CultureInfo.InvariantCulture), p[1])).ToList();

    [Fact]
    public void TheVector_IsIntact_WithTheExpectedHead()
    {
        using var key = PublicKey();
        var report = ExportVerifier.Verify(Export(), key);
        var expected = ExpectedHashes();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(expected.Count, report.Entries);
        Assert.Equal(expected[^1].Hash, report.HeadHash);
        Assert.Contains(report.Notes, n => n.Contains("signature valid", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryEntryHash_IsTheExpectedOne_ByTheVerifierAndByTheServersChain()
    {
        var entries = Export().GetProperty("entries").EnumerateArray().ToList();
        var expected = ExpectedHashes();
        Assert.InRange(entries.Count, 3, 5);
        Assert.Equal(expected.Count, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(expected[i].Sequence, entries[i].GetProperty("sequence").GetInt64());
            Assert.Equal(expected[i].Hash, ExportVerifier.EntryHash(entries[i]));
            Assert.Equal(expected[i].Hash, HistoryChain.Hash(ToEntry(entries[i])));
        }
        // The README's worked example: entry 1's canonical JSON, and its SHA-256.
        var canonical = File.ReadAllText(Data("entry-1.canonical.json"));
        Assert.Equal(canonical, JsonCanonicalizer.CanonicalizeToString(HistoryChain.Content(ToEntry(entries[0]))));
        Assert.Equal(expected[0].Hash, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical))));
    }

    [Fact]
    public void AnEditedEntry_IsReportedAtItsSequence()
    {
        var export = Mutable();
        export["entries"]![2]!["reason"] = "rewritten afterwards";
        using var key = PublicKey();
        var report = ExportVerifier.Verify(Element(export), key);
        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBadSequence);
        Assert.StartsWith("entry 3 was altered: stored hash ", report.Problem);
    }

    [Fact]
    public void ARemovedMiddleEntry_IsReportedMissing_AndRemovedNewestEntriesAreCaughtByTheCheckpoint()
    {
        using var key = PublicKey();
        var middle = Mutable();
        middle["entries"]!.AsArray().RemoveAt(1);
        var report = ExportVerifier.Verify(Element(middle), key);
        Assert.Equal(2, report.FirstBadSequence);
        Assert.StartsWith("entry 2 is missing", report.Problem);

        var newest = Mutable();
        var count = newest["entries"]!.AsArray().Count;
        newest["entries"]!.AsArray().RemoveAt(count - 1);
        report = ExportVerifier.Verify(Element(newest), key);
        Assert.False(report.Intact);
        Assert.Equal(count, report.FirstBadSequence);
        Assert.Contains("missing: the export's checkpoint", report.Problem);
    }

    [Fact]
    public void ACheckpointKeptFromEarlier_CatchesALaterExportThatLostItsNewestEntries()
    {
        using var key = PublicKey();
        var kept = Export().GetProperty("checkpoint").Clone();
        Assert.True(ExportVerifier.Verify(Export(), key, [("checkpoint kept.json", kept)]).Intact);

        // A later export, made after the newest entry was removed and the head reset, carries no
        // trace of it (here: no checkpoint of its own, since the test cannot sign one).
        var later = Mutable();
        later["entries"]!.AsArray().RemoveAt(later["entries"]!.AsArray().Count - 1);
        later.AsObject().Remove("checkpoint");
        Assert.True(ExportVerifier.Verify(Element(later), key).Intact);
        var report = ExportVerifier.Verify(Element(later), key, [("checkpoint kept.json", kept)]);
        Assert.False(report.Intact);
        Assert.Contains("missing: checkpoint kept.json", report.Problem);
    }

    [Fact]
    public void AnAlteredCheckpoint_OrAnotherKey_IsRefused()
    {
        using var key = PublicKey();
        var export = Mutable();
        export["checkpoint"]!["sequence"] = 2;
        export["checkpoint"]!["headHash"] = ExpectedHashes()[1].Hash;
        Assert.Contains("signature is not valid", ExportVerifier.Verify(Element(export), key).Problem);

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Contains("not the public key given", ExportVerifier.Verify(Export(), other).Problem);
    }

    [Fact]
    public void AJwks_PicksEachCheckpointsKeyByItsKid_AndRefusesAKeyUnderAnotherKeysName()
    {
        using var jwks = JsonDocument.Parse(File.ReadAllBytes(Data("jwks.json")));
        var keys = Jwks.Read(jwks.RootElement);
        Assert.True(ExportVerifier.Verify(Export(), keys).Intact);

        // A ring after a rotation: the vector's (retired) key among others still verifies its checkpoint.
        using var newer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var report = ExportVerifier.Verify(Export(), [newer, .. keys]);
        Assert.True(report.Intact, report.Problem);
        Assert.Contains(report.Notes, n => n.Contains($"signature valid (key {Jwks.KeyId(keys[0])})", StringComparison.Ordinal));

        // Without the vector's key: refused, naming the keys given.
        report = ExportVerifier.Verify(Export(), [newer]);
        Assert.False(report.Intact);
        Assert.Contains("not the public key given", report.Problem);

        // A JWK whose kid is the vector's but whose point is another key's is refused outright.
        var forged = JsonNode.Parse(File.ReadAllText(Data("jwks.json")))!;
        var parameters = newer.ExportParameters(false);
        forged["keys"]![0]!["x"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.X);
        forged["keys"]![0]!["y"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.Y);
        var failure = Assert.Throws<FormatException>(() => Jwks.Read(Element(forged)));
        Assert.Contains("is not the key it names", failure.Message);
    }

    [Fact]
    public void TheCommand_TakesAJwks()
    {
        Assert.Equal((0, true), Run(Data("export.json"), "--jwks", Data("jwks.json")));
        var other = Path.Combine(Path.GetTempPath(), $"jwks-other-{Guid.NewGuid():N}.json");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var q = key.ExportParameters(false).Q;
            File.WriteAllText(other, new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "EC", ["crv"] = "P-256", ["x"] = System.Buffers.Text.Base64Url.EncodeToString(q.X),
                    ["y"] = System.Buffers.Text.Base64Url.EncodeToString(q.Y), ["kid"] = Jwks.KeyId(key),
                }),
            }.ToJsonString());
        }
        try
        {
            Assert.Equal((1, false), Run(Data("export.json"), "--jwks", other));
        }
        finally
        {
            File.Delete(other);
        }
        Assert.Equal(2, Run(Data("export.json"), "--jwks", Data("jwks.json"), "--public-key", Data("public-key.pem")).Code);
    }

    [Fact]
    public void TheCommand_ExitsZeroWhenIntact_OneWhenNot_TwoOnUsageErrors()
    {
        Assert.Equal((0, true), Run(Data("export.json"), "--public-key", Data("public-key.pem")));
        var tampered = Mutable();
        tampered["entries"]![0]!["actor"] = "someone else";
        var path = Path.Combine(Path.GetTempPath(), $"ledger-tampered-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, tampered.ToJsonString());
        try
        {
            Assert.Equal((1, false), Run(path, "--public-key", Data("public-key.pem")));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Equal(2, Run().Code);
        Assert.Equal(2, Run(Data("no-such-file.json")).Code);
    }

    private static (int Code, bool Intact) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(ExportVerifier).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.StartsWith("intact: ", StringComparison.Ordinal));
    }

    private static JsonNode Mutable() => JsonNode.Parse(File.ReadAllText(Data("export.json")))!;

    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    private static HistoryEntry ToEntry(JsonElement e)
    {
        static string? Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
        return new HistoryEntry
        {
            Id = e.GetProperty("id").GetInt64(),
            CampaignId = e.GetProperty("campaignId").GetGuid(),
            Sequence = e.GetProperty("sequence").GetInt64(),
            At = DateTime.ParseExact(e.GetProperty("at").GetString()!, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            Kind = e.GetProperty("kind").GetString()!,
            Actor = e.GetProperty("actor").GetString()!,
            OnBehalfOf = Text(e, "onBehalfOf"),
            Reason = Text(e, "reason"),
            IdempotencyKey = Text(e, "idempotencyKey"),
            CorrelationId = Text(e, "correlationId"),
            Organization = Text(e, "organization"),
            BeforeState = Text(e, "beforeState"),
            AfterState = Text(e, "afterState"),
            Evidence = e.GetProperty("evidence").ValueKind == JsonValueKind.Null ? null : e.GetProperty("evidence").GetRawText(),
            DefinitionId = e.GetProperty("definitionId").GetString()!,
            DefinitionVersion = e.GetProperty("definitionVersion").GetInt32(),
            PhaseId = Text(e, "phaseId"),
            TaskId = Text(e, "taskId"),
            Payload = e.GetProperty("payload").GetRawText(),
            PreviousHash = e.GetProperty("previousHash").GetString()!,
            Hash = e.GetProperty("hash").GetString()!,
        };
    }
}
