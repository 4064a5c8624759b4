using System.Net;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Timers;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Identity;

/// <summary>
/// A key that authenticated is kept for Identity:KeyCacheSeconds (5): a revocation in the database holds on every server
/// within that time, never later, and a wrong secret for a cached key's prefix is refused at once.
/// </summary>
public abstract class ApiKeyCacheTests(TimerApiFactory api)
{
    [Fact]
    public async Task ARevokedKey_IsRefusedOnceTheCachedHolderExpires_AndNothingIsWritten()
    {
        var key = await api.IssueKeyAsync("leaver", false, Roles.Operator);
        var client = api.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/v1/campaigns")).Status);
        await api.DbAsync(db => db.ApiKeys.Where(k => k.Principal == "leaver").ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow)));

        // Within the cache's five seconds the holder is still known.
        api.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/v1/campaigns")).Status);

        api.Clock.Advance(TimeSpan.FromSeconds(2));
        var before = await DbState.ReadAsync(api);
        await Problems.RefusedAsync(h => client.PostJsonAsync("/api/v1/campaigns", NewCampaign(), h),
            HttpStatusCode.Unauthorized, "auth.key_invalid", "API key", "API 密钥");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task AWrongSecretWithACachedKeysPrefix_IsRefusedAtOnce()
    {
        var key = await api.IssueKeyAsync("holder", false, Roles.Operator);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key).GetJsonAsync("/api/v1/campaigns")).Status);
        Assert.True(ApiKeySecrets.TryParse(key, out var prefix, out var secret));
        var forged = $"cwk_{prefix}_{(secret[0] == 'A' ? 'B' : 'A')}{secret[1..]}";

        var refused = await api.Client(forged).GetJsonAsync("/api/v1/campaigns");
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.key_invalid"), (refused.Status, refused.ProblemCode));
    }
}

public sealed class ApiKeyCacheOnSqlite(TimerSqliteFactory api) : ApiKeyCacheTests(api), IClassFixture<TimerSqliteFactory>;

[Trait("Database", "PostgreSql")]
public sealed class ApiKeyCacheOnPostgres(TimerPostgresFactory api) : ApiKeyCacheTests(api), IClassFixture<TimerPostgresFactory>;
