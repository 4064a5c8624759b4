using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>The app on Kestrel with the test OpenID Connect provider (tools/oidc-provider) as its sign-in, and the browser.</summary>
public sealed class OidcBrowserFixture : IAsyncLifetime
{
    public KestrelApiFactory App { get; } = new();

    public Chromium Chromium { get; } = new();

    public async Task InitializeAsync()
    {
        foreach (var (key, value) in OidcTestProvider.ApiSettings()) App.Settings[key] = value;
        await App.InitializeAsync();
        await Chromium.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await App.DisposeAsync();
    }
}

/// <summary>
/// A person signs in through the real provider's login page (authorization code with PKCE), in Chinese, and lands in the
/// app signed in under the provider's name for them; signing out ends the provider's session too, so the next sign-in
/// asks for the password again.
/// </summary>
public sealed partial class OidcSignInBrowserTests(OidcBrowserFixture fixture) : IClassFixture<OidcBrowserFixture>
{
    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task APersonSignsInAtTheProvider_InChinese_LandsSignedIn_AndSigningOutEndsTheSession()
    {
        var app = fixture.App;
        await fixture.Chromium.OnPageAsync(nameof(APersonSignsInAtTheProvider_InChinese_LandsSignedIn_AndSigningOutEndsTheSession), "zh-CN", async page =>
        {
            await page.GotoAsync(app.BaseUrl + "/app/");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("登录"))).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, Named("使用单位统一身份账号登录")).ClickAsync();

            // The provider's own login page, on its own origin.
            await page.WaitForURLAsync(new Regex("^" + Regex.Escape(OidcTestProvider.Issuer) + "/interaction/"));
            await page.Locator("input[name=login]").FillAsync("zhang.wei");
            await page.Locator("input[name=password]").FillAsync("任意密码");
            await page.GetByRole(AriaRole.Button, Named("Sign-in")).ClickAsync();

            // Back in the app: signed in under the provider's name, the callback address gone.
            await Assertions.Expect(page.GetByTestId("signed-in-as").First).ToHaveTextAsync("当前用户：张伟", new() { Timeout = 20_000 });
            Assert.DoesNotContain("/signin", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("活动模板"))).ToBeVisibleAsync();
            var stored = await page.EvaluateAsync<string>("() => sessionStorage.getItem('workflow.credential') ?? ''");
            Assert.Contains("\"kind\":\"oidc\"", stored, StringComparison.Ordinal);
            Assert.Equal("", await page.EvaluateAsync<string>("() => localStorage.getItem('workflow.credential') ?? ''"));

            // Signing out: the provider asks to confirm, then sends the browser back to the app's sign-in page.
            await page.GetByRole(AriaRole.Button, Named("退出")).First.ClickAsync();
            await page.GetByRole(AriaRole.Button, Named("Yes, sign me out")).ClickAsync();
            await page.WaitForURLAsync(new Regex("^" + Regex.Escape(app.BaseUrl) + "/app/signin"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("登录"))).ToBeVisibleAsync();
            Assert.Equal("", await page.EvaluateAsync<string>("() => sessionStorage.getItem('workflow.credential') ?? ''"));

            // Refused now: the app does not sign in again by itself, and the provider asks for the password again.
            await page.GotoAsync(app.BaseUrl + "/app/");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("登录"))).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, Named("使用单位统一身份账号登录")).ClickAsync();
            await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        });
    }
}
