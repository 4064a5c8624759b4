using Workflow.Api.Security;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>Every answer, the web app's page, the API's data and its errors alike, carries the security headers.</summary>
public sealed class SecurityHeadersTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Theory]
    [InlineData("/app/", SecurityHeaders.AppPolicy)]
    [InlineData("/app/campaigns/0f8fad5b-d9cb-469f-a165-70867728950e", SecurityHeaders.AppPolicy)]
    [InlineData("/swagger/index.html", SecurityHeaders.DocumentationPolicy)]
    [InlineData("/swagger/v1/swagger.json", SecurityHeaders.DocumentationPolicy)]
    [InlineData("/api/v1/campaigns", SecurityHeaders.DataPolicy)]
    [InlineData("/api/v1/no-such-thing", SecurityHeaders.DataPolicy)]
    [InlineData("/health/live", SecurityHeaders.DataPolicy)]
    public async Task EveryAnswer_CarriesTheHeaders(string path, string policy)
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Equal(policy, csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        // Scripts only from the server itself: never inline, wherever they run.
        var scripts = csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("'unsafe-inline'", scripts ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppsPage_HasNoInlineScript_SoItsPolicyCanForbidOne()
    {
        using var client = api.CreateClient();
        var html = await client.GetStringAsync("/app/");
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attributes>[^>]*)>(?<body>.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.True(s.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal) && s.Groups["body"].Value.Trim().Length == 0, s.Value));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header.");
}
