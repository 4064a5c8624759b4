using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Workflow.Benchmarks.Hosting;

namespace Workflow.Benchmarks.WritePath;

/// <summary>
/// Task completions per second through the real API (HTTP pipeline in memory, API-key authentication, the engine, the
/// ledger, work items, timers, outbox) beside the hand-written EF twin writing the same rows, on the same database in the
/// same process, at 1, 8 and 32 concurrent clients. Each client works its own campaign, looping the study summary
/// (draft, then "request changes"); an invocation is 64 completions shared among the clients, so Mean is the time per
/// completion under that concurrency and 1/Mean the throughput. Ratio is the API's time over the twin's: 1.4 means the
/// API runs at 1/1.4 = 0.71× the twin's speed.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class DurablePathBenchmarks
{
    private const int CompletionsPerInvocation = 64;
    private BenchDatabase _database = null!;
    private BenchApi _api = null!;
    private HttpClient _client = null!;
    private EfTwin _twin = null!;
    private Guid[] _apiCampaigns = [];
    private Guid[] _twinCampaigns = [];
    private int[] _apiLoops = [];
    private int[] _twinLoops = [];

    [Params(BenchStore.Sqlite, BenchStore.PostgreSql)]
    public BenchStore Database { get; set; }

    [Params(1, 8, 32)]
    public int Clients { get; set; }

    private int LoopsPerClient => CompletionsPerInvocation / 2 / Clients;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await BenchDatabase.CreateAsync(Database);
        _api = new BenchApi(_database.Settings);
        _client = await _api.AdminClientAsync();
        var probe = await SeedRequests.AtTheSummaryAsync(_client);
        var draft = await EfTwin.CaptureAsync(_api.Services, probe, () => SeedRequests.CompleteAsync(_client, probe, "studySummary:1", SeedRequests.SummaryDraft));
        var review = await EfTwin.CaptureAsync(_api.Services, probe, () => SeedRequests.CompleteAsync(_client, probe, "summaryApproval:1", SeedRequests.ChangesRequested));
        Console.WriteLine($"// A draft's completion writes {draft.Rows} rows beside the campaign and its task; a review's {review.Rows}.");
        _twin = new EfTwin(_api.Services, draft, review);
        _apiCampaigns = await CampaignsAsync();
        _twinCampaigns = await CampaignsAsync();
        _apiLoops = Enumerable.Repeat(1, Clients).ToArray();
        _twinLoops = Enumerable.Repeat(1, Clients).ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CompletionsPerInvocation, Description = "hand-written EF twin, same rows")]
    public Task Twin() => AllClientsAsync(_twinCampaigns, _twinLoops, (id, loop) => _twin.LoopAsync(id, loop));

    [Benchmark(OperationsPerInvoke = CompletionsPerInvocation, Description = "POST …/tasks/{taskId}/complete")]
    public Task Api() => AllClientsAsync(_apiCampaigns, _apiLoops, (id, loop) => SeedRequests.LoopAsync(_client, id, loop));

    private Task AllClientsAsync(Guid[] campaigns, int[] loops, Func<Guid, int, Task> loop) =>
        Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < LoopsPerClient; i++)
                await loop(campaigns[client], loops[client]++);
        })));

    private async Task<Guid[]> CampaignsAsync()
    {
        var campaigns = new Guid[Clients];
        for (var i = 0; i < Clients; i++) campaigns[i] = await SeedRequests.AtTheSummaryAsync(_client);
        return campaigns;
    }
}
