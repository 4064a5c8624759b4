using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Identity;

/// <summary>The embedded default on SQLite with no provider: local accounts, with the first start's admin.</summary>
public class LocalAccountsFactory : ApiFactory
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "campaigns.db")};Pooling=True";

    /// <summary>The admin's first password, as the first start wrote it into the data folder.</summary>
    public string AdminPassword => File.ReadAllText(Path.Combine(DataFolder, AdminAccountBootstrap.PasswordFile)).Trim();

    public HttpClient Bearer(string token)
    {
        var client = Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>The same, with a low limit on failed sign-ins, for the throttle's test alone (the limit is per address).</summary>
public sealed class ThrottledLocalAccountsFactory : LocalAccountsFactory
{
    public ThrottledLocalAccountsFactory() => Settings["RateLimits:FailedSignInsPerMinute"] = "3";
}

/// <summary>
/// Local accounts: the first start makes the admin (its password in a 0600 file of the data folder, hashed in the database
/// by ASP.NET Core Identity's hasher); signing in gives a session token, signing out ends it at once; wrong passwords are 401s.
/// </summary>
public sealed class LocalAccountTests(LocalAccountsFactory api) : IClassFixture<LocalAccountsFactory>
{
    private static object Credentials(string userName, string password) => new { userName, password };

    [Fact]
    public async Task TheFirstStartsAdmin_SignsIn_AndSigningOutEndsTheSessionAtOnce()
    {
        var file = Path.Combine(api.DataFolder, AdminAccountBootstrap.PasswordFile);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var password = api.AdminPassword;
        var stored = await api.DbAsync(db => db.LocalUsers.AsNoTracking().SingleAsync());
        Assert.Equal("admin", stored.UserName);
        Assert.DoesNotContain(password, stored.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", stored.PasswordHash, StringComparison.Ordinal); // Identity's V3 format: PBKDF2 with its salt

        var options = await api.CreateClient().GetJsonAsync("/api/v1/sign-in");
        Assert.Equal(("Null", true), (options.Json.GetProperty("oidc").ValueKind.ToString(), options.Json.GetProperty("localAccounts").GetBoolean()));

        var signedIn = await api.CreateClient().PostJsonAsync("/api/v1/session", Credentials("admin", password));
        Assert.True(signedIn.Status == HttpStatusCode.Created, signedIn.Text);
        var token = signedIn.Json.GetProperty("token").GetString()!;
        Assert.StartsWith("cws_", token, StringComparison.Ordinal);
        var session = api.Bearer(token);
        var me = await session.GetJsonAsync("/api/v1/me");
        Assert.Equal(("admin", "Administrator", "local"),
            (me.Json.GetProperty("principal").GetString(), me.Json.GetProperty("name").GetString(), me.Json.GetProperty("signInMethod").GetString()));
        Assert.True(me.Json.GetProperty("permissions").GetProperty("manageKeys").GetBoolean());

        // A session is not a service account's key: the key list does not show it.
        var keys = await session.GetJsonAsync("/api/v1/keys");
        Assert.DoesNotContain(keys.Json.EnumerateArray(), k => token.Contains(k.GetProperty("prefix").GetString()!, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await session.SendAsync(HttpMethod.Delete, "/api/v1/session", null)).Status);
        var refused = await session.GetJsonAsync("/api/v1/me");
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.key_invalid"), (refused.Status, refused.ProblemCode));
    }

    [Fact]
    public async Task AWrongPasswordOrUnknownUser_IsA401_AndNoSessionIsMade()
    {
        var before = await api.DbAsync(db => db.ApiKeys.CountAsync());
        await Problems.RefusedAsync(h => api.CreateClient().PostJsonAsync("/api/v1/session", Credentials("admin", "not the password"), h),
            HttpStatusCode.Unauthorized, "auth.sign_in_failed", "password is wrong", "密码错误");
        await Problems.RefusedAsync(h => api.CreateClient().PostJsonAsync("/api/v1/session", Credentials("nobody", "x"), h),
            HttpStatusCode.Unauthorized, "auth.sign_in_failed", "password is wrong", "密码错误");
        await Problems.RefusedAsync(h => api.CreateClient().PostJsonAsync("/api/v1/session", new { userName = "admin" }, h),
            HttpStatusCode.BadRequest, "request.field_required", "password", "password");
        Assert.Equal(before, await api.DbAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task SigningOutWithAnApiKey_IsRefused_AndTheKeyKeepsWorking()
    {
        var client = await api.ClientAsync("integrator", Roles.Operator);
        await Problems.RefusedAsync(h => client.SendAsync(HttpMethod.Delete, "/api/v1/session", null, h),
            HttpStatusCode.BadRequest, "auth.session_required", "/api/v1/keys", "/api/v1/keys");
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/v1/campaigns")).Status);
    }
}

/// <summary>Failed sign-ins count against the same per-address throttle as refused keys; past it not even the right password is checked.</summary>
public sealed class LocalSignInThrottleTests(ThrottledLocalAccountsFactory api) : IClassFixture<ThrottledLocalAccountsFactory>
{
    [Fact]
    public async Task PastTheLimit_WrongAndRightPasswordsAlikeGet429WithRetryAfter()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostJsonAsync("/api/v1/session", new { userName = "admin", password = $"guess {i}" })).Status);
        var throttled = await api.CreateClient().PostJsonAsync("/api/v1/session", new { userName = "admin", password = "guess 4" });
        Problems.Assert(throttled, HttpStatusCode.TooManyRequests, "auth.too_many_failures", "wait");
        Assert.NotNull(throttled.Header("Retry-After"));
        var right = await api.CreateClient().PostJsonAsync("/api/v1/session", new { userName = "admin", password = api.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
    }
}
