using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Identity;

/// <summary>
/// The embedded default's first start: the real app, run as a process on a fresh SQLite folder,
/// prints an admin key once; the key works, and a second start prints nothing and keeps it.
/// </summary>
public sealed partial class FirstStartTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("campaign-first-start-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheFirstStartPrintsAnAdminKeyOnce_AndItWorks_OnTheRealServer()
    {
        string key;
        await using (var first = await StartAsync(_folder))
        {
            // The local admin's password: printed once, and in a file of the data folder only its owner reads.
            var password = Assert.Single(AdminPasswordLine().Matches(first.Output)).Groups["password"].Value;
            var file = Path.Combine(_folder, AdminAccountBootstrap.PasswordFile);
            Assert.Equal(password, File.ReadAllText(file).Trim());
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            using (var signIn = new HttpClient { BaseAddress = first.Address })
            {
                var session = await signIn.PostAsync("/api/v1/session", System.Net.Http.Json.JsonContent.Create(new { userName = "admin", password }));
                Assert.Equal(HttpStatusCode.Created, session.StatusCode);
            }

            var printed = AdminKeyLine().Matches(first.Output).Select(m => m.Groups["key"].Value).ToList();
            key = Assert.Single(printed);
            Assert.True(ApiKeySecrets.TryParse(key, out _, out _), key);
            using var http = new HttpClient { BaseAddress = first.Address };
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/campaigns")).StatusCode);
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/campaigns")).StatusCode);

            // On Kestrel the body limit holds for a chunked body too, which announces no length.
            using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/campaigns")
            {
                Content = new StringContent("{\"name\": \"" + new string('x', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json"),
            };
            chunked.Headers.TransferEncodingChunked = true;
            var tooLarge = await http.SendAsync(chunked);
            var problem = await tooLarge.Content.ReadAsStringAsync();
            Assert.True(tooLarge.StatusCode == HttpStatusCode.RequestEntityTooLarge, problem);
            Assert.Contains("urn:campaign-workflow:problem:request.too_large", problem, StringComparison.Ordinal);
        }
        await using (var second = await StartAsync(_folder))
        {
            Assert.DoesNotContain("X-Api-Key:", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Password:", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(key, second.Output, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = second.Address };
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/campaigns")).StatusCode);
        }
    }

    [Fact]
    public async Task TheBootstrapCreatesOneAdminKey_HowEverOftenItRuns()
    {
        var api = new SqliteApiFactory();
        try
        {
            await api.InitializeAsync(); // the start ran the bootstrap once
            for (var run = 0; run < 2; run++)
            {
                await using var scope = api.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AdminKeyBootstrap>().EnsureAsync(CancellationToken.None);
            }
            var admin = Assert.Single(await api.DbAsync(db => db.ApiKeys.AsNoTracking().ToListAsync()));
            Assert.Equal(("admin", true, (DateTime?)null), (admin.Principal, admin.CanActForOthers, admin.RevokedAt));
            Assert.Equal(Roles.All.Order(), admin.Roles.Split(',').Order());
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [GeneratedRegex(@"Password: (?<password>\S+)")]
    private static partial Regex AdminPasswordLine();

    [GeneratedRegex(@"X-Api-Key: (?<key>cwk_\S+)")]
    private static partial Regex AdminKeyLine();

    private static Task<ApiProcess> StartAsync(string dataFolder) => ApiProcess.StartAsync(new Dictionary<string, string?>
    {
        ["Storage__Provider"] = "Sqlite",
        ["Storage__DataFolder"] = dataFolder,
    });
}
