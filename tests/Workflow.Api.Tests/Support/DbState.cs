using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// Everything a command can write, condensed: counts plus a digest of every campaign row, ledger
/// entry, worklist row and idempotency record. Equal before and after means nothing was written.
/// Definition drafts and the definitions ledger stream are left out: any JSON object is a valid
/// (work-in-progress) draft, so saving one is a write that garbage may legitimately cause.
/// </summary>
public sealed record DbState(int Campaigns, int History, int WorkItems, int IdempotencyRecords, string Digest)
{
    public static Task<DbState> ReadAsync(ApiFactory api) => api.DbAsync(async db =>
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Number)
            .Select(c => $"{c.Id}|{c.Version}|{c.State}|{c.Status}|{c.HistoryCount}|{c.HistoryHead}|{c.StateJson}").ToListAsync();
        var history = await db.History.AsNoTracking().Where(h => h.CampaignId != LedgerStream.Definitions).OrderBy(h => h.Id).Select(h => h.Hash).ToListAsync();
        var work = await db.WorkItems.AsNoTracking().OrderBy(w => w.Id).Select(w => $"{w.TaskId}|{w.Status}|{w.Assignee}").ToListAsync();
        var keys = await db.IdempotencyRecords.AsNoTracking().Select(r => r.Principal + "|" + r.Key).ToListAsync();
        var all = string.Join("\n", campaigns.Concat(history).Concat(work).Concat(keys.Order(StringComparer.Ordinal)));
        return new DbState(campaigns.Count, history.Count, work.Count, keys.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all))));
    });
}
