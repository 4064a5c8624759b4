using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Timers;

namespace Workflow.Api.Tests.Identity;

/// <summary>
/// Service accounts' keys over REST: issued with an owner and an expiry, their last use kept to the minute, rotated with a
/// grace or at once, revoked; expired and revoked keys stop at once on this server, cached or not.
/// </summary>
public abstract class ServiceAccountKeyTests(TimerApiFactory api)
{
    private async Task<(string Key, JsonElement Details)> CreateAsync(HttpClient admin, object body)
    {
        var created = await admin.PostJsonAsync("/api/v1/keys", body);
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        return (created.Json.GetProperty("key").GetString()!, created.Json.GetProperty("details"));
    }

    private static async Task<HttpStatusCode> UseAsync(HttpClient client) => (await client.GetJsonAsync("/api/v1/campaigns")).Status;

    [Fact]
    public async Task AKeyWithAnExpiry_WorksUntilThen_AndNotAMomentLonger_EvenCached()
    {
        var admin = await api.AdminAsync();
        var expires = api.Clock.GetUtcNow().AddHours(1);
        var (key, details) = await CreateAsync(admin, new { principal = "svc-reports", owner = "wang.fang", roles = new[] { "auditor" }, expiresAt = expires });
        Assert.Equal(("svc-reports", "wang.fang", "active"), (details.GetProperty("principal").GetString(), details.GetProperty("owner").GetString(), details.GetProperty("state").GetString()));
        Assert.DoesNotContain(key.Split('_')[2], details.GetRawText(), StringComparison.Ordinal);

        var client = api.Client(key);
        Assert.Equal(HttpStatusCode.OK, await UseAsync(client));
        api.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, await UseAsync(client)); // cached now, for five seconds
        api.Clock.Advance(TimeSpan.FromSeconds(2));
        var refused = await client.GetJsonAsync("/api/v1/campaigns");
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.key_invalid"), (refused.Status, refused.ProblemCode));

        var listed = (await admin.GetJsonAsync("/api/v1/keys")).Json.EnumerateArray().Single(k => k.GetProperty("id").GetString() == details.GetProperty("id").GetString());
        Assert.Equal("expired", listed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task TheLastUsedTime_IsWrittenAtMostOnceAMinute()
    {
        var admin = await api.AdminAsync();
        var (key, details) = await CreateAsync(admin, new { principal = "svc-sync", owner = "wang.fang", roles = new[] { "operator" } });
        var id = Guid.Parse(details.GetProperty("id").GetString()!);
        Assert.Equal(JsonValueKind.Null, details.GetProperty("lastUsedAt").ValueKind);
        async Task<DateTime?> LastUsed() => await api.DbAsync(db => db.ApiKeys.AsNoTracking().Where(k => k.Id == id).Select(k => k.LastUsedAt).SingleAsync());

        var client = api.Client(key);
        var first = api.Clock.GetUtcNow().UtcDateTime;
        await UseAsync(client);
        Assert.Equal(first, await LastUsed());
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        await UseAsync(client);
        Assert.Equal(first, await LastUsed());
        api.Clock.Advance(TimeSpan.FromSeconds(31));
        await UseAsync(client);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, await LastUsed());
    }

    [Fact]
    public async Task ARotation_GivesANewSecret_AndTheOldOneStopsAfterTheGrace_OrAtOnce()
    {
        var admin = await api.AdminAsync();
        var (old, details) = await CreateAsync(admin, new { principal = "svc-rotating", owner = "wang.fang", roles = new[] { "operator" } });
        var oldClient = api.Client(old);
        Assert.Equal(HttpStatusCode.OK, await UseAsync(oldClient));

        var rotated = await admin.PostJsonAsync($"/api/v1/keys/{details.GetProperty("id").GetString()}/rotate", new { graceSeconds = 60 });
        Assert.True(rotated.Status == HttpStatusCode.Created, rotated.Text);
        var fresh = rotated.Json.GetProperty("key").GetString()!;
        Assert.NotEqual(old, fresh);
        Assert.Equal(("svc-rotating", "wang.fang"), (rotated.Json.GetProperty("details").GetProperty("principal").GetString(), rotated.Json.GetProperty("details").GetProperty("owner").GetString()));
        Assert.Equal(HttpStatusCode.OK, await UseAsync(api.Client(fresh)));
        api.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, await UseAsync(oldClient));
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await UseAsync(oldClient));
        Assert.Equal(HttpStatusCode.OK, await UseAsync(api.Client(fresh)));

        // With no grace the secret just used (and cached) stops at once.
        var again = await admin.PostJsonAsync($"/api/v1/keys/{rotated.Json.GetProperty("details").GetProperty("id").GetString()}/rotate", new { graceSeconds = 0 });
        Assert.Equal(HttpStatusCode.Unauthorized, await UseAsync(api.Client(fresh)));
        Assert.Equal(HttpStatusCode.OK, await UseAsync(api.Client(again.Json.GetProperty("key").GetString())));
    }

    [Fact]
    public async Task ARevokedKey_IsRefusedAtOnce_ThoughItWasJustCached()
    {
        var admin = await api.AdminAsync();
        var (key, details) = await CreateAsync(admin, new { principal = "svc-leaver", owner = "wang.fang", roles = new[] { "operator" } });
        var client = api.Client(key);
        Assert.Equal(HttpStatusCode.OK, await UseAsync(client));

        var revoked = await admin.PostJsonAsync($"/api/v1/keys/{details.GetProperty("id").GetString()}/revoke", new { });
        Assert.True(revoked.Status == HttpStatusCode.OK, revoked.Text);
        Assert.Equal("revoked", revoked.Json.GetProperty("state").GetString());
        var refused = await client.GetJsonAsync("/api/v1/campaigns");
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.key_invalid"), (refused.Status, refused.ProblemCode));
    }

    [Fact]
    public async Task BadRequests_AreProblems_AndWriteNothing()
    {
        var admin = await api.AdminAsync();
        var before = await api.DbAsync(db => db.ApiKeys.CountAsync());
        await Problems.RefusedAsync(h => admin.PostJsonAsync("/api/v1/keys", new { principal = "svc", roles = new[] { "operator" } }, h),
            HttpStatusCode.BadRequest, "request.field_required", "owner", "owner");
        await Problems.RefusedAsync(h => admin.PostJsonAsync("/api/v1/keys", new { principal = "svc", owner = "o", roles = new[] { "root" } }, h),
            HttpStatusCode.BadRequest, "key.roles_invalid", "admin, operator", "admin, operator");
        await Problems.RefusedAsync(h => admin.PostJsonAsync("/api/v1/keys", new { principal = "svc", owner = "o", roles = new[] { "operator" }, expiresAt = api.Clock.GetUtcNow().AddMinutes(-1) }, h),
            HttpStatusCode.BadRequest, "key.expiry_in_past", "already passed", "已经过去");
        var unknown = Guid.NewGuid();
        await Problems.RefusedAsync(h => admin.PostJsonAsync($"/api/v1/keys/{unknown}/revoke", new { }, h), HttpStatusCode.NotFound, "key.not_found", unknown.ToString(), unknown.ToString());
        var (_, details) = await CreateAsync(admin, new { principal = "svc-x", owner = "o", roles = new[] { "operator" } });
        before++;
        await Problems.RefusedAsync(h => admin.PostJsonAsync($"/api/v1/keys/{details.GetProperty("id").GetString()}/rotate", new { graceSeconds = -1 }, h),
            HttpStatusCode.BadRequest, "request.value_invalid", "graceSeconds", "graceSeconds");
        Assert.Equal(before, await api.DbAsync(db => db.ApiKeys.CountAsync()));

        var operatorClient = await api.ClientAsync("someone", Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetJsonAsync("/api/v1/keys")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostJsonAsync("/api/v1/keys", new { principal = "svc", owner = "o", roles = new[] { "admin" } })).Status);
    }
}

public sealed class ServiceAccountKeysOnSqlite(TimerSqliteFactory api) : ServiceAccountKeyTests(api), IClassFixture<TimerSqliteFactory>;

[Trait("Database", "PostgreSql")]
public sealed class ServiceAccountKeysOnPostgres(TimerPostgresFactory api) : ServiceAccountKeyTests(api), IClassFixture<TimerPostgresFactory>;
