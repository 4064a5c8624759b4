using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The real OpenID Connect provider of tools/oidc-provider (node-oidc-provider). test.sh starts it and exports its issuer as
/// WORKFLOW_TEST_OIDC; without it (a local run) the first test that needs it starts one for the whole run — except on CI,
/// where its absence is a failure: test.sh must have started it.
/// </summary>
public static partial class OidcTestProvider
{
    public const string Variable = "WORKFLOW_TEST_OIDC";
    public const string Audience = "urn:campaign-workflow:api";
    public const string OtherAudience = "urn:another-service:api";
    public const string WebClient = "workflow-web";
    public const string ServiceClient = "workflow-service";
    public const string ServiceSecret = "service-secret";
    public const string ShortClient = "workflow-short";
    public const string ShortSecret = "short-secret";
    public const string WebRedirect = "http://127.0.0.1/app/signin/callback";

    private static readonly Lazy<string> IssuerValue = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Issuer => IssuerValue.Value;

    /// <summary>The API's settings for this provider.</summary>
    public static Dictionary<string, string?> ApiSettings() => new()
    {
        ["Identity:Oidc:Authority"] = Issuer, ["Identity:Oidc:Audience"] = Audience, ["Identity:Oidc:ClientId"] = WebClient,
        ["Identity:Oidc:Scopes"] = "openid profile api", ["Identity:Oidc:ClockSkewSeconds"] = "0",
    };

    /// <summary>A service token by client credentials, for the API's audience or another.</summary>
    public static async Task<string> ClientCredentialsTokenAsync(string client = ServiceClient, string secret = ServiceSecret, string resource = Audience)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Issuer + "/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api", ["resource"] = resource }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client}:{secret}")));
        return await AccessTokenOf(await http.SendAsync(request));
    }

    /// <summary>
    /// A person's access token by the authorization code flow with PKCE, with the provider's own login form filled in by
    /// HTTP as a browser would (devInteractions takes any password).
    /// </summary>
    public static async Task<string> UserTokenAsync(string login, string password = "any password")
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(Issuer) };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = new Dictionary<string, string>
        {
            ["client_id"] = WebClient, ["response_type"] = "code", ["redirect_uri"] = WebRedirect, ["scope"] = "openid profile api",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "s", ["resource"] = Audience,
        };
        var location = "/auth?" + await new FormUrlEncodedContent(query).ReadAsStringAsync();
        string? code = null;
        for (var hop = 0; hop < 10 && code is null; hop++)
        {
            using var response = await http.GetAsync(location);
            if (response.StatusCode is HttpStatusCode.OK)
            {
                var page = await response.Content.ReadAsStringAsync();
                var action = WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value);
                Assert.True(page.Contains("name=\"login\"", StringComparison.Ordinal), page);
                using var posted = await http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["prompt"] = "login", ["login"] = login, ["password"] = password,
                }));
                location = posted.Headers.Location!.ToString();
                continue;
            }
            Assert.True((int)response.StatusCode is >= 300 and < 400, $"{response.StatusCode} at {location}");
            location = response.Headers.Location!.ToString();
            if (location.StartsWith(WebRedirect, StringComparison.Ordinal))
                code = System.Web.HttpUtility.ParseQueryString(new Uri(location).Query)["code"];
        }
        Assert.NotNull(code);
        using var token = await http.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = WebRedirect, ["client_id"] = WebClient,
            ["code_verifier"] = verifier, ["resource"] = Audience,
        }));
        return await AccessTokenOf(token);
    }

    private static async Task<string> AccessTokenOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } issuer) return issuer.TrimEnd('/');
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"{Variable} is not set: on CI, test.sh starts the OpenID Connect provider (tools/oidc-provider) and sets it.");
        var folder = RepositoryFiles.PathOf("tools", "oidc-provider");
        if (!Directory.Exists(Path.Combine(folder, "node_modules"))) Run(folder, "npm", "ci --no-audit --no-fund --loglevel=error");
        var process = Process.Start(new ProcessStartInfo("node", "server.mjs")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment = { ["PORT"] = "0" },
        })!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { process.Kill(); } catch (InvalidOperationException) { } };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result is not { } line || !line.StartsWith("ready ", StringComparison.Ordinal))
            throw new InvalidOperationException("tools/oidc-provider did not start (no 'ready' line within 30 s).");
        _ = process.StandardOutput.ReadToEndAsync();
        return line["ready ".Length..].Trim();
    }

    private static void Run(string folder, string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {arguments} failed in {folder}.");
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
