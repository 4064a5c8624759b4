using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.History;
using Workflow.Storage;
using Workflow.Storage.Feed;
using Workflow.Storage.Providers;

namespace Workflow.Benchmarks.Ledger;

/// <summary>
/// The events feed's read rate: a follower halfway through a 1,000,000-entry ledger reads ten
/// consecutive pages of 200, each after the cursor the previous one ended at, the way
/// <c>GET /api/v1/events?after=…&amp;limit=200</c> reads them (FeedReader's window, then the entry
/// views). Beside it the same pages as one plain Id-ordered query, and as OFFSET pages (the
/// baseline). Each operation is one entry, so the mean is the time per entry read.
/// </summary>
[MemoryDiagnoser]
public class FeedReadBenchmarks
{
    private const int PageSize = 200;
    private const int Pages = 10;
    private const int Entries = PageSize * Pages;
    private CampaignDbContext _db = null!;
    private long _afterId;
    private int _offset;

    [GlobalSetup]
    public async Task Setup()
    {
        var path = await LedgerGenerator.EnsureAsync(LedgerFile.DefaultPath, 1_000_000, Console.Out);
        _db = LedgerFile.OpenReadOnly(path);
        _offset = await _db.History.CountAsync() / 2;
        _afterId = await _db.History.OrderBy(h => h.Id).Skip(_offset - 1).Select(h => h.Id).FirstAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(OperationsPerInvoke = Entries, Description = "feed pages after a cursor (FeedReader, as GET /api/v1/events)")]
    public async Task<int> FeedAfterCursor()
    {
        var position = new FeedPosition(_afterId, _afterId);
        var read = 0;
        for (var page = 0; page < Pages; page++)
        {
            var window = await FeedReader.ReadAsync(_db, position, PageSize, CancellationToken.None);
            read += window.Entries.Select(e => HistoryEndpoints.View(e.Entry)).Count();
            position = window.Next;
        }
        return Check(read);
    }

    [Benchmark(OperationsPerInvoke = Entries, Description = "plain Id-ordered pages after the last id")]
    public async Task<int> PlainKeyset()
    {
        var after = _afterId;
        var read = 0;
        for (var page = 0; page < Pages; page++)
        {
            var rows = await _db.History.AsNoTracking().Where(h => h.Id > after).OrderBy(h => h.Id).Take(PageSize).ToListAsync();
            read += rows.Select(HistoryEndpoints.View).Count();
            after = rows[^1].Id;
        }
        return Check(read);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Entries, Description = "OFFSET pages at the same place (not used by the API)")]
    public async Task<int> OffsetPages()
    {
        var read = 0;
        for (var page = 0; page < Pages; page++)
        {
            var rows = await _db.History.AsNoTracking().OrderBy(h => h.Id).Skip(_offset + page * PageSize).Take(PageSize).ToListAsync();
            read += rows.Select(HistoryEndpoints.View).Count();
        }
        return Check(read);
    }

    /// <summary>A variant that read fewer entries would look faster than it is.</summary>
    private static int Check(int read) =>
        read == Entries ? read : throw new InvalidOperationException($"Read {read} entries, expected {Entries}.");
}
