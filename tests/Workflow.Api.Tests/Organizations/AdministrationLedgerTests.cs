using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Definitions;
using Workflow.Api.Tests.Support;
using Workflow.LedgerVerifier;
using Workflow.Storage.History;
using static Workflow.Api.Tests.Organizations.OrganizationSteps;

namespace Workflow.Api.Tests.Organizations;

/// <summary>
/// Every change to the tree, groups, memberships and grants is an entry of the administration stream, with the
/// authenticated principal as actor; the stream verifies on the server and offline, and an edited entry is found.
/// </summary>
public abstract class AdministrationLedgerTests(ApiFactory api)
{
    /// <summary>A tree, a group with a lead, grants to it and to a person, a revocation on someone's behalf, a move, and the group deleted.</summary>
    internal static async Task<HttpClient> BuildAndChangeAsync(ApiFactory api)
    {
        var admin = await api.ClientAsync("org.admin", canActForOthers: true, Roles.Admin);
        await ImportTreeAsync(admin);
        var names = new Dictionary<string, string> { ["zh-CN"] = "甲局党委", ["en"] = "Party committee A" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/groups", new { id = "committee-a", organizationId = "bureau-a", displayNames = names })).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/v1/groups/committee-a/members", new { principal = "secretary.a", lead = true })).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/v1/groups/committee-a/members", new { principal = "secretary.a", lead = true })).Status);
        var grant = await GrantAsync(admin, new { group = "committee-a", role = Roles.Operator, organizationId = "bureau-a" });
        var direct = await GrantAsync(admin, new { principal = "auditor.a", role = Roles.Auditor, organizationId = "bureau-a" });
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/v1/role-grants/{direct}", null,
            ("X-On-Behalf-Of", "director.li"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/v1/organizations/school-b/move", new { parentId = "bureau-a" })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendJsonAsync(HttpMethod.Delete, "/api/v1/groups/committee-a", null)).Status);
        _ = grant;
        return admin;
    }

    [Fact]
    public async Task EveryChange_IsAnEntry_ByTheAuthenticatedPrincipal_AndTheStreamVerifies_OnTheServerAndOffline()
    {
        await BuildAndChangeAsync(api);
        var entries = await AdministrationEntriesAsync(api);
        Assert.Equal([.. Enumerable.Repeat("organization.created", 6), "group.created", "group.memberAdded", "role.granted", "role.granted", "role.revoked",
            "organization.moved", "role.revoked", "group.deleted"], entries.Select(e => e.Kind).ToArray());
        Assert.All(entries, e => Assert.Equal("org.admin", e.Actor));
        var revoked = entries[10];
        Assert.Equal("director.li", revoked.OnBehalfOf);
        Assert.Equal("bureau-a", revoked.Organization);
        Assert.Equal("auditor", revoked.BeforeState);
        Assert.Contains("\"principal\":\"auditor.a\"", revoked.Payload);
        Assert.StartsWith("{\"kind\":\"role.revoked\",", revoked.Payload);
        var moved = entries[11];
        Assert.Equal(("bureau-b", "bureau-a"), (moved.BeforeState, moved.AfterState));
        Assert.Contains("\"secretary.a\"", entries[^1].Payload);

        var auditor = await api.ClientAsync("ledger.auditor", Roles.Auditor);
        var verified = await auditor.GetJsonAsync("/api/v1/audit/streams/administration/verify");
        Assert.True(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.Equal(entries.Count, verified.Json.GetProperty("entries").GetInt64());
        var checkpoint = await auditor.GetJsonAsync("/api/v1/audit/streams/administration/checkpoint");
        Assert.Equal(LedgerStream.Administration, checkpoint.Json.GetProperty("campaignId").GetGuid());
        var checkedPoint = await auditor.PostJsonAsync("/api/v1/audit/checkpoints/verify", checkpoint.Json);
        Assert.True(checkedPoint.Json.GetProperty("intact").GetBoolean(), checkedPoint.Text);

        // The offline verifier takes the stream's export as it takes a campaign's.
        var export = await auditor.GetJsonAsync("/api/v1/audit/streams/administration/export");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        using var key = ECDsa.Create();
        key.ImportFromPem((await auditor.GetJsonAsync("/api/v1/audit/signing-key")).Json.GetProperty("publicKeyPem").GetString());
        var report = ExportVerifier.Verify(export.Json, key);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(entries.Count, report.Entries);

        var names = await auditor.GetJsonAsync("/api/v1/audit/streams/administration/verify", ("Accept-Language", "zh-CN"));
        Assert.Equal(HttpStatusCode.OK, names.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.ClientAsync("ledger.participant", Roles.Participant))
            .GetJsonAsync("/api/v1/audit/streams/administration/verify")).Status);
    }
}

public sealed class AdministrationLedgerOnSqlite(SqliteApiFactory api) : AdministrationLedgerTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class AdministrationLedgerOnPostgres(PostgresApiFactory api) : AdministrationLedgerTests(api), IClassFixture<PostgresApiFactory>;

/// <summary>An administration entry edited in the database (append-only triggers dropped first) is found where it was edited.</summary>
public abstract class AdministrationTamperTests(ApiFactory api, bool postgres)
{
    [Fact]
    public async Task AnEditedEntry_IsFound_ByTheServerAndByTheOfflineVerifier()
    {
        await AdministrationLedgerTests.BuildAndChangeAsync(api);
        var entries = await AdministrationEntriesAsync(api);
        var granted = entries.First(e => e.Kind == "role.granted");
        await api.DbAsync(db => postgres
            ? db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_change ON history; DROP TRIGGER IF EXISTS history_no_truncate ON history;")
            : db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_update; DROP TRIGGER IF EXISTS history_no_delete;"));
        // Someone gives the grant to another role afterwards, in the database, leaving the hashes as they were.
        var rewritten = granted.Payload.Replace("\"role\":\"operator\"", "\"role\":\"admin\"");
        Assert.NotEqual(granted.Payload, rewritten);
        await api.DbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE history SET \"Payload\" = {rewritten} WHERE \"Id\" = {granted.Id}"));

        var auditor = await api.ClientAsync("tamper.auditor", Roles.Auditor);
        var verified = await auditor.GetJsonAsync("/api/v1/audit/streams/administration/verify");
        Assert.False(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
        Assert.Equal(granted.Sequence, verified.Json.GetProperty("firstBadSequence").GetInt64());
        Assert.Equal("entry.altered", verified.Json.GetProperty("problem").GetProperty("code").GetString());
        var export = await auditor.GetJsonAsync("/api/v1/audit/streams/administration/export");
        var report = ExportVerifier.Verify(export.Json, (ECDsa?)null);
        Assert.False(report.Intact);
        Assert.Equal(granted.Sequence, report.FirstBadSequence);
    }
}

public sealed class AdministrationTamperOnSqlite(SqliteApiFactory api) : AdministrationTamperTests(api, postgres: false), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class AdministrationTamperOnPostgres(PostgresApiFactory api) : AdministrationTamperTests(api, postgres: true), IClassFixture<PostgresApiFactory>;
