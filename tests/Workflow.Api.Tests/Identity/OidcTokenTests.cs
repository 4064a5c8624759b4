using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Identity;

/// <summary>
/// JWT access tokens from a real OpenID Connect provider (tools/oidc-provider, started on loopback): accepted and mapped
/// to principal, name, roles, groups and organization; refused with a 401 problem when meant for another audience,
/// expired or altered. API keys keep working beside them.
/// </summary>
public sealed class OidcTokenTests(OidcApiFactory api) : IClassFixture<OidcApiFactory>
{
    private HttpClient Bearer(string token)
    {
        var client = api.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task AServiceToken_IsAccepted_AndItsClaimsMapToPrincipalGroupsAndOrganization()
    {
        var client = Bearer(await OidcTestProvider.ClientCredentialsTokenAsync());
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.True(me.Status == HttpStatusCode.OK, me.Text);
        Assert.Equal("workflow-service", me.Json.GetProperty("principal").GetString());
        Assert.Equal("oidc", me.Json.GetProperty("signInMethod").GetString());
        Assert.Equal(["integrations"], Strings(me.Json.GetProperty("groups")));
        Assert.Equal("bureau-a", me.Json.GetProperty("organization").GetString());
        Assert.Equal(["operator"], Strings(me.Json.GetProperty("roles")));
        Assert.True(me.Json.GetProperty("permissions").GetProperty("startCampaigns").GetBoolean());
        Assert.False(me.Json.GetProperty("permissions").GetProperty("manageKeys").GetBoolean());

        var started = await client.PostJsonAsync("/api/v1/campaigns", SeedData.NewCampaign());
        Assert.True(started.Status == HttpStatusCode.Created, started.Text);
        var history = await (await api.AdminAsync()).GetJsonAsync($"/api/v1/campaigns/{started.Json.GetProperty("id").GetString()}/history");
        Assert.Contains("\"workflow-service\"", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonsToken_FromTheLoginForm_MapsNameGroupsOrganizationAndRoles()
    {
        var me = await Bearer(await OidcTestProvider.UserTokenAsync("zhang.wei")).GetJsonAsync("/api/v1/me");
        Assert.True(me.Status == HttpStatusCode.OK, me.Text);
        Assert.Equal(("zhang.wei", "张伟", "bureau-a"),
            (me.Json.GetProperty("principal").GetString(), me.Json.GetProperty("name").GetString(), me.Json.GetProperty("organization").GetString()));
        Assert.Equal(["campaign-office", "party-committee"], Strings(me.Json.GetProperty("groups")).Order());
        Assert.Equal(["operator"], Strings(me.Json.GetProperty("roles")));

        // Someone the provider knows nothing more about signs in, and gets no roles: reads are refused by role.
        var stranger = Bearer(await OidcTestProvider.UserTokenAsync("stranger"));
        var strangerMe = await stranger.GetJsonAsync("/api/v1/me");
        Assert.Equal(("stranger", 0), (strangerMe.Json.GetProperty("principal").GetString(), strangerMe.Json.GetProperty("roles").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostJsonAsync("/api/v1/campaigns", SeedData.NewCampaign())).Status);
    }

    [Fact]
    public async Task ATokenForAnotherAudience_IsRefused()
    {
        var token = await OidcTestProvider.ClientCredentialsTokenAsync(resource: OidcTestProvider.OtherAudience);
        Assert.Equal(OidcTestProvider.OtherAudience, Payload(token).GetProperty("aud").GetString());
        await RefusedAsync(token);
    }

    [Fact]
    public async Task AnExpiredToken_IsRefused()
    {
        var token = await OidcTestProvider.ClientCredentialsTokenAsync(OidcTestProvider.ShortClient, OidcTestProvider.ShortSecret);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(token).GetJsonAsync("/api/v1/me")).Status);
        var expires = DateTimeOffset.FromUnixTimeSeconds(Payload(token).GetProperty("exp").GetInt64());
        var wait = expires - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(1100);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await RefusedAsync(token);
    }

    [Fact]
    public async Task ATokenWithAnAlteredSignatureOrPayload_IsRefused()
    {
        var token = await OidcTestProvider.ClientCredentialsTokenAsync();
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        await RefusedAsync($"{parts[0]}.{parts[1]}.{new string(signature)}");

        // The payload made an admin's, with the original signature.
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        payload["roles"] = JsonSerializer.SerializeToElement(new[] { "admin" });
        await RefusedAsync($"{parts[0]}.{Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}");
    }

    [Fact]
    public async Task ApiKeys_KeepWorkingBesideTheProvider_AndTheSignInOptionsNameIt()
    {
        var key = await api.IssueKeyAsync("integrator", false, Roles.Operator);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key).GetJsonAsync("/api/v1/campaigns")).Status);
        var me = await Bearer(key).GetJsonAsync("/api/v1/me");
        Assert.Equal(("integrator", "apiKey"), (me.Json.GetProperty("principal").GetString(), me.Json.GetProperty("signInMethod").GetString()));

        var options = await api.CreateClient().GetJsonAsync("/api/v1/sign-in");
        Assert.True(options.Status == HttpStatusCode.OK, options.Text);
        var oidc = options.Json.GetProperty("oidc");
        Assert.Equal((OidcTestProvider.Issuer, OidcTestProvider.WebClient, "openid profile api"),
            (oidc.GetProperty("authority").GetString(), oidc.GetProperty("clientId").GetString(), oidc.GetProperty("scopes").GetString()));
        Assert.False(options.Json.GetProperty("localAccounts").GetBoolean());
        await Problems.RefusedAsync(h => api.CreateClient().PostJsonAsync("/api/v1/session", new { userName = "admin", password = "x" }, h),
            HttpStatusCode.NotFound, "auth.local_accounts_disabled", "OpenID Connect", "OpenID Connect");
    }

    private Task RefusedAsync(string token) =>
        Problems.RefusedAsync(h => Bearer(token).GetJsonAsync("/api/v1/campaigns", h), HttpStatusCode.Unauthorized, "auth.token_invalid", "access token", "访问令牌");

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static JsonElement Payload(string token) => JsonDocument.Parse(Base64UrlDecode(token.Split('.')[1])).RootElement;

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
