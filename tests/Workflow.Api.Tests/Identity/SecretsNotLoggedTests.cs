using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Identity;

/// <summary>
/// Keys, tokens and passwords never reach the log: the hosts log at every level (Trace) into a capture while people
/// sign in, keys are used, rotated and refused and a password is wrong, and none of the secrets is in what was logged.
/// </summary>
public sealed class SecretsNotLoggedTests
{
    private sealed class LoggedOidcFactory : OidcApiFactory
    {
        public CapturedLog Log { get; } = new();

        public LoggedOidcFactory() => Settings["Logging:LogLevel:Default"] = "Trace";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Log).SetMinimumLevel(LogLevel.Trace));
        }
    }

    private sealed class LoggedLocalFactory : LocalAccountsFactory
    {
        public CapturedLog Log { get; } = new();

        public LoggedLocalFactory()
        {
            Settings["Logging:LogLevel:Default"] = "Trace";
            Settings["Logging:LogLevel:Microsoft"] = "Trace";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Log).SetMinimumLevel(LogLevel.Trace));
        }
    }

    [Fact]
    public async Task TokensAndKeys_InUseRotationAndRefusal_AreNeverLogged()
    {
        await using var api = new LoggedOidcFactory();
        await api.InitializeAsync();
        var secrets = new List<string>();

        var token = await OidcTestProvider.ClientCredentialsTokenAsync();
        var bearer = api.Client(null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetJsonAsync("/api/v1/me")).Status);
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        var refused = api.Client(null);
        refused.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, (await refused.GetJsonAsync("/api/v1/me")).Status);
        secrets.AddRange([token.Split('.')[2], tampered.Split('.')[2]]);

        var admin = await api.AdminAsync();
        var created = await admin.PostJsonAsync("/api/v1/keys", new { principal = "svc-logged", owner = "wang.fang", roles = new[] { "operator" } });
        var key = created.Json.GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key).GetJsonAsync("/api/v1/campaigns")).Status);
        var rotated = await admin.PostJsonAsync($"/api/v1/keys/{created.Json.GetProperty("details").GetProperty("id").GetString()}/rotate", new { graceSeconds = 0 });
        var newKey = rotated.Json.GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.Client(newKey).GetJsonAsync("/api/v1/campaigns")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(key).GetJsonAsync("/api/v1/campaigns")).Status);
        secrets.AddRange([Secret(key), Secret(newKey)]);

        AssertNoneLogged(api.Log, secrets);
    }

    [Fact]
    public async Task PasswordsAndSessionTokens_InSignInSignOutAndAFailedSignIn_AreNeverLogged()
    {
        await using var api = new LoggedLocalFactory();
        await api.InitializeAsync();
        var password = api.AdminPassword;
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostJsonAsync("/api/v1/session", new { userName = "admin", password = "Wrong-Guess-7731" })).Status);
        var signedIn = await api.CreateClient().PostJsonAsync("/api/v1/session", new { userName = "admin", password });
        var token = signedIn.Json.GetProperty("token").GetString()!;
        var session = api.Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await session.GetJsonAsync("/api/v1/me")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await session.SendAsync(HttpMethod.Delete, "/api/v1/session", null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetJsonAsync("/api/v1/me")).Status);

        AssertNoneLogged(api.Log, [password, "Wrong-Guess-7731", Secret(token)]);
    }

    private static string Secret(string key) => key.Split('_', 3)[2];

    private static void AssertNoneLogged(CapturedLog log, IEnumerable<string> secrets)
    {
        // The capture worked: requests were logged at all.
        Assert.True(log.Count > 20, $"only {log.Count} entries were captured");
        var text = log.Text;
        foreach (var secret in secrets) Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..4]}…) is in the log");
    }
}
