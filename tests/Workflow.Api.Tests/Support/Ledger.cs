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
