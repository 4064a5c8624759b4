using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Api.Identity;
using Workflow.Storage;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The real API in its production configuration over a real database of its own. Subclasses say
/// which database; every test class gets a fresh one.
/// </summary>
public abstract class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("campaign-api-").FullName;

    /// <summary>The configuration this host runs on, for starting the same program again (admin commands).</summary>
    public IReadOnlyList<string> StorageArguments =>
        [$"--Storage:Provider={Provider}", $"--Storage:ConnectionString={ConnectionString}", $"--Storage:DataFolder={DataFolder}"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so error responses are exactly what users get (no developer pages).
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:Provider", Provider);
        builder.UseSetting("Storage:ConnectionString", ConnectionString);
        builder.UseSetting("Storage:DataFolder", DataFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(ErrorLog));
    }

    /// <summary>What the host logged as errors, for the message of a test that saw a 5xx.</summary>
    public ServerErrorLog ErrorLog { get; } = new();

    /// <summary>More configuration for this host (set before it starts).</summary>
    /// <remarks>
    /// Scheduled anchoring is off unless a test turns it on: its first anchor is due at once and lands in the events feed
    /// at a moment no test chose, between entries a feed test is counting. The commands-per-principal limit is off too:
    /// suites send one principal's commands faster than any person or integrator (hundreds of loops in a second or two);
    /// its own tests (Security/RateLimitTests) turn it on. The limit on refused keys stays as shipped.
    /// </remarks>
    public Dictionary<string, string?> Settings { get; } = new() { ["Anchoring:Interval"] = "00:00:00", ["RateLimits:CommandsPerSecond"] = "0" };

    public virtual Task InitializeAsync()
    {
        _ = Server; // starts the host: migrations and the definitions import run now
        return Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A client authenticated as the principal, with the roles it needs.</summary>
    public async Task<HttpClient> ClientAsync(string principal, params string[] roles) => await ClientAsync(principal, false, roles);

    public async Task<HttpClient> ClientAsync(string principal, bool canActForOthers, params string[] roles) =>
        Client(await IssueKeyAsync(principal, canActForOthers, roles));

    /// <summary>Issues an API key the way an admin would; the text is returned once, as to a user.</summary>
    public async Task<string> IssueKeyAsync(string principal, bool canActForOthers, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyIssuer>().IssueAsync(principal, roles, canActForOthers, CancellationToken.None);
    }

    /// <summary>A client sending the given key (or none).</summary>
    public HttpClient Client(string? key) => WithKey(CreateClient(), key);

    public static HttpClient WithKey(HttpClient client, string? key)
    {
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public Task<HttpClient> AdminAsync() => ClientAsync("admin", Roles.All);

    /// <summary>Reads the database directly, for asserting what was (or was not) written.</summary>
    public async Task<T> DbAsync<T>(Func<CampaignDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CampaignDbContext>());
    }
}

/// <summary>A SQLite file, as the embedded default uses.</summary>
public sealed class SqliteApiFactory : ApiFactory
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString => SqliteConnectionString;

    public string SqliteConnectionString => $"Data Source={Path.Combine(DataFolder, "campaigns.db")};Pooling=True";
}

/// <summary>A database of its own on the throwaway PostgreSQL server that the test command starts.</summary>
public sealed class PostgresApiFactory : ApiFactory
{
    private readonly PostgresTestDatabase _database = new("api");

    public string DatabaseName => _database.Name;

    protected override string Provider => "PostgreSql";

    protected override string ConnectionString => _database.ConnectionString;

    public override async Task InitializeAsync()
    {
        await _database.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DropAsync();
    }
}
