using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Audit.Query;
using Workflow.Storage;
using Workflow.Storage.History;
using Workflow.Storage.Providers;

namespace Workflow.Benchmarks.Ledger;

/// <summary>
/// The auditors' filtered keyset page (actor + time order, 50 rows) over a 1,000,000-entry ledger,
/// at the start of the range and deep in it, beside the OFFSET page the API never uses. Run
/// <c>generate-ledger</c> first (the setup does it if the file is missing).
/// </summary>
[MemoryDiagnoser]
public class LedgerQueryBenchmarks
{
    private const int PageSize = 50;
    private CampaignDbContext _db = null!;
    private AuditFilter _first = null!;
    private AuditFilter _deep = null!;
    private int _deepOffset;

    [GlobalSetup]
    public async Task Setup()
    {
        var path = await LedgerGenerator.EnsureAsync(LedgerFile.DefaultPath, 1_000_000, Console.Out);
        _db = LedgerFile.OpenReadOnly(path);
        _first = new AuditFilter(Actor: "leader.zhang");
        var entries = await _first.Apply(_db.History).CountAsync();
        _deepOffset = entries - 10 * PageSize;
        var deepRow = await _first.Apply(_db.History).Skip(_deepOffset - 1).FirstAsync();
        _deep = _first with { After = new AuditCursor.Position(deepRow.At, deepRow.Id) };
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Description = "keyset page, start of range")]
    public Task<List<HistoryEntry>> KeysetFirstPage() => Page(_first.Apply(_db.History));

    [Benchmark(Description = "keyset page, deep in range")]
    public Task<List<HistoryEntry>> KeysetDeepPage() => Page(_deep.Apply(_db.History));

    [Benchmark(Baseline = true, Description = "OFFSET page, deep in range (not used by the API)")]
    public Task<List<HistoryEntry>> OffsetDeepPage() => Page(_first.Apply(_db.History).Skip(_deepOffset));

    private static Task<List<HistoryEntry>> Page(IQueryable<HistoryEntry> query) => query.AsNoTracking().Take(PageSize).ToListAsync();
}
