using Microsoft.EntityFrameworkCore;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Support;

/// <summary>Reads a campaign's ledger from the database and checks it is whole.</summary>
public static class Ledger
{
    /// <summary>
    /// The entries in order, after asserting: sequences 1..N without gap or duplicate, every hash
    /// recomputes from its content and links to the one before, and the campaign row's head and count
    /// are the last entry's.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>> VerifiedAsync(ApiFactory api, Guid campaignId)
    {
        var entries = await api.DbAsync(db => db.History.AsNoTracking().Where(h => h.CampaignId == campaignId).OrderBy(h => h.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        var previous = HistoryChain.Genesis;
        foreach (var entry in entries)
        {
            Assert.Equal(previous, entry.PreviousHash);
            Assert.Equal(HistoryChain.Hash(entry), entry.Hash);
            previous = entry.Hash;
        }
        var row = await api.DbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => new { c.HistoryHead, c.HistoryCount }).SingleAsync());
        Assert.Equal(previous, row.HistoryHead);
        Assert.Equal(entries.Count, row.HistoryCount);
        return entries;
    }
}

/// <summary>The events feed as seen from a test.</summary>
public static class Feed
{
    /// <summary>
    /// Waits until the feed's head has reached every entry committed so far. On PostgreSQL the feed's
    /// fence is the oldest transaction running anywhere on the server (other test classes' too), so an
    /// entry just committed may show a moment later; it is never skipped.
    /// </summary>
    public static async Task SettledAsync(ApiFactory api, HttpClient client)
    {
        var newest = await api.DbAsync(db => db.History.AsNoTracking().MaxAsync(h => (long?)h.Id));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var head = (await client.GetJsonAsync("/api/v1/events/head")).Json.GetProperty("lastId").GetInt64();
            if (head >= (newest ?? 0) || DateTime.UtcNow > deadline) return;
            await Task.Delay(50);
        }
    }
}
