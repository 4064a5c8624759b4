using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Identity;

namespace Workflow.Benchmarks.Hosting;

/// <summary>
/// The real API (its Program: migrations, definitions import, every service) over a SQLite file of
/// its own, with webhooks allowed to 127.0.0.1. <see cref="UseKestrel"/> puts it on a real socket;
/// otherwise requests go through the in-memory test server. A <paramref name="seedDatabase"/> (a SQLite file made
/// earlier, e.g. by <see cref="WritePath.HistoryFixture"/>) is copied in as the database before the host starts.
/// </summary>
public sealed class BenchApi(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, string? seedDatabase = null)
    : WebApplicationFactory<Program>
{
    // The API's content (appsettings.json, workflows/) is copied next to the benchmarks; the factory would otherwise look
    // for a Workflow.Api folder beside the solution file, which is under src/.
    static BenchApi() =>
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WORKFLOW_API", AppContext.BaseDirectory);

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("workflow-bench-").FullName;

    public string DatabaseFile => Path.Combine(DataFolder, "campaigns.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (seedDatabase is not null && !File.Exists(DatabaseFile)) File.Copy(seedDatabase, DatabaseFile);
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:ConnectionString", $"Data Source={DatabaseFile};Pooling=True");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Webhooks:AllowedHosts:0", "127.0.0.1");
        // One admin principal sends every benchmark's commands, far faster than the per-principal limit allows a person.
        builder.UseSetting("RateLimits:CommandsPerSecond", "0");
        // The measurement's output, not the server's request log.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>A client with a key of every role, issued the way an admin would.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        string key;
        await using (var scope = Services.CreateAsyncScope())
            key = await scope.ServiceProvider.GetRequiredService<ApiKeyIssuer>().IssueAsync("bench.admin", Roles.All, false, CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The seed campaign's requests, as an integrator sends them.</summary>
public static class SeedRequests
{
    public static readonly object NewCampaign = new
    {
        templateId = "scientific-outlook-campaign",
        templateVersion = 1,
        name = "基准测试活动",
        organization = "district-education-bureau",
        parameters = new
        {
            partyGroups = new[]
            {
                new { id = "group-1", name = "机关第一党小组", leader = "leader.zhang" },
                new { id = "group-2", name = "机关第二党小组", leader = "leader.li" },
            },
            teamMembers = new[] { "secretary.chen", "deputy.liu" },
        },
    };

    /// <summary>The study summary's draft, as its author sends it.</summary>
    public static readonly object SummaryDraft = new { result = new { documents = new[] { new { uri = "https://docs.example/study-summary.pdf", sha256 = new string('b', 64) } } } };

    /// <summary>The party committee sends the summary back: the study phase loops to a new draft.</summary>
    public static readonly object ChangesRequested = new { outcome = "ChangesRequested", result = new { comments = "请补充调研数据" }, comment = "请补充调研数据" };

    /// <summary>A started campaign whose study summary is open (studySummary:1): the loop the write-path benchmarks run.</summary>
    public static async Task<Guid> AtTheSummaryAsync(HttpClient client)
    {
        var id = await StartedCampaignAsync(client);
        foreach (var (taskId, body) in StudyTasks.Take(3))
            await CompleteAsync(client, id, taskId, body);
        return id;
    }

    /// <summary>One loop: the draft completed and sent back for changes, so studySummary:{loop + 1} is open.</summary>
    public static async Task LoopAsync(HttpClient client, Guid id, int loop)
    {
        await CompleteAsync(client, id, $"studySummary:{loop}", SummaryDraft);
        await CompleteAsync(client, id, $"summaryApproval:{loop}", ChangesRequested);
    }

    public static async Task CompleteAsync(HttpClient client, Guid id, string taskId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/campaigns/{id}/tasks/{taskId}/complete", body);
        await EnsureAsync(response);
    }

    /// <summary>The study phase's first four tasks, in order, with the results that complete them.</summary>
    public static readonly IReadOnlyList<(string TaskId, object Body)> StudyTasks =
    [
        ("studyMobilization:1", new { result = new { heldOn = "2023-03-01" } }),
        ("centralizedStudy:1", new { result = new { heldOn = "2023-03-10" } }),
        ("researchVisits:1", new { result = new { findings = new[] { new { title = "师资不足", kind = "problem", office = "办公室", owner = "office.head", deadline = "2023-09-30" } } } }),
        ("studySummary:1", new { result = new { documents = new[] { new { uri = "https://docs.example/study-summary.pdf", sha256 = new string('b', 64) } } } }),
    ];

    /// <summary>A new campaign, started (studyMobilization:1 is open); its id.</summary>
    public static async Task<Guid> StartedCampaignAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/campaigns", NewCampaign);
        await EnsureAsync(created);
        var location = created.Headers.Location!.ToString();
        using var started = await client.PostAsJsonAsync($"{location}/transitions", new { trigger = "start", reason = "按计划推进" });
        await EnsureAsync(started);
        return Guid.Parse(location.Split('/')[^1]);
    }

    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
