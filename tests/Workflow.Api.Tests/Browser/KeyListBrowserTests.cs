using System.Net;
using Microsoft.Playwright;
using Workflow.Api.Identity;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The key list in the web app, as an admin uses it: a key issued shows its secret once and works; a rotation gives a
/// new secret that works while the old one stops (no grace chosen); a revocation stops the key at once.
/// </summary>
public sealed class KeyListBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions In(string name) => new() { Name = name, Exact = true };

    private async Task<HttpStatusCode> UseAsync(string key)
    {
        using var client = App.RealClient(key);
        return (await client.GetAsync("api/v1/campaigns")).StatusCode;
    }

    [Fact]
    public async Task AnAdmin_IssuesAKey_RotatesIt_AndRevokesIt()
    {
        var admin = await App.IssueKeyAsync("key-admin", false, Roles.All);
        await fixture.Chromium.OnPageAsync(nameof(AnAdmin_IssuesAKey_RotatesIt_AndRevokesIt), "zh-CN", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/keys", admin, "API 密钥", "登录");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("服务账户 API 密钥"))).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, Named("签发密钥")).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("服务账户").FillAsync("svc-statistics");
            await dialog.GetByLabel("负责人（对该密钥负责的人）").FillAsync("王芳");
            await dialog.GetByLabel("角色").ClickAsync();
            await page.Locator(".ant-select-item-option", new() { HasText = "operator" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, In("签发")).ClickAsync();

            // The secret, once.
            var issued = page.GetByTestId("issued-key");
            await Assertions.Expect(issued).ToContainTextAsync("cwk_");
            var first = (await issued.Locator("code").TextContentAsync())!.Trim();
            Assert.Equal(HttpStatusCode.OK, await UseAsync(first));
            await page.GetByRole(AriaRole.Button, Named("我已复制")).ClickAsync();
            await Assertions.Expect(issued).ToHaveCountAsync(0);
            Assert.DoesNotContain(first, await page.ContentAsync(), StringComparison.Ordinal);

            var row = page.GetByTestId("key-row").Filter(new() { HasText = "svc-statistics" });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row.GetByTestId("key-state")).ToHaveTextAsync("有效");
            await Assertions.Expect(row).ToContainTextAsync("王芳");

            // Rotate, stopping the old secret at once.
            await row.GetByRole(AriaRole.Button, In("轮换")).ClickAsync();
            var rotateDialog = page.GetByRole(AriaRole.Dialog);
            await rotateDialog.GetByText("立即停用").ClickAsync();
            await rotateDialog.GetByRole(AriaRole.Button, In("轮换")).ClickAsync();
            await Assertions.Expect(issued).ToContainTextAsync("cwk_");
            var second = (await issued.Locator("code").TextContentAsync())!.Trim();
            Assert.NotEqual(first, second);
            await page.GetByRole(AriaRole.Button, Named("我已复制")).ClickAsync();
            Assert.Equal(HttpStatusCode.Unauthorized, await UseAsync(first));
            Assert.Equal(HttpStatusCode.OK, await UseAsync(second));

            var rows = page.GetByTestId("key-row").Filter(new() { HasText = "svc-statistics" });
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            var active = rows.Filter(new() { Has = page.GetByTestId("key-state").GetByText("有效", new() { Exact = true }) });
            await Assertions.Expect(active).ToHaveCountAsync(1);

            // Revoke the new one.
            await active.GetByRole(AriaRole.Button, In("吊销")).ClickAsync();
            await page.Locator(".ant-popconfirm").GetByRole(AriaRole.Button, In("吊销")).ClickAsync();
            await Assertions.Expect(rows.GetByTestId("key-state").GetByText("已吊销", new() { Exact = true })).ToHaveCountAsync(2);
            Assert.Equal(HttpStatusCode.Unauthorized, await UseAsync(second));
        });
    }
}
