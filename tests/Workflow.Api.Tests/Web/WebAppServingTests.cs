using System.Net;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Browser;

namespace Workflow.Api.Tests.Web;

/// <summary>
/// How the built web app is served on a real port: its files from the output's app/ folder, index.html
/// for deep links under /app/ only, no key needed for the page; unknown API routes stay problem details.
/// </summary>
public sealed class WebAppServingTests(KestrelApiFactory app) : IClassFixture<KestrelApiFactory>
{
    [Fact]
    public void TheBuildCopiedTheApp_IntoTheOutput()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "app", "index.html")),
            $"{AppContext.BaseDirectory}app/index.html is missing: the API's build should have built src/Workflow.Web and copied dist/ there.");
    }

    [Theory]
    [InlineData("app/")]
    [InlineData("app/some/deep/link")]
    [InlineData("app/campaigns/123")]
    public async Task PagesUnderApp_AreTheApp_WithoutAKey(string path)
    {
        using var client = app.RealClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
        Assert.Contains("/app/assets/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBundle_IsServed_AndAMissingAssetIsA404()
    {
        using var client = app.RealClient();
        var html = await client.GetStringAsync("app/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"/app/(assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        using var bundle = await client.GetAsync("app/" + script);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);

        using var missing = await client.GetAsync("app/assets/missing-0000.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task App_WithoutSlash_Redirects()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl + "/") };
        using var response = await client.GetAsync("app");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("api/v1/nope")]
    [InlineData("api/v1/unknown/deep/path")]
    [InlineData("nope")]
    public async Task UnknownRoutesOutsideApp_AreProblemDetails_NotThePage(string path)
    {
        using var client = app.RealClient(await app.IssueKeyAsync("admin", false, Roles.All));
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<div id=\"root\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRoute_WithoutAKey_IsAProblem_NotThePage()
    {
        using var client = app.RealClient();
        using var response = await client.GetAsync("api/v1/nope");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
