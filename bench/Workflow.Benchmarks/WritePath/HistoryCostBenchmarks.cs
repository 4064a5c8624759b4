using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Workflow.Benchmarks.Hosting;

namespace Workflow.Benchmarks.WritePath;

/// <summary>
/// Whether a campaign's cost grows with its history: one loop of the study summary (a draft's completion and the
/// committee's "request changes", two commands) and one GET progress, on a campaign that has looped 1,000 or 10,000
/// times before, beside a fresh campaign in the same database (the baseline). Both go through the real API on SQLite.
/// Ratio is the long campaign's time over the fresh one's; the target is at most 1.1.
/// </summary>
// Monitoring with a fixed invocation count: the fresh campaign stays fresh (about 100 loops by the end), where a
// throughput job would loop it hundreds of times while it chose its invocation count.
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 20, invocationCount: 4)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class HistoryCostBenchmarks
{
    private BenchApi _api = null!;
    private HttpClient _client = null!;
    private Guid _fresh;
    private Guid _long;
    private int _freshLoop;
    private int _longLoop;

    [Params(1_000, 10_000)]
    public int PriorLoops { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var fixture = await HistoryFixture.EnsureAsync(PriorLoops, Console.Out);
        _api = new BenchApi(new Dictionary<string, string?>(), seedDatabase: fixture.DatabaseFile);
        _client = await _api.AdminClientAsync();
        _long = fixture.Campaign;
        _longLoop = fixture.Loops + 1;
        _fresh = await SeedRequests.AtTheSummaryAsync(_client);
        _freshLoop = 1;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2, Description = "a command, fresh campaign")]
    [BenchmarkCategory("command")]
    public Task CommandFresh() => SeedRequests.LoopAsync(_client, _fresh, _freshLoop++);

    [Benchmark(OperationsPerInvoke = 2, Description = "a command, after the prior loops")]
    [BenchmarkCategory("command")]
    public Task CommandLong() => SeedRequests.LoopAsync(_client, _long, _longLoop++);

    [Benchmark(Baseline = true, Description = "GET progress, fresh campaign")]
    [BenchmarkCategory("progress")]
    public Task<byte[]> ProgressFresh() => _client.GetByteArrayAsync($"/api/v1/campaigns/{_fresh}/progress");

    [Benchmark(Description = "GET progress, after the prior loops")]
    [BenchmarkCategory("progress")]
    public Task<byte[]> ProgressLong() => _client.GetByteArrayAsync($"/api/v1/campaigns/{_long}/progress");
}
