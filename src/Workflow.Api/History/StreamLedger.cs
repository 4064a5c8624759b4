using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.History;
using Workflow.Storage.Providers;

namespace Workflow.Api.History;

/// <summary>
/// Appends to a ledger stream that is not a campaign (definitions, administration), in the transaction of the
/// change itself. Every append moves the stream row's head and version (a concurrency token), so two writers
/// can never chain onto the same head: the one that commits second fails and runs again on the fresh head.
/// </summary>
public static class StreamLedger
{
    private const int MaxAttempts = 8;

    /// <summary>
    /// Adds the entry to the change tracker, chained onto the stream's head, with the stream row moved forward
    /// (created on first use); the caller's <c>SaveChangesAsync</c> writes both with the change itself.
    /// </summary>
    public static async Task AppendAsync(CampaignDbContext db, Guid streamId, string streamName, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var stream = await db.LedgerStreams.FindAsync([streamId], cancellationToken);
        if (stream is null)
        {
            stream = new LedgerStream { Id = streamId, Name = streamName, HistoryHead = HistoryChain.Genesis, HistoryCount = 0, Version = 0 };
            db.LedgerStreams.Add(stream);
        }
        else if (db.Entry(stream).State == EntityState.Unchanged)
        {
            stream.Version += 1;
        }
        db.History.Add(HistoryWriter.AppendOne(stream, entry));
    }

    /// <summary>
    /// Runs <paramref name="work"/> (which saves its changes) in one transaction and commits it; a lost race (the
    /// stream head, a row's version, a unique key) runs it again from a clean change tracker.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(
        CampaignDbContext db, Guid streamId, Func<CancellationToken, Task<T>> work, Func<T> contended, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await strategy.ExecuteAsync(async token =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    // Changes take the stream row's lock first, so on PostgreSQL and SQL Server they queue here
                    // rather than race (SQLite's BEGIN IMMEDIATE already serializes writers); the version token
                    // stays as the guard of last resort. No row yet: the first append creates it.
                    await db.LedgerStreams.Where(s => s.Id == streamId)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), token);
                    var result = await work(token);
                    await transaction.CommitAsync(token);
                    return result;
                }, cancellationToken);
            }
            catch (Exception exception) when (WriteConflicts.IsConflict(exception))
            {
                if (attempt >= MaxAttempts) return contended();
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }
}
